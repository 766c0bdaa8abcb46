import { compareVersions, parseConstraint, parseVersion, Version } from './masterminds';
import { TagCandidate, TagScheme } from './scheme';

/**
 * `type: semver`: the pattern is a Masterminds/semver v1.5.0 constraint; a tag that is not a
 * version never matches. Of the matching references the highest version wins, the later one on a
 * tie, and never one below the version the field has now; an equal version applies, so a
 * re-pushed tag with a new digest does (SPEC D3).
 */
export const semverScheme: TagScheme = {
  id: 'semver',
  compile(pattern) {
    const parsed = parseConstraint(pattern);
    if (!parsed.ok) return { ok: false, error: `could not parse version constraint: ${parsed.error}` };
    const constraint = parsed.value;
    return {
      ok: true,
      value: {
        matches: (tag) => {
          const version = parseVersion(tag);
          return version !== null && constraint.check(version);
        },
        choose: highestNotBelowCurrent,
      },
    };
  },
};

function highestNotBelowCurrent<C extends TagCandidate>(candidates: readonly C[], currentTag: string | null): C | undefined {
  let best: { candidate: C; version: Version } | undefined;
  for (const candidate of candidates) {
    const version = parseVersion(candidate.tag);
    if (version === null) continue;
    if (best === undefined || compareVersions(version, best.version) >= 0) best = { candidate, version };
  }
  if (best === undefined) return undefined;
  const current = currentTag === null ? null : parseVersion(currentTag);
  return current !== null && compareVersions(best.version, current) < 0 ? undefined : best.candidate;
}
