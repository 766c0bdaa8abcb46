import { RE2JS } from 're2js';
import { lastCandidate, TagScheme } from './scheme';

/**
 * Whether the pattern has a `(?<name>...)` group outside escapes and character classes. Go before
 * 1.22, which kobold is built with, rejects that syntax; re2js accepts it.
 */
function hasAngleNamedGroup(pattern: string): boolean {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (pattern.startsWith('(?<', i) && !/[=!]/.test(pattern[i + 3] ?? '')) return true;
  }
  return false;
}

/**
 * `type: regex`: RE2 syntax, as Go's regexp, matched against the whole tag; the last match wins.
 * The pattern is anchored as a group, `^(?:pattern)$` (SPEC D1): kobold's `^pattern$` lets
 * `latest|stable` match `unstable`. re2js runs in linear time, so no pattern can make a run hang.
 */
export const regexScheme: TagScheme = {
  id: 'regex',
  compile(pattern) {
    if (hasAngleNamedGroup(pattern)) {
      return { ok: false, error: 'invalid regex: invalid or unsupported Perl syntax: `(?<` (write named groups as (?P<name>...))' };
    }
    try {
      // Compiled alone first: an unbalanced `)` must not close the anchoring group.
      RE2JS.compile(pattern);
      const anchored = RE2JS.compile(`^(?:${pattern})$`);
      return { ok: true, value: { matches: (tag) => anchored.test(tag), choose: lastCandidate } };
    } catch (error) {
      return { ok: false, error: `invalid regex: ${(error as Error).message}` };
    }
  },
};
