/**
 * Versions and constraints as Masterminds/semver v1.5.0 reads and checks them (what kobold uses
 * for `type: semver`). Masterminds' own parsing rules are reproduced with its regular expressions;
 * a parsed version is held and ordered as a normalised npm `SemVer`.
 */
import SemVer from 'semver/classes/semver';
import type { Parsed } from '../../parsed';

/** A version as Masterminds' `NewVersion` accepts it. */
export interface Version {
  /** The text as given. */
  readonly original: string;
  /** The same version normalised: no `v`, no leading zeros, a missing minor or patch as 0. */
  readonly semver: SemVer;
}

// Masterminds' SemVerRegex, anchored: only a lowercase `v`, one to three numeric parts.
const VERSION =
  /^v?(?<major>[0-9]+)(?:\.(?<minor>[0-9]+))?(?:\.(?<patch>[0-9]+))?(?:-(?<prerelease>[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+(?<build>[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;

/** Masterminds' `NewVersion`: `null` where it reports an error. */
export function parseVersion(text: string): Version | null {
  const groups = VERSION.exec(text)?.groups;
  if (groups === undefined) return null;
  const { major, minor = '0', patch = '0', prerelease, build } = groups;
  const complete = `${major}.${minor}.${patch}${prerelease ? `-${prerelease}` : ''}${build ? `+${build}` : ''}`;
  try {
    // `loose` accepts leading zeros, which Masterminds allows in every numeric part.
    return { original: text, semver: new SemVer(complete, { loose: true }) };
  } catch {
    // npm's limits are tighter than Masterminds' int64 parts: at most 256 characters and
    // parts up to Number.MAX_SAFE_INTEGER.
    return null;
  }
}

/** Masterminds' `Version.Compare`: build metadata is ignored, a prerelease sorts below its release. */
export function compareVersions(a: Version, b: Version): -1 | 0 | 1 {
  return a.semver.compare(b.semver);
}

export interface Constraint {
  check(version: Version): boolean;
}

export type ConstraintParse = Parsed<Constraint>;

type Operator = '=' | '!=' | '>' | '>=' | '<' | '<=' | '~' | '^';

/** Masterminds' operators, with the alias each stands for. */
const OPERATORS: Readonly<Record<string, Operator>> = {
  '': '=',
  '=': '=',
  '!=': '!=',
  '>': '>',
  '>=': '>=',
  '=>': '>=',
  '<': '<',
  '<=': '<=',
  '=<': '<=',
  '~': '~',
  '~>': '~',
  '^': '^',
};

/**
 * The first part of a term's version that is a wildcard (`x`, `X`, `*`), Masterminds' "dirty"
 * flags. A missing minor counts as a wildcard minor (`1` is `1.x`), a missing patch does not
 * (`1.2` is `1.2.0`).
 */
type Wildcard = 'none' | 'major' | 'minor' | 'patch';

/** One comparison of a constraint, such as `>= 1.2`. */
interface Term {
  readonly operator: Operator;
  /** The term's version with its wildcards as 0. */
  readonly bound: Version;
  readonly wildcard: Wildcard;
}

type TermParse = Parsed<Term>;

/** Go's `\s`, which unlike JavaScript's is ASCII only. */
const SPACE = '[\\t\\n\\f\\r ]';

// Masterminds' cvRegex, verbatim: `|` inside its classes is a literal character, so `1|2`
// passes the regular expression and only fails when read as a version.
const CONSTRAINT_VERSION =
  String.raw`v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?` +
  String.raw`(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?` +
  String.raw`(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?`;

const TERM = new RegExp(
  `^${SPACE}*(${Object.keys(OPERATORS).map(escapeRegExp).join('|')})${SPACE}*(${CONSTRAINT_VERSION})${SPACE}*$`,
);

// Group 11 is the second version: the first takes group 1 and its 9 inner groups.
const RANGE = new RegExp(`${SPACE}*(${CONSTRAINT_VERSION})${SPACE}+-${SPACE}+(${CONSTRAINT_VERSION})${SPACE}*`, 'g');
/** What every hyphen range has: most constraints have none, and RANGE takes a while to compile. */
const RANGE_HYPHEN = new RegExp(`${SPACE}-${SPACE}`);

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

/** Masterminds' `NewConstraint`: `||` separates alternatives, `,` the terms all of which must hold. */
export function parseConstraint(text: string): ConstraintParse {
  const alternatives: Term[][] = [];
  for (const alternative of rewriteRanges(text).split('||')) {
    const terms: Term[] = [];
    for (const termText of alternative.split(',')) {
      const parsed = parseTerm(termText);
      if (!parsed.ok) return parsed;
      terms.push(parsed.value);
    }
    alternatives.push(terms);
  }
  return {
    ok: true,
    value: { check: (version) => alternatives.some((terms) => terms.every((term) => satisfies(version, term))) },
  };
}

/**
 * Masterminds' `rewriteRange`: each hyphen range `a - b` becomes `>= a, <= b`, replacing the
 * first occurrence of the matched text in the text rewritten so far.
 */
function rewriteRanges(text: string): string {
  if (!RANGE_HYPHEN.test(text)) return text;
  let rewritten = text;
  for (const match of text.matchAll(RANGE)) {
    rewritten = rewritten.replace(match[0], () => `>= ${match[1]}, <= ${match[11]}`);
  }
  return rewritten;
}

/** Masterminds' `parseConstraint`, for one term. */
function parseTerm(text: string): TermParse {
  const match = TERM.exec(text);
  if (match === null) return { ok: false, error: `improper constraint: ${text}` };
  const [, operator, version, major, minor = '', patch = '', prerelease = ''] = match;
  const wildcard = wildcardOf(major, minor, patch);
  const bound = parseVersion(boundText(wildcard, version, major, minor, prerelease));
  if (bound === null) return { ok: false, error: 'constraint Parser Error' };
  return { ok: true, value: { operator: OPERATORS[operator], bound, wildcard } };
}

/** `minor` and `patch` as matched, with their leading dot; empty when absent. */
function wildcardOf(major: string, minor: string, patch: string): Wildcard {
  if (isWildcard(major)) return 'major';
  if (minor === '' || isWildcard(minor.slice(1))) return 'minor';
  if (isWildcard(patch.slice(1))) return 'patch';
  return 'none';
}

function isWildcard(part: string): boolean {
  return part === 'x' || part === 'X' || part === '*';
}

/** The text Masterminds reads as the term's version; build metadata is kept only without wildcards. */
function boundText(wildcard: Wildcard, version: string, major: string, minor: string, prerelease: string): string {
  switch (wildcard) {
    case 'major':
      return '0.0.0';
    case 'minor':
      return `${major}.0.0${prerelease}`;
    case 'patch':
      return `${major}${minor}.0${prerelease}`;
    case 'none':
      return version;
  }
}

function satisfies(version: Version, term: Term): boolean {
  // A term without a prerelease rejects every prerelease, except a `!=` without wildcards.
  const hidesPrerelease = !(term.operator === '!=' && term.wildcard === 'none');
  if (hidesPrerelease && isPrerelease(version) && !isPrerelease(term.bound)) return false;
  return CHECKS[term.operator](version, term);
}

function isPrerelease(version: Version): boolean {
  return version.semver.prerelease.length > 0;
}

type Check = (version: Version, term: Term) => boolean;

const CHECKS: Readonly<Record<Operator, Check>> = {
  '=': (v, t) => (t.wildcard === 'none' ? compareVersions(v, t.bound) === 0 : tilde(v, t)),
  '!=': (v, t) => (t.wildcard === 'none' ? compareVersions(v, t.bound) !== 0 : !sameSeries(v, t)),
  '>': (v, t) => compareVersions(v, t.bound) > 0,
  '>=': (v, t) => compareVersions(v, t.bound) >= 0,
  '<': (v, t) => (t.wildcard === 'none' ? compareVersions(v, t.bound) < 0 : withinWildcardBound(v, t)),
  '<=': (v, t) => (t.wildcard === 'none' ? compareVersions(v, t.bound) <= 0 : withinWildcardBound(v, t)),
  '~': tilde,
  '^': (v, t) => compareVersions(v, t.bound) >= 0 && v.semver.major === t.bound.semver.major,
};

function tilde(version: Version, term: Term): boolean {
  return compareVersions(version, term.bound) >= 0 && (matchesAnyFromZero(term) || sameSeries(version, term));
}

/** Masterminds' special case: `~0.0.0` and `~*` accept every version. */
function matchesAnyFromZero({ bound, wildcard }: Term): boolean {
  const { major, minor, patch } = bound.semver;
  return major === 0 && minor === 0 && patch === 0 && (wildcard === 'none' || wildcard === 'major');
}

/** Same major, and same minor unless the term's minor is a wildcard. */
function sameSeries(version: Version, term: Term): boolean {
  const v = version.semver;
  const bound = term.bound.semver;
  return v.major === bound.major && (term.wildcard === 'minor' || v.minor === bound.minor);
}

/**
 * `<` and `<=` on a bound with a wildcard compare major and (unless it is the wildcard) minor each
 * on its own: neither may exceed the bound's, so `<2.x` accepts 2.5.0 and `<1.2.x` rejects 0.5.0.
 */
function withinWildcardBound(version: Version, term: Term): boolean {
  const v = version.semver;
  const bound = term.bound.semver;
  return v.major <= bound.major && (term.wildcard === 'minor' || v.minor <= bound.minor);
}
