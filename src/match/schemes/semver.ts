import { parseConstraint, parseVersion } from './masterminds';
import { MatcherCompilation } from './tag-matcher';

/**
 * `type: semver`: the pattern is a Masterminds/semver v1.5.0 constraint; a tag that is not a
 * version never matches.
 */
export function compileSemverMatcher(pattern: string): MatcherCompilation {
  const parsed = parseConstraint(pattern);
  if (!parsed.ok) return { ok: false, error: `could not parse version constraint: ${parsed.error}` };
  const { constraint } = parsed;
  return {
    ok: true,
    matcher: {
      matches: (tag) => {
        const version = parseVersion(tag);
        return version !== null && constraint.check(version);
      },
    },
  };
}
