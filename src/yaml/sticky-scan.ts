/**
 * Scans with sticky or global regular expressions, run with test() and read from lastIndex: V8
 * compiles a regex to machine code at its second use, while a loop over characters stays
 * interpreted for the first thousands of lines, which is most of a short run.
 */

/** Where the match of `pattern` that starts at `at` (sticky) or after it (global) ends, or -1. */
export function scanFrom(pattern: RegExp, source: string, at: number): number {
  pattern.lastIndex = at;
  return pattern.test(source) ? pattern.lastIndex : -1;
}
