/**
 * Finds a text in ranges that come in order, each search picking up where the last one ended: over
 * a whole input, each character is searched once however many ranges are asked about.
 */
export class NextOccurrence {
  private at = -1;

  constructor(
    private readonly source: string,
    private readonly text: string,
  ) {}

  within(start: number, end: number): boolean {
    if (this.at < start && this.at !== Infinity) {
      const found = this.source.indexOf(this.text, start);
      this.at = found < 0 ? Infinity : found;
    }
    return this.at + this.text.length <= end;
  }
}

/** How many times `text` occurs in `haystack`, text or bytes, counted up to `atMost`. */
export function countOccurrences(haystack: string | Uint8Array, text: string, atMost: number): number {
  const search = typeof haystack === 'string' ? haystack : Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength);
  let count = 0;
  for (let at = search.indexOf(text, 0); at >= 0 && count < atMost; at = search.indexOf(text, at + text.length)) count++;
  return count;
}
