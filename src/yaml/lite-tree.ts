/**
 * A small, parser-independent tree of one resource: what the marker walk, the annotation paths and
 * the resource's identity need, with the source offsets of every scalar. Both the fast reader of
 * simple block YAML (simple-yaml.ts) and the full yaml composer (composed-tree.ts) produce it, so
 * everything downstream exists once.
 */
export type LiteNode = LiteMap | LiteSeq | LiteScalar | LiteAlias;

/** One step from a node to a child: a mapping key or a sequence index. */
export type PathSegment = string | number;

export interface LiteMap {
  kind: 'map';
  flow: boolean;
  entries: Array<[string, LiteNode]>;
}

export interface LiteSeq {
  kind: 'seq';
  flow: boolean;
  items: LiteNode[];
}

/**
 * How a scalar is written. Block scalars (`|`, `>`) are read but never rewritten, and neither is an
 * EMPTY value (`key:` with nothing after it), which has no text to replace.
 */
export type ScalarStyle = 'PLAIN' | 'QUOTE_SINGLE' | 'QUOTE_DOUBLE' | 'BLOCK' | 'EMPTY';

export interface LiteScalar {
  kind: 'scalar';
  /** The string as written, without type resolution: `1.10` stays `1.10`, `~` stays `~`. */
  value: string;
  style: ScalarStyle;
  /** Offsets of the scalar's source in the whole input, quotes included. */
  start: number;
  end: number;
  /** The comment that trails the scalar on its line (a block scalar: on its header), `#` included. */
  comment: string | null;
  /** Inside a flow collection, where `,[]{}` in a plain scalar would need quoting. */
  inFlow: boolean;
}

export interface LiteAlias {
  kind: 'alias';
  name: string;
  comment: string | null;
}

export function isCollection(node: LiteNode | undefined): node is LiteMap | LiteSeq {
  return node?.kind === 'map' || node?.kind === 'seq';
}

/**
 * The value of a key in a map, if the node is a map and has it; of a repeated key, the last one,
 * as Kubernetes reads it.
 */
export function entryOf(node: LiteNode | undefined, key: string): LiteNode | undefined {
  if (node?.kind !== 'map') return undefined;
  // Indexed, not for-of with destructuring: that runs the iterator protocol twice per entry until
  // the function is optimized, and most runs end before that.
  const entries = node.entries;
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i][0] === key) return entries[i][1];
  return undefined;
}

/** The string of a node that is a scalar. */
export function scalarValue(node: LiteNode | undefined): string | undefined {
  return node?.kind === 'scalar' ? node.value : undefined;
}

/** The string at a path of keys, when a scalar is there. */
export function scalarAt(node: LiteNode | undefined, ...keys: string[]): string | undefined {
  let found = node;
  for (let i = 0; i < keys.length; i++) found = entryOf(found, keys[i]);
  return scalarValue(found);
}

/** A first character that some plain scalar other than a string starts with (or the empty null). */
const NOT_A_STRING_START = /^(?:$|[-+.0-9~nNtTfF])/;

/** A plain scalar's value under the YAML 1.2 core schema, as the yaml library's toJS gives it. */
export function resolvePlain(value: string): unknown {
  if (!NOT_A_STRING_START.test(value)) return value;
  if (/^(?:~|[Nn]ull|NULL)?$/.test(value)) return null;
  if (/^(?:[Tt]rue|TRUE)$/.test(value)) return true;
  if (/^(?:[Ff]alse|FALSE)$/.test(value)) return false;
  if (/^[-+]?[0-9]+$/.test(value)) return Number(value);
  if (/^0o[0-7]+$/.test(value)) return parseInt(value.slice(2), 8);
  if (/^0x[0-9a-fA-F]+$/.test(value)) return parseInt(value.slice(2), 16);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(value)) return Number(value);
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(value)) return value.startsWith('-') ? -Infinity : Infinity;
  if (/^\.(?:nan|NaN|NAN)$/.test(value)) return NaN;
  return value;
}

/** Whether a tree holds an alias anywhere: liteToJs cannot expand one, as the tree keeps no anchors. */
export function holdsAlias(node: LiteNode): boolean {
  switch (node.kind) {
    case 'map':
      return node.entries.some(([, value]) => holdsAlias(value));
    case 'seq':
      return node.items.some((item) => item !== undefined && holdsAlias(item));
    case 'alias':
      return true;
    case 'scalar':
      return false;
  }
}

/** The plain JavaScript value of a tree without aliases (holdsAlias), as `toJS` of the yaml library gives it. */
export function liteToJs(node: LiteNode | undefined): unknown {
  if (node === undefined) return undefined;
  switch (node.kind) {
    case 'map':
      return Object.fromEntries(node.entries.map(([key, value]) => [key, liteToJs(value)]));
    case 'seq':
      return node.items.map(liteToJs);
    case 'alias':
      return undefined;
    case 'scalar':
      return node.style === 'PLAIN' ? resolvePlain(node.value) : node.style === 'EMPTY' ? null : node.value;
  }
}
