import { strict as assert } from 'assert';
import { execFileSync } from 'child_process';
import { COMPOSER_FLAGS, engineFlagsFor, LARGE_INPUT_FROM, LARGE_INPUT_INTERRUPT_BUDGET } from '../src/cli/engine-flags';

const LARGE_INPUT_FLAGS = ['--no-turbo-inlining', `--interrupt-budget=${LARGE_INPUT_INTERRUPT_BUDGET}`, '--semi-space-growth-factor=1'];

describe('engineFlagsFor', () => {
  it('sets nothing for a small input, so that a short run does not load v8', () => {
    assert.deepEqual(engineFlagsFor(0), []);
    assert.deepEqual(engineFlagsFor(LARGE_INPUT_FROM - 1), []);
  });

  it('sets the same flags for every input from LARGE_INPUT_FROM on, whatever its size', () => {
    assert.deepEqual(engineFlagsFor(LARGE_INPUT_FROM), LARGE_INPUT_FLAGS);
    assert.deepEqual(engineFlagsFor(100 << 20), LARGE_INPUT_FLAGS);
  });

  it('gives the composer path a smaller interrupt budget than a large input has', () => {
    assert.deepEqual(COMPOSER_FLAGS, ['--interrupt-budget=67584']);
    assert.ok(67584 < LARGE_INPUT_INTERRUPT_BUDGET);
  });

  it('gives flags this V8 knows', () => {
    for (const flag of [...engineFlagsFor(LARGE_INPUT_FROM), ...COMPOSER_FLAGS]) {
      // An unknown flag makes node exit with "bad option".
      assert.equal(execFileSync(process.execPath, [flag, '-e', 'process.stdout.write("ok")'], { encoding: 'utf8' }), 'ok', flag);
    }
  });
});
