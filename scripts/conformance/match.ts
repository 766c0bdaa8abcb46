/**
 * match.jsonl parity: a marker's tag pattern against a tag, through the real matchers. For a
 * regex with `|`, SPEC D1 anchors the pattern as a group; the expectation is then computed with
 * JavaScript's own regular expressions, independently of re2js.
 */
import { isSchemeId, tagScheme } from '../../src/match/schemes';

export interface MatchRow {
  id: string;
  family: string;
  tag: string;
  type: string;
  constraint: string;
  match: boolean;
  error: string;
}

function groupedRegexMatch(pattern: string, tag: string): boolean {
  return new RegExp(`^(?:${pattern})$`).test(tag);
}

/** Null when our matcher agrees with the row (under D1 where it applies), else the difference. */
export function checkMatchCase(row: MatchRow): string | null {
  const compiled = isSchemeId(row.type) ? tagScheme(row.type).compile(row.constraint) : { ok: false as const, error: 'unknown type' };
  const label = `${row.id} ${row.type} ${JSON.stringify(row.constraint)} ~ ${JSON.stringify(row.tag)}`;
  if (row.error !== '') return compiled.ok ? `${label}: expected an error (${row.error}), got a matcher` : null;
  if (!compiled.ok) return `${label}: expected a matcher, got ${compiled.error}`;
  const expected = row.type === 'regex' && row.constraint.includes('|') ? groupedRegexMatch(row.constraint, row.tag) : row.match;
  const actual = compiled.value.matches(row.tag);
  return actual === expected ? null : `${label}: expected ${expected}, got ${actual}`;
}
