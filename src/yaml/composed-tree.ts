import type { Alias, Scalar } from 'yaml';
import { yamlLibrary } from '../lazy';
import { InputError, inputErrorAt } from '../problem';
import { firstYamlError } from './cst';
import { LiteNode, LiteSeq, ScalarStyle } from './lite-tree';
import { Unit, unitPlace } from './split';

/** The text of the comment that trails `end` on its line (after blanks and at most one `,`), if any. */
export function trailingComment(source: string, end: number): string | null {
  let i = end;
  const skipBlanks = (): void => {
    while (source[i] === ' ' || source[i] === '\t') i++;
  };
  skipBlanks();
  if (source[i] === ',') {
    i++;
    skipBlanks();
  }
  if (source[i] !== '#' || i === end) return null;
  const lineEnd = source.indexOf('\n', i);
  const comment = source.slice(i, lineEnd < 0 ? source.length : lineEnd);
  return comment.endsWith('\r') ? comment.slice(0, -1) : comment;
}

/** The comment on a block scalar's header line (`|- # ...`), if any. */
function blockHeaderComment(source: string, start: number): string | null {
  const lineEnd = source.indexOf('\n', start);
  const header = source.slice(start, lineEnd < 0 ? source.length : lineEnd);
  const hash = header.search(/[ \t]#/);
  return hash < 0 ? null : header.slice(hash + 1).replace(/\r$/, '');
}

/** The comment on the line of an empty value, which the composer places at the comment itself. */
function emptyValueComment(source: string, at: number): string | null {
  return source[at] === '#' && /[ \t]/.test(source[at - 1]) ? trailingComment(source, at - 1) : null;
}

const STYLES: Record<string, ScalarStyle> = {
  PLAIN: 'PLAIN',
  QUOTE_SINGLE: 'QUOTE_SINGLE',
  QUOTE_DOUBLE: 'QUOTE_DOUBLE',
  BLOCK_LITERAL: 'BLOCK',
  BLOCK_FOLDED: 'BLOCK',
};

/** The string a scalar holds as written, without YAML 1.2 type resolution (`1.10` stays `1.10`). */
function scalarText(node: Scalar): string {
  if (node.value === null && node.source === undefined) return '';
  return typeof node.source === 'string' ? node.source : String(node.value);
}

function liteScalar(node: Scalar, source: string, base: number, inFlow: boolean): LiteNode {
  const [start, end] = node.range!;
  const empty = start === end;
  const style = empty ? 'EMPTY' : STYLES[node.type ?? 'PLAIN'] ?? 'PLAIN';
  const comment = style === 'BLOCK' ? blockHeaderComment(source, start) : empty ? emptyValueComment(source, start) : trailingComment(source, end);
  return { kind: 'scalar', value: scalarText(node), style, start: start + base, end: end + base, comment, inFlow };
}

/** A key that a mapping has twice, where the second one is (offset in the whole input). */
export interface DuplicateKey {
  key: string;
  offset: number;
}

/**
 * What makes two scalar keys the same key, as the yaml library's own check says (equal values:
 * `1` and `1.0` are one key, `1` and `"1"` two); keys that are collections or aliases are never
 * the same, as there.
 */
function keyIdentity(key: unknown, isScalar: (node: unknown) => node is Scalar): string | null {
  if (!isScalar(key)) return null;
  return `${typeof key.value}:${String(key.value)}`;
}

/** The node of a value that is not there (or not one the tree holds): an empty scalar without a place. */
function absentValue(inFlow: boolean): LiteNode {
  return { kind: 'scalar', value: '', style: 'EMPTY', start: -1, end: -1, comment: null, inFlow };
}

/** What a walk of a composed node reports besides the tree. */
export interface ComposedWalk {
  /** A key that repeats an earlier key of its mapping. */
  onDuplicateKey?: (duplicate: DuplicateKey) => void;
  /** An alias whose anchor is nowhere before it (the composer leaves those for toJS to find). */
  onUnknownAlias?: (alias: Alias) => void;
  /** The anchors defined before the node, to which the walk adds the node's own (by default none and a set of its own). */
  anchors?: Set<string>;
}

/**
 * The lite tree of a node composed by the yaml library from `source` (the unit's own text, which
 * starts at offset `base` of the whole input), in one walk that also checks every alias against the
 * anchors before it. Iterative, so deep nesting cannot overflow the stack. Each key that repeats an
 * earlier key of its mapping is given to `onDuplicateKey`: the yaml library's own check
 * (uniqueKeys) compares each key with every earlier one, this one keeps a set.
 */
export function liteTreeOf(root: unknown, source: string, base: number, walk: ComposedWalk = {}): LiteNode {
  const { isAlias, isMap, isPair, isScalar, isSeq } = yamlLibrary();
  const convert = (node: unknown, inFlow: boolean): LiteNode => {
    if (isScalar(node) && node.range) return liteScalar(node, source, base, inFlow);
    if (isAlias(node)) return { kind: 'alias', name: node.source, comment: node.range ? trailingComment(source, node.range[1]) : null };
    if (isMap(node)) return { kind: 'map', flow: inFlow || Boolean(node.flow), entries: [] };
    if (isSeq(node)) return { kind: 'seq', flow: inFlow || Boolean(node.flow), items: [] };
    return absentValue(inFlow);
  };
  const anchors = walk.anchors ?? new Set<string>();
  const tree = convert(root, false);
  // The nodes still to walk, the next one last, each with its lite node; null for what has none
  // (keys, and what is inside a key), which is walked only for its anchors and aliases.
  const pending: Array<[unknown, LiteNode | null]> = [[root, tree]];
  while (pending.length > 0) {
    const [node, lite] = pending.pop()!;
    if (isAlias(node)) {
      if (!anchors.has(node.source)) walk.onUnknownAlias?.(node);
    } else if (isPair(node)) {
      pending.push([node.value, null], [node.key, null]);
    } else if (isScalar(node)) {
      if (node.anchor) anchors.add(node.anchor);
    } else if (isMap(node)) {
      if (node.anchor) anchors.add(node.anchor);
      const keys = new Set<string>();
      const children: Array<[unknown, LiteNode | null]> = [];
      for (const pair of node.items) {
        const identity = keyIdentity(pair.key, isScalar);
        if (identity !== null && keys.has(identity)) walk.onDuplicateKey?.({ key: scalarText(pair.key as Scalar), offset: base + ((pair.key as Scalar).range?.[0] ?? 0) });
        else if (identity !== null) keys.add(identity);
        let child: LiteNode | null = null;
        if (lite?.kind === 'map') {
          child = convert(pair.value, lite.flow);
          lite.entries.push([isScalar(pair.key) ? scalarText(pair.key) : String(pair.key), child]);
        }
        children.push([pair.key, null], [pair.value, child]);
      }
      for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]);
    } else if (isSeq(node)) {
      if (node.anchor) anchors.add(node.anchor);
      const children: Array<[unknown, LiteNode | null]> = [];
      for (const item of node.items) {
        let child: LiteNode | null = null;
        if (lite?.kind === 'seq') {
          child = convert(item, lite.flow);
          lite.items.push(child);
        }
        children.push([item, child]);
      }
      for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]);
    }
  }
  return tree;
}

/**
 * The error to give when the composer's first error is on a directive line (`%` at column 0):
 * the splitter leaves such a line to the document it is in, where it can be content (of a block
 * scalar), and where the composer rejects it, the document lacks a `...` line before it.
 */
function directiveInDocument(source: string, errorAt: number): InputError | undefined {
  const lineStart = source.lastIndexOf('\n', errorAt - 1) + 1;
  if (!/^%[A-Za-z]/.test(source.slice(lineStart, lineStart + 2))) return undefined;
  return inputErrorAt('DIRECTIVE_IN_DOCUMENT', 'invalid YAML: a directive after a document needs a ... line before it', source, lineStart);
}

/** A unit read by the composer: its tree, and the keys its mappings repeat. */
export interface ComposedUnit {
  tree: LiteNode;
  duplicateKeys: DuplicateKey[];
}

// YAML 1.2 as the suite reads it: the YAML 1.1 tags (!!omap, !!set, ...) leave their nodes as they
// are written, and the repeated keys are found by liteTreeOf, in linear time. One object for the run.
const COMPOSE_OPTIONS = { prettyErrors: false, uniqueKeys: false, resolveKnownTags: false } as const;

/** The tree of a unit that is one item of a sequence: the item, in the tree of the sequence its text holds. */
function itemOf(tree: LiteNode): LiteNode {
  return tree.kind === 'seq' && tree.items.length > 0 ? tree.items[0] : absentValue(false);
}

let beforeFirst: (() => void) | undefined;

/** Has `prepare` run once, before the next unit is composed: the CLI sets V8 flags for the yaml library's code so (cli/engine-flags.ts). */
export function beforeFirstCompose(prepare: () => void): void {
  beforeFirst = prepare;
}

/** The yaml library, for a compose: runs the beforeFirstCompose hook first, once. */
function composerLibrary(): typeof import('yaml') {
  if (beforeFirst !== undefined) {
    const prepare = beforeFirst;
    beforeFirst = undefined;
    prepare();
  }
  return yamlLibrary();
}

/**
 * Composes a unit of `source` with the yaml library: any YAML at all, and the first error as an
 * InputError in the unit, at its position in `source`.
 */
export function composeUnit(source: string, unit: Unit): ComposedUnit {
  const text = source.slice(unit.start, unit.end);
  const doc = composerLibrary().parseDocument(text, COMPOSE_OPTIONS);
  if (doc.errors.length > 0) throw (directiveInDocument(source, unit.start + doc.errors[0].pos[0]) ?? firstYamlError(doc, source, unit.start)!).inUnit(unitPlace(unit));
  const duplicateKeys: DuplicateKey[] = [];
  const tree = liteTreeOf(doc.contents, text, unit.start, {
    onDuplicateKey: (duplicate) => duplicateKeys.push(duplicate),
    onUnknownAlias: (alias) => {
      throw inputErrorAt('UNKNOWN_ALIAS', `invalid YAML: alias *${alias.source} has no anchor before it`, source, unit.start + (alias.range?.[0] ?? 0), unitPlace(unit));
    },
  });
  // A map's repeated keys are found before what is nested in its earlier values: in the order they are written.
  return { tree: unit.kind === 'seq-item' ? itemOf(tree) : tree, duplicateKeys: duplicateKeys.sort((a, b) => a.offset - b.offset) };
}

/** An entry that the yaml library composed alone: a mapping's key (none for a sequence's item) and the value. */
export interface ComposedEntry {
  key: string | undefined;
  value: LiteNode;
}

/**
 * The one entry of a block mapping (its key, a scalar, and its value), or the one item of a block
 * sequence (its value), that `fragment` holds, composed by the yaml library: the fast reader's way
 * to read one entry it does not read itself (fast-reader.ts). The fragment is that entry's lines
 * cut from a unit, at their columns, whose first line starts at offset `base` of the unit's
 * source. Its aliases must name an anchor of `anchors` (those before it in the unit) or one before
 * them in the fragment, and its anchors are added to `anchors`. Null when the composer finds an
 * error, an alias names no anchor, a mapping repeats a key or the fragment holds anything but one
 * such entry, with a mapping's key on its first line: the whole unit is then the composer's, to
 * report what it finds.
 */
export function composeEntry(fragment: string, base: number, anchors: Set<string>): ComposedEntry | null {
  const { isMap, isScalar, isSeq, parseDocument } = composerLibrary();
  const doc = parseDocument(fragment, COMPOSE_OPTIONS);
  if (doc.errors.length > 0) return null;
  const root = doc.contents;
  // A mapping's key on the first line, as the entry's is in place: where properties stand alone
  // on that line, the key below them would start the mapping at another column.
  const firstLineEnd = fragment.indexOf('\n');
  const keyOnFirstLine = (key: unknown): boolean => isScalar(key) && (firstLineEnd < 0 || key.range![0] < firstLineEnd);
  const oneEntry = (isMap(root) && !root.flow && root.items.length === 1 && keyOnFirstLine(root.items[0].key)) || (isSeq(root) && !root.flow && root.items.length === 1);
  if (!oneEntry) return null;
  let clean = true;
  const tree = liteTreeOf(root, fragment, base, { anchors, onDuplicateKey: () => (clean = false), onUnknownAlias: () => (clean = false) });
  if (!clean) return null;
  return tree.kind === 'map' ? { key: tree.entries[0][0], value: tree.entries[0][1] } : { key: undefined, value: (tree as LiteSeq).items[0] };
}
