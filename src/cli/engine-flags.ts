/** From this input size (in characters) on, a run is long enough for V8's optimizing compiler to matter. */
export const OPTIMIZED_RUN_FROM = 256 << 10;
/** From this input size on, what survives the young generation's collections adds up to megabytes. */
export const LARGE_RUN_FROM = 4 << 20;
/** Up to this many marker texts (`kobold`) in an input, the run's JavaScript work is short (see engineFlagsFor). */
export const SHORT_RUN_MARKERS = 5000;
/** Up to this many, it is very short. */
export const VERY_SHORT_RUN_MARKERS = 1500;
/** V8's interrupt budget in Node 20: the work a function does between checks on whether to optimize it. */
const DEFAULT_INTERRUPT_BUDGET = 67_584;
/** The interrupt budget for a short run, and for a very short one. */
export const SHORT_RUN_INTERRUPT_BUDGET = 4 * DEFAULT_INTERRUPT_BUDGET;
export const VERY_SHORT_RUN_INTERRUPT_BUDGET = 16 * DEFAULT_INTERRUPT_BUDGET;

/**
 * The V8 flags that suit a run on an input of this size with this many marker texts (`kobold`,
 * counted up to SHORT_RUN_MARKERS + 1), set once the input is read.
 *
 * - `--no-turbo-inlining`: V8 optimizes the reader's hot functions while the first items are read,
 *   compiling on another core; without inlining a compilation takes a few milliseconds instead of
 *   twenty, so optimized code arrives sooner. Sparse 5,000 runs 10% faster, dense 20,000 about 2%
 *   slower (bench/README.md).
 * - `--interrupt-budget` larger, when the input has few markers: only the marked resources are
 *   read, so the run's JavaScript work is short, and V8's compiler threads, optimizing every
 *   function that got warm, take the cores the run needs (on two cores they stall it for
 *   milliseconds at a time), for code that has little left to run. Up to 5,000 marker texts, 4
 *   times V8's default, so that only the functions that get hot are optimized: sparse 20,000 (4,000
 *   markers) and dense 1,000 (2,000) are fastest so; dense 20,000, whose work is long, is 6% slower
 *   with it, so it keeps V8's default. Up to 1,500, 16 times, which leaves nearly everything to the
 *   baseline compiler: sparse 5,000 (1,001) is 4% faster than with 4 times, while dense 1,000 is 3%
 *   and sparse 20,000 5% slower with 16 times (bench/README.md).
 * - `--semi-space-growth-factor=1`: V8 doubles its young generation each time the bytes surviving its
 *   collections add up to its size; on a large input what survives (the resource being read at each
 *   collection, the interned names of the results) adds up to megabytes, and dense 20,000 ends with a
 *   young generation 6 MB larger, which buys no measurable speed.
 *
 * None for small inputs: loading `v8` to set them costs a millisecond of start-up.
 */
export function engineFlagsFor(inputLength: number, markerTexts: number): string[] {
  const flags: string[] = [];
  if (inputLength >= OPTIMIZED_RUN_FROM) {
    flags.push('--no-turbo-inlining');
    if (markerTexts <= SHORT_RUN_MARKERS) flags.push(`--interrupt-budget=${markerTexts <= VERY_SHORT_RUN_MARKERS ? VERY_SHORT_RUN_INTERRUPT_BUDGET : SHORT_RUN_INTERRUPT_BUDGET}`);
  }
  if (inputLength >= LARGE_RUN_FROM) flags.push('--semi-space-growth-factor=1');
  return flags;
}
