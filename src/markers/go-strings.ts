/**
 * Go's definition of white space (`unicode.IsSpace`), which kobold's `strings.TrimSpace` uses.
 * Unlike JavaScript's `trim()`, it leaves U+FEFF (byte-order mark) alone.
 */
const GO_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;

/** Go's `strings.TrimSpace`. */
export function goTrimSpace(text: string): string {
  return text.replace(GO_SPACE, '');
}
