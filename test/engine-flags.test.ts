import { strict as assert } from 'assert';
import { engineFlagsFor, LARGE_RUN_FROM, OPTIMIZED_RUN_FROM } from '../src/engine-flags';

describe('engineFlagsFor', () => {
  it('sets nothing for a small input, so that a short run does not load v8', () => {
    assert.deepEqual(engineFlagsFor(0), []);
    assert.deepEqual(engineFlagsFor(OPTIMIZED_RUN_FROM - 1), []);
  });

  it('turns off inlining from the size on where the optimizing compiler matters', () => {
    assert.deepEqual(engineFlagsFor(OPTIMIZED_RUN_FROM), ['--no-turbo-inlining']);
    assert.deepEqual(engineFlagsFor(LARGE_RUN_FROM - 1), ['--no-turbo-inlining']);
  });

  it('also keeps the young generation small for a large input', () => {
    assert.deepEqual(engineFlagsFor(LARGE_RUN_FROM), ['--no-turbo-inlining', '--semi-space-growth-factor=1']);
    assert.deepEqual(engineFlagsFor(100 << 20), ['--no-turbo-inlining', '--semi-space-growth-factor=1']);
  });

  it('gives flags this V8 knows', () => {
    const { execFileSync } = require('child_process') as typeof import('child_process');
    for (const flag of engineFlagsFor(LARGE_RUN_FROM)) {
      // An unknown flag makes node exit with "bad option".
      assert.equal(execFileSync(process.execPath, [flag, '-e', 'process.stdout.write("ok")'], { encoding: 'utf8' }), 'ok', flag);
    }
  });
});
