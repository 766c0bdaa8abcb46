import { lazy } from '../../lazy';
import { exactScheme } from './exact';
import type { TagScheme } from './scheme';

export type { PatternCompilation, TagCandidate, TagPattern, TagScheme } from './scheme';

/** The schemes by id; semver and regex bring libraries, so they load on first use. */
const SCHEMES = {
  exact: () => exactScheme,
  semver: lazy(() => (require('./semver') as typeof import('./semver')).semverScheme),
  regex: lazy(() => (require('./regex') as typeof import('./regex')).regexScheme),
} satisfies Record<string, () => TagScheme>;

/** A marker's `type:`. */
export type SchemeId = keyof typeof SCHEMES;

export const SCHEME_IDS = Object.keys(SCHEMES) as readonly SchemeId[];

export function isSchemeId(type: string): type is SchemeId {
  return Object.prototype.hasOwnProperty.call(SCHEMES, type);
}

export function tagScheme(id: SchemeId): TagScheme {
  return SCHEMES[id]();
}
