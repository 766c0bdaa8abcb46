/**
 * From this input size (in characters) on, the CLI sets the V8 flags of engineFlagsFor: a run that
 * long is long enough for V8's optimizing compiler and young generation to matter.
 */
export const LARGE_INPUT_FROM = 256 << 10;

/** The interrupt budget for a large input: 16 times Node 20's default (67,584). */
export const LARGE_INPUT_INTERRUPT_BUDGET = 1_081_344;

/**
 * The V8 flags for a run on an input of this size, set once the input is read: one rule, for an
 * input of LARGE_INPUT_FROM or more, whose run reads only its marked resources, so that its
 * JavaScript work is short for its size.
 *
 * - `--no-turbo-inlining`: V8 optimizes the reader's hot functions while the first items are read,
 *   compiling on another core; without inlining a compilation takes a few milliseconds instead of
 *   twenty, so optimized code arrives sooner.
 * - `--interrupt-budget` larger, so that only the functions that get hot are optimized: V8's
 *   compiler threads, optimizing every function that got warm, take the core the run needs (on
 *   two cores they stall it for milliseconds at a time) for code that has little left to run.
 * - `--semi-space-growth-factor=1`: V8 doubles its young generation each time the bytes surviving
 *   its collections add up to its size; what survives in a run (the resource being read, the
 *   results) would grow it by megabytes, for no measurable speed.
 *
 * The README ("Performance") has the measurements on inputs other than the bench's. None for small
 * inputs: loading `v8` to set them costs a millisecond of start-up.
 */
export function engineFlagsFor(inputLength: number): string[] {
  if (inputLength < LARGE_INPUT_FROM) return [];
  return ['--no-turbo-inlining', `--interrupt-budget=${LARGE_INPUT_INTERRUPT_BUDGET}`, '--semi-space-growth-factor=1'];
}

/**
 * The V8 flags to set, after engineFlagsFor's, when such a run starts composing with the yaml
 * library (units the fast reader leaves, entries it does not read itself): Node's default
 * interrupt budget again. The library's lexer, parser and composer run for every composed unit or
 * entry, so they must be optimized early; under the large budget they stay in the interpreter and
 * a composed unit costs half as much again (callgrind, 500 composed items: 2.6 billion
 * instructions instead of 1.5).
 */
export const COMPOSER_FLAGS = ['--interrupt-budget=67584'];
