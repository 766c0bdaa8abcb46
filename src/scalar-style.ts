import { parse, ParseOptions, SchemaOptions, DocumentOptions } from 'yaml';

/** The flow scalar styles a marked field can have; block scalars are not rewritten. */
export type FlowScalarStyle = 'PLAIN' | 'QUOTE_SINGLE' | 'QUOTE_DOUBLE';

const FLOW_INDICATOR = /[,[\]{}]/;
const PRINTABLE_LINE = /^[\t\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u;

/** Whether `value` read back under this schema is the same string. */
function readsBackAs(value: string, options: ParseOptions & DocumentOptions & SchemaOptions): boolean {
  try {
    return parse(value, options) === value;
  } catch {
    return false;
  }
}

/**
 * Whether `value` can stand as a plain scalar and still read back as this string: under YAML 1.2
 * and YAML 1.1 alike (Kubernetes tools still resolve `yes`, `0755` or `1_000` the 1.1 way), and,
 * inside a flow collection, without flow indicators.
 */
export function isPlainSafe(value: string, inFlow: boolean): boolean {
  if (value === '' || value.trim() !== value || !PRINTABLE_LINE.test(value)) return false;
  if (inFlow && FLOW_INDICATOR.test(value)) return false;
  return readsBackAs(value, { schema: 'core' }) && readsBackAs(value, { version: '1.1' });
}

/** `value` as a YAML double-quoted scalar. JSON's escapes are all valid YAML escapes. */
export function doubleQuoted(value: string): string {
  return JSON.stringify(value);
}

/**
 * The source text for a changed scalar: the style it had, except that a plain scalar whose new value
 * would not read back as a string is double-quoted, and so is a single-quoted one that cannot hold
 * the value on one line.
 */
export function renderScalar(value: string, style: FlowScalarStyle, inFlow: boolean): string {
  switch (style) {
    case 'PLAIN':
      return isPlainSafe(value, inFlow) ? value : doubleQuoted(value);
    case 'QUOTE_SINGLE':
      return PRINTABLE_LINE.test(value) ? `'${value.replace(/'/g, "''")}'` : doubleQuoted(value);
    case 'QUOTE_DOUBLE':
      return doubleQuoted(value);
  }
}
