import { compileExactMatcher } from './exact';
import { compileRegexMatcher } from './regex';
import { compileSemverMatcher } from './semver';
import { MatcherCompilation } from './tag-matcher';

export type { TagMatcher, MatcherCompilation } from './tag-matcher';

const COMPILERS = {
  exact: compileExactMatcher,
  semver: compileSemverMatcher,
  regex: compileRegexMatcher,
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
