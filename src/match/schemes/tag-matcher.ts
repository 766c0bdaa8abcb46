/** A compiled `tag:` pattern of a marker, for one matching scheme (`type:`). */
export interface TagMatcher {
  /** Whether the tag of an incoming reference satisfies the pattern. */
  matches(tag: string): boolean;
}

/** Compiling a pattern either gives a matcher or says why the pattern is invalid. */
export type MatcherCompilation = { ok: true; matcher: TagMatcher } | { ok: false; error: string };
