/** Expected texts and kpt's output, for tests that compare what a run printed or wrote. */

/** How `from` occurs in `text`: the number of occurrences. */
function occurrences(text: string, from: string): number {
  let count = 0;
  for (let at = text.indexOf(from); at >= 0; at = text.indexOf(from, at + 1)) count++;
  return count;
}

/**
 * The expected text after an update: `original` with each `[from, to]` replaced, where every
 * `from` must occur exactly once (so an expectation can never silently match the wrong place).
 * Everything else stays byte-for-byte as it was.
 */
export function withReplacements(original: string, replacements: ReadonlyArray<readonly [string, string]>): string {
  let text = original;
  for (const [from, to] of replacements) {
    const count = occurrences(text, from);
    if (count !== 1) throw new Error(`test setup: ${JSON.stringify(from)} occurs ${count} times, expected exactly once`);
    text = text.replace(from, () => to);
  }
  return text;
}

/** The result lines kpt prints (`[info] ...`, `[warning] ...`, `[error]: ...`), trimmed. */
export function kptResultLines(output: string): string[] {
  return output.split('\n').map((line) => line.trim()).filter((line) => /^\[(info|warning|error)\]/.test(line));
}
