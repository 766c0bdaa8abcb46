import { compileExactMatcher } from './exact';
import type { MatcherCompilation } from './tag-matcher';

export type { TagMatcher, MatcherCompilation } from './tag-matcher';

/** Each scheme's compiler; semver and regex bring libraries, so they load on first use. */
const COMPILERS = {
  exact: compileExactMatcher,
  semver: (pattern: string): MatcherCompilation => (require('./semver') as typeof import('./semver')).compileSemverMatcher(pattern),
  regex: (pattern: string): MatcherCompilation => (require('./regex') as typeof import('./regex')).compileRegexMatcher(pattern),
} as const;

/** A marker's `type:`. */
export type MatchType = keyof typeof COMPILERS;

export const MATCH_TYPES = Object.keys(COMPILERS) as readonly MatchType[];

export function isMatchType(type: string): type is MatchType {
  return Object.prototype.hasOwnProperty.call(COMPILERS, type);
}

/** Compiles the `tag:` pattern of a marker for its `type:`. */
export function compileMatcher(type: MatchType, pattern: string): MatcherCompilation {
  return COMPILERS[type](pattern);
}
