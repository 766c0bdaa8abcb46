/** How many times `text` occurs in `haystack`, text or bytes, counted up to `atMost`. */
export function countOccurrences(haystack: string | Uint8Array, text: string, atMost: number): number {
  const search = typeof haystack === 'string' ? haystack : Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength);
  let count = 0;
  for (let at = search.indexOf(text, 0); at >= 0 && count < atMost; at = search.indexOf(text, at + text.length)) count++;
  return count;
}
