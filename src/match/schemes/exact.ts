import { MatcherCompilation } from './tag-matcher';

/** `type: exact`: the tag must equal the pattern. */
export function compileExactMatcher(pattern: string): MatcherCompilation {
  return { ok: true, matcher: { matches: (tag) => tag === pattern } };
}
