import type { Parsed } from '../../parsed';

/**
 * A tag scheme (a marker's `type:`): how a `tag:` pattern is read, which tags it accepts, and
 * which of the accepted references a field takes, as Renovate's versioning modules put matching
 * and ordering behind one interface.
 */
export interface TagScheme {
  /** The marker's `type:` that selects this scheme. */
  readonly id: string;
  /** Reads a marker's `tag:` pattern, or says why it is invalid. */
  compile(pattern: string): PatternCompilation;
}

/** A reference a field could take: what a scheme needs to see of it is its tag. */
export interface TagCandidate {
  readonly tag: string;
}

/** A compiled `tag:` pattern. */
export interface TagPattern {
  /** Whether the tag of an incoming reference satisfies the pattern. */
  matches(tag: string): boolean;
  /**
   * Of the candidates (references whose tags match, in the functionConfig's order), the one the
   * field takes, or undefined to keep the field as it is. `currentTag` is the tag the field holds
   * now, or null when it holds none.
   */
  choose<C extends TagCandidate>(candidates: readonly C[], currentTag: string | null): C | undefined;
}

export type PatternCompilation = Parsed<TagPattern>;

/**
 * SPEC §5 for exact and regex: the references apply in turn, each against the value the one before
 * left, so the last match wins (kobold's rule).
 */
export function lastCandidate<C>(candidates: readonly C[]): C | undefined {
  return candidates[candidates.length - 1];
}
