/**
 * handler.sample.jsonl parity: one marked field and kobold's incoming references, run through the
 * library function `updateImageRefs` on the YAML line `v: <value> # kobold:<comment>`.
 *
 * A case without a divergence must give kobold's value. A case with a D-rule is checked against a
 * model of the SPEC written here as a direct transcription of its rules (kobold's sequential loop,
 * then D2, D3 and D4), separate from the structure of src/match/decide.ts.
 */
import { parse } from 'yaml';
import { updateImageRefs } from '../../src';
import { parseMarker } from '../../src/markers/marker';
import { isSchemeId, tagScheme } from '../../src/match/schemes';
import { compareVersions, parseVersion } from '../../src/match/schemes/masterminds';
import { parseIncomingReference, parseReference } from '../../src/match/reference';

export interface HandlerRow {
  id: string;
  family: string;
  comment: string;
  value: string;
  refs: string[];
  expect: { value: string; changed: boolean; warnings: string[] };
  divergence: string[];
}

export type HandlerVerdict = { status: 'passed' } | { status: 'failed'; reason: string } | { status: 'skipped' };

/** The SPEC's value for a field, straight from §4-§5. */
export function specModelValue(value: string, comment: string, refs: readonly string[]): string {
  const marker = parseMarker(comment);
  if (!marker.ok) return value;
  const { type, tag: pattern, part, context } = marker.value;
  if (!isSchemeId(type) || !['', 'tag', 'digest', 'tag+digest'].includes(part) || (part !== '' && context === '')) return value;
  const compiled = tagScheme(type).compile(pattern);
  if (!compiled.ok) return value;
  // kobold joins a part to its context with `:` (`@` for a digest); a tag that starts with `:` brings its own.
  const separator = part === 'digest' ? '@' : part === 'tag' && value.startsWith(':') ? '' : ':';
  const full = part === '' ? value : value === '' ? context : `${context}${separator}${value}`;
  const current = parseReference(full);
  if (!current.ok) return value;
  const newValues: Array<{ tag: string; value: string }> = [];
  for (const next of refs) {
    const incoming = parseIncomingReference(next);
    if (!incoming.ok || incoming.value.ref.contextName !== current.value.contextName) continue;
    const { tag, digest } = incoming.value;
    if (!compiled.value.matches(tag)) continue;
    if (part === 'digest' && digest === '') continue; // D2
    const newValue = { '': next, tag, digest, 'tag+digest': digest === '' ? tag : `${tag}@${digest}` }[part as '' | 'tag' | 'digest' | 'tag+digest'];
    newValues.push({ tag, value: newValue });
  }
  if (newValues.length === 0) return value;
  if (type !== 'semver') return newValues[newValues.length - 1].value;
  // D3: highest version, later on a tie, never below the current one.
  const best = newValues.reduce((a, b) => (compareVersions(parseVersion(b.tag)!, parseVersion(a.tag)!) >= 0 ? b : a));
  const currentTag = part === 'tag' ? value : part === 'tag+digest' ? value.split('@')[0] : part === '' ? /:([^:/@]*)(?:@.*)?$/.exec(value)?.[1] : undefined;
  const currentVersion = currentTag === undefined ? null : parseVersion(currentTag);
  return currentVersion !== null && compareVersions(parseVersion(best.tag)!, currentVersion) < 0 ? value : best.value;
}

function runThroughFunction(row: HandlerRow): { value: string; warned: boolean } {
  const line = `v: ${JSON.stringify(row.value)} # kobold:${row.comment}\n`;
  const { output, results } = updateImageRefs(line, row.refs);
  const errors = results.filter((result) => result.severity === 'error');
  if (errors.length > 0) throw new Error(errors[0].message);
  const value = (parse(output, { schema: 'failsafe' }) as { v: string }).v;
  return { value, warned: results.some((result) => result.severity === 'warning') };
}

export function checkHandlerCase(row: HandlerRow): HandlerVerdict {
  if (row.divergence.includes('X')) return { status: 'skipped' };
  const label = `${row.id} [${row.family}] v=${JSON.stringify(row.value)} # kobold:${row.comment} refs=${JSON.stringify(row.refs)}`;
  let actual: { value: string; warned: boolean };
  try {
    actual = runThroughFunction(row);
  } catch (error) {
    return { status: 'failed', reason: `${label}: ${(error as Error).message}` };
  }
  const byRule = row.divergence.length > 0;
  const expected = byRule ? specModelValue(row.value, row.comment, row.refs) : row.expect.value;
  if (actual.value !== expected) {
    return { status: 'failed', reason: `${label}: expected ${JSON.stringify(expected)}${byRule ? ` (by ${row.divergence.join(',')})` : ''}, got ${JSON.stringify(actual.value)}` };
  }
  if (!byRule && row.expect.warnings.length > 0 && !actual.warned) {
    return { status: 'failed', reason: `${label}: kobold warned (${row.expect.warnings[0]}), we did not` };
  }
  return { status: 'passed' };
}
