import { RE2JS } from 're2js';
import { MatcherCompilation } from './tag-matcher';

/**
 * `type: regex`: RE2 syntax, as Go's regexp, matched against the whole tag. The pattern is anchored
 * as a group, `^(?:pattern)$` (SPEC D1): kobold's `^pattern$` lets `latest|stable` match `unstable`.
 * re2js runs in linear time, so no pattern can make a run hang.
 */
export function compileRegexMatcher(pattern: string): MatcherCompilation {
  // Go before 1.22, which kobold is built with, rejects `(?<name>...)`; re2js accepts it.
  if (/\(\?</.test(pattern)) {
    return { ok: false, error: 'invalid regex: invalid or unsupported Perl syntax: `(?<` (write named groups as (?P<name>...))' };
  }
  try {
    const anchored = RE2JS.compile(`^(?:${pattern})$`);
    return { ok: true, matcher: { matches: (tag) => anchored.test(tag) } };
  } catch (error) {
    return { ok: false, error: `invalid regex: ${(error as Error).message}` };
  }
}
