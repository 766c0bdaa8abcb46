import { strict as assert } from 'assert';
import {
  engineFlagsFor,
  LARGE_RUN_FROM,
  OPTIMIZED_RUN_FROM,
  SHORT_RUN_INTERRUPT_BUDGET,
  SHORT_RUN_MARKERS,
  VERY_SHORT_RUN_INTERRUPT_BUDGET,
  VERY_SHORT_RUN_MARKERS,
} from '../src/cli/engine-flags';

const MANY = SHORT_RUN_MARKERS + 1;
const LATE_OPTIMIZATION = `--interrupt-budget=${SHORT_RUN_INTERRUPT_BUDGET}`;
const LATER_OPTIMIZATION = `--interrupt-budget=${VERY_SHORT_RUN_INTERRUPT_BUDGET}`;

describe('engineFlagsFor', () => {
  it('sets nothing for a small input, so that a short run does not load v8', () => {
    assert.deepEqual(engineFlagsFor(0, 0), []);
    assert.deepEqual(engineFlagsFor(OPTIMIZED_RUN_FROM - 1, 0), []);
    assert.deepEqual(engineFlagsFor(OPTIMIZED_RUN_FROM - 1, MANY), []);
  });

  it('turns off inlining from the size on where the optimizing compiler matters', () => {
    assert.deepEqual(engineFlagsFor(OPTIMIZED_RUN_FROM, MANY), ['--no-turbo-inlining']);
    assert.deepEqual(engineFlagsFor(LARGE_RUN_FROM - 1, MANY), ['--no-turbo-inlining']);
  });

  it('optimizes later when the input has few markers, up to SHORT_RUN_MARKERS', () => {
    assert.deepEqual(engineFlagsFor(OPTIMIZED_RUN_FROM, VERY_SHORT_RUN_MARKERS + 1), ['--no-turbo-inlining', LATE_OPTIMIZATION]);
    assert.deepEqual(engineFlagsFor(OPTIMIZED_RUN_FROM, SHORT_RUN_MARKERS), ['--no-turbo-inlining', LATE_OPTIMIZATION]);
    assert.deepEqual(engineFlagsFor(LARGE_RUN_FROM, 2000), ['--no-turbo-inlining', LATE_OPTIMIZATION, '--semi-space-growth-factor=1']);
  });

  it('optimizes later still with very few, up to VERY_SHORT_RUN_MARKERS', () => {
    assert.ok(VERY_SHORT_RUN_INTERRUPT_BUDGET > SHORT_RUN_INTERRUPT_BUDGET);
    assert.deepEqual(engineFlagsFor(OPTIMIZED_RUN_FROM, 0), ['--no-turbo-inlining', LATER_OPTIMIZATION]);
    assert.deepEqual(engineFlagsFor(OPTIMIZED_RUN_FROM, VERY_SHORT_RUN_MARKERS), ['--no-turbo-inlining', LATER_OPTIMIZATION]);
    assert.deepEqual(engineFlagsFor(LARGE_RUN_FROM, 1001), ['--no-turbo-inlining', LATER_OPTIMIZATION, '--semi-space-growth-factor=1']);
  });

  it('also keeps the young generation small for a large input', () => {
    assert.deepEqual(engineFlagsFor(LARGE_RUN_FROM, MANY), ['--no-turbo-inlining', '--semi-space-growth-factor=1']);
    assert.deepEqual(engineFlagsFor(100 << 20, MANY), ['--no-turbo-inlining', '--semi-space-growth-factor=1']);
  });

  it('gives flags this V8 knows', () => {
    const { execFileSync } = require('child_process') as typeof import('child_process');
    for (const flag of [...engineFlagsFor(LARGE_RUN_FROM, 0), ...engineFlagsFor(LARGE_RUN_FROM, SHORT_RUN_MARKERS)]) {
      // An unknown flag makes node exit with "bad option".
      assert.equal(execFileSync(process.execPath, [flag, '-e', 'process.stdout.write("ok")'], { encoding: 'utf8' }), 'ok', flag);
    }
  });
});
