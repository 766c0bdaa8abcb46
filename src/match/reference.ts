import type { Parsed } from '../parsed';

/**
 * Image references, parsed exactly as kobold 0.4.3 does: go-containerregistry v0.17.0 `pkg/name`
 * (`ParseReference`, `NewTag`, `NewDigest`, `NewRepository`, `NewRegistry`) and kobold's own
 * `parseImageRefWithDigest`. Error texts are Go's.
 */

/** A parsed reference, as go-containerregistry's `name.Reference` presents it. */
export interface ImageReference {
  kind: 'tag' | 'digest';
  /** `Name()`: the normalised reference, e.g. `index.docker.io/library/busybox:latest`. */
  name: string;
  /** `Context().Name()`: registry/repository, the key for "same repository". */
  contextName: string;
  /** `RegistryStr()`, e.g. `index.docker.io` for Docker Hub. */
  registry: string;
  /** `RepositoryStr()`, e.g. `library/busybox`. */
  repository: string;
  /** `Identifier()`: the tag (`latest` when none was given), or the digest. */
  identifier: string;
}

export type RefParse = Parsed<ImageReference>;

/**
 * How strictly `newTag` checks: `weak` and `strict` are go-containerregistry's options;
 * `explicit-tag` (SPEC D4) is weak except that the tag must be given, like strict.
 */
export type TagValidation = 'weak' | 'strict' | 'explicit-tag';

/** An incoming reference split at its first `@`. */
export interface IncomingReference {
  /** The part before the `@`, parsed as a tag. */
  ref: ImageReference;
  tag: string;
  /** The text after the first `@`, unvalidated; '' when none. */
  digest: string;
}

export type IncomingParse = Parsed<IncomingReference>;

const DEFAULT_REGISTRY = 'index.docker.io';
const DEFAULT_REGISTRY_ALIAS = 'docker.io';
const DEFAULT_NAMESPACE = 'library';
const DEFAULT_TAG = 'latest';
const REPOSITORY_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789_-./';
const TAG_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789_-.ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** The only digest `NewDigest` accepts (go-digest's `Canonical.Validate`). */
const DIGEST = /^sha256:[a-f0-9]{64}$/;
/**
 * What Go's URL parser keeps as a host byte for byte: unreserved and sub-delims characters, `:`,
 * `[`, `]`, Go's extra `<`, `>`, `"`, and any non-ASCII character. `%` is out: the parser would
 * reject or decode the escape, and either way the host would differ from the registry.
 */
const HOST_CHARS = /^[\w\-.~!$&'()*+,;=:[\]<>"\u{80}-\u{10FFFF}]*$/u;
const OPTIONAL_PORT = /^(?::\d*)?$/;

interface Repository {
  /** `RegistryStr()`. */
  registry: string;
  /** `RepositoryStr()`: with `library/` added for a single-component Docker Hub name. */
  repository: string;
}

type RepositoryParse = Parsed<Repository>;

/**
 * go-containerregistry's `ParseReference` with default options: a tag reference, else a digest
 * reference (which also covers `name:tag@digest`, dropping the tag).
 */
export function parseReference(s: string): RefParse {
  const tag = newTag(s, 'weak');
  if (tag.ok) return tag;
  const digest = newDigest(s);
  if (digest !== null) return { ok: true, value: digest };
  return { ok: false, error: `could not parse reference: ${s}` };
}

/** go-containerregistry's `NewTag`; a name without a tag gets `latest` unless the tag is required. */
export function newTag(s: string, validation: TagValidation): RefParse {
  const colon = s.lastIndexOf(':');
  // A last `:` followed by a `/` belongs to a registry port, not to a tag.
  const hasTag = colon >= 0 && !s.slice(colon + 1).includes('/');
  const base = hasTag ? s.slice(0, colon) : s;
  const tag = hasTag ? s.slice(colon + 1) : '';
  if (tag !== '' || validation !== 'weak') {
    const error = checkElement('tag', tag, TAG_CHARS, 1, 128);
    if (error !== null) return { ok: false, error };
  }
  const parsed = newRepository(base, validation === 'strict');
  if (!parsed.ok) return parsed;
  return { ok: true, value: reference(parsed.value, 'tag', tag || DEFAULT_TAG) };
}

/** kobold's `parseImageRefWithDigest` (with `'strict'`): the part before the first `@` must be a tag. */
export function parseImageRefWithDigest(s: string, validation: TagValidation): IncomingParse {
  const at = s.indexOf('@');
  const [name, digest] = at < 0 ? [s, ''] : [s.slice(0, at), s.slice(at + 1)];
  const parsed = newTag(name, validation);
  if (!parsed.ok) return { ok: false, error: `invalid tag: ${parsed.error}` };
  return { ok: true, value: { ref: parsed.value, tag: parsed.value.identifier, digest } };
}

/**
 * An incoming reference as this function accepts it (SPEC D4): an explicit tag, registry and
 * `library/` optional, and a digest, when there is an `@`, that `parseReference` accepts.
 */
export function parseIncomingReference(s: string): IncomingParse {
  const incoming = parseImageRefWithDigest(s, 'explicit-tag');
  if (!incoming.ok || !s.includes('@')) return incoming;
  const whole = parseReference(s);
  return whole.ok ? incoming : whole;
}

/**
 * go-containerregistry's `NewDigest` with default options, or null where it fails: its error never
 * surfaces, as `ParseReference` replaces it.
 */
function newDigest(s: string): ImageReference | null {
  const parts = s.split('@');
  if (parts.length !== 2) return null;
  const [base, digest] = parts;
  if (!DIGEST.test(digest)) return null;
  const tag = newTag(base, 'weak');
  const parsed = newRepository(tag.ok ? tag.value.contextName : base, false);
  return parsed.ok ? reference(parsed.value, 'digest', digest) : null;
}

/**
 * go-containerregistry's `NewRepository`. The first path component is the registry only if it
 * has a `.` or `:`; otherwise the whole name is a Docker Hub repository.
 */
function newRepository(name: string, strict: boolean): RepositoryParse {
  if (name === '') return { ok: false, error: 'a repository name must be specified' };
  const slash = name.indexOf('/');
  const first = slash < 0 ? '' : name.slice(0, slash);
  const [registryName, repository] = /[.:]/.test(first) ? [first, name.slice(slash + 1)] : ['', name];
  const repositoryError = checkElement('repository', repository, REPOSITORY_CHARS, 2, 255);
  if (repositoryError !== null) return { ok: false, error: repositoryError };
  if (strict && registryName === '') {
    return { ok: false, error: 'strict validation requires the registry to be explicitly defined' };
  }
  if (!isUriAuthority(registryName)) {
    return { ok: false, error: `registries must be valid RFC 3986 URI authorities: ${registryName}` };
  }
  const registry = registryName === '' || registryName === DEFAULT_REGISTRY_ALIAS ? DEFAULT_REGISTRY : registryName;
  const implicitNamespace = registry === DEFAULT_REGISTRY && !repository.includes('/');
  if (implicitNamespace && strict) {
    return { ok: false, error: `strict validation requires the full repository path (missing '${DEFAULT_NAMESPACE}')` };
  }
  return { ok: true, value: { registry, repository: implicitNamespace ? `${DEFAULT_NAMESPACE}/${repository}` : repository } };
}

/** Go's `url.Parse("//" + registry).Host == registry`, the check of `NewRegistry`. */
function isUriAuthority(registry: string): boolean {
  if (!HOST_CHARS.test(registry)) return false;
  // The port follows the last `:`, or, for a bracketed IPv6 literal, the last `]`.
  if (registry.startsWith('[')) {
    const close = registry.lastIndexOf(']');
    return close >= 0 && OPTIONAL_PORT.test(registry.slice(close + 1));
  }
  const colon = registry.lastIndexOf(':');
  return colon < 0 || OPTIONAL_PORT.test(registry.slice(colon));
}

/** go-containerregistry's `checkElement`: lengths count Unicode code points, as Go counts runes. */
function checkElement(element: string, value: string, allowed: string, min: number, max: number): string | null {
  const runes = [...value];
  if (runes.length < min || runes.length > max) {
    return `${element} must be between ${min} and ${max} characters in length: ${value}`;
  }
  if (!runes.every((rune) => allowed.includes(rune))) {
    return `${element} can only contain the characters \`${allowed}\`: ${value}`;
  }
  return null;
}

function reference(repo: Repository, kind: ImageReference['kind'], identifier: string): ImageReference {
  const contextName = `${repo.registry}/${repo.repository}`;
  const delimiter = kind === 'tag' ? ':' : '@';
  return { kind, name: `${contextName}${delimiter}${identifier}`, contextName, ...repo, identifier };
}
