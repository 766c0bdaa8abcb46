/** The flow scalar styles a marked field can have; block scalars are not rewritten. */
export type FlowScalarStyle = 'PLAIN' | 'QUOTE_SINGLE' | 'QUOTE_DOUBLE';

const FLOW_INDICATOR = /[,[\]{}]/;
const PRINTABLE_LINE = /^[\t\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u;
/** A first character that makes a plain scalar something else (or needs care this writer does not take). */
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`]/;

/** A first character that some scalar other than a string (NOT_A_STRING) starts with. */
const NOT_A_STRING_START = /^[-+.0-9~<=nNyYtTfFoO]/;

/**
 * Plain scalars that YAML 1.2 (core schema) or YAML 1.1 (which Kubernetes tools still use) read as
 * something other than a string: null, booleans, integers (with 1.1's `_`, octal `017`, binary
 * and base 60), floats, infinities, NaN, 1.1 timestamps, the merge key and `=`.
 */
const NOT_A_STRING = [
  /^(?:~|null|Null|NULL)$/,
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  /^[-+]?(?:0b[0-1_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(?::[0-5]?[0-9])*)$/,
  /^[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
  /^[-+]?\.(?:inf|Inf|INF)$/,
  /^\.(?:nan|NaN|NAN)$/,
  /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?$/,
  /^(?:<<|=)$/,
];

/**
 * Whether `value` can stand as a plain scalar and still read back as this string: under YAML 1.2
 * and YAML 1.1 alike, and, inside a flow collection, without flow indicators.
 */
export function isPlainSafe(value: string, inFlow: boolean): boolean {
  if (value === '' || value.trim() !== value || !PRINTABLE_LINE.test(value) || value.includes('\t')) return false;
  if (INDICATOR_START.test(value) || value.includes(': ') || value.includes(' #') || value.endsWith(':')) return false;
  if (inFlow && FLOW_INDICATOR.test(value)) return false;
  // Most values, image references among them, start with no such character: then no pattern is compiled or run.
  return !NOT_A_STRING_START.test(value) || !NOT_A_STRING.some((pattern) => pattern.test(value));
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
