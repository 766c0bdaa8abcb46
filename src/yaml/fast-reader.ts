import { ComposedEntry, composeEntry } from './composed-tree';
import { isCollection, LiteMap, LiteNode, LiteScalar, LiteSeq, liteToJs, PathSegment, resolvePlain } from './lite-tree';
import { findMarkers, hasMarker, MarkerReport } from './marker-report';
import { scanFrom } from './sticky-scan';

/** Thrown inside the reader when the text leaves the simple subset; the caller composes instead. */
class NotSimple extends Error {}

/** The one NotSimple thrown, made once: a unit the reader declines costs no stack trace. */
const NOT_SIMPLE = new NotSimple('not simple block YAML');

const TAB = 9;
const LF = 10;
const CR = 13;
const HASH = 35;
const DASH = 45;
const SINGLE_QUOTE = 39;
const DOUBLE_QUOTE = 34;

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';

const notSimple = (): never => {
  throw NOT_SIMPLE;
};

/* The scans along a line are sticky regular expressions (sticky-scan.ts); a line break of any kind ends each. */
/** Spaces. */
const SPACES = / */y;
/** Blanks: spaces and tabs. */
const BLANKS = /[ \t]*/y;
/** A plain key up to and including its `:` (followed by a space or the line's end); no match at a ` #` first. */
const KEY = /(?:[^:#\r\n]|:(?! |\r?\n|$)|(?<![ \t])#)*:(?= |\r?\n|$)/y;
/** A plain scalar's text, stopping at a ` #` comment, a `:` that would make it a key, or the line's end. */
const PLAIN = /(?:[^:#\r\n]|:(?![ \t]|\r?\n|$)|(?<![ \t])#)*/y;
/** The plain scalars of four or five characters that are a null or a boolean under the core schema. */
const NULL_AND_BOOLEAN_WORDS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);
/** The indicators a plain scalar outside flow collections starts with when a character other than a blank follows (`-c`, `:x`, `?x`). */
const PLAIN_INDICATOR_START = /[-?:][^\s]/y;
/**
 * A key with properties, or a quoted one, and its `:` on the line: in a sequence's item it starts a
 * compact mapping (`- &d apiVersion: v1`), whose first entry the composer reads alone (mapping).
 */
const KEY_WITH_PROPERTIES = /(?:[&!][^\s]*[ \t]+)+[^\s#'"][^\r\n#]*?:(?=[ \t]|\r?\n|$)|(?:[&!][^\s]*[ \t]+)*(?:"(?:[^"\\\r\n]|\\.)*"|'(?:[^'\r\n]|'')*')[ \t]*:(?=[ \t]|\r?\n|$)/y;
/**
 * The start of a line, at a mapping's column, that is no entry to compose alone (composedEntry):
 * an explicit key or its value (`? `, `: `, on lines of their own), a document marker.
 */
const NO_ENTRY_ALONE = /(?:[?:]|---|\.\.\.)(?:[ \t]|\r?\n|$)/y;
/** A quoted scalar that closes on its line. */
const QUOTED = { '"': /"(?:[^"\\\r\n]|\\[^\r\n])*"/y, "'": /'(?:[^'\r\n]|'')*'/y } as const;

/** Blank and comment-only lines, each with its line break. */
const BLANK_OR_COMMENT_LINES = /(?:[ \t]*(?:#[^\n]*)?\r?\n)*/y;
/**
 * The commonest lines of all, each read in one step with what follows it: an entry with a plain key
 * without blanks and either, on the same line, a plain value without blanks or a quoted one without
 * escapes, or no value there (a collection below, or an empty value); maybe a comment; then the
 * blank and comment lines after it, and the indentation of the next line. Groups: 1 the key, 2 the
 * blanks before the value and 3 the value as written (both absent without a value), 4 what follows
 * on the line (blanks, maybe a comment), 5 the next line's indentation (absent at the end of the
 * input). A line it does not fit is read step by step; it accepts a subset of what those steps do.
 */
const ENTRY_LINE = /([^\s'"#&*!|>%@`{}[\],?:-][^\s:#]*(?::[^\s:#]+)*):(?:( +)((?:[^\s'"#&*!|>%@`{}[\],?:-]|[-?:](?=[^\s]))(?:[^\s:]|:(?=[^\s]))*|'[^'\r\n]*'|"[^"\\\r\n]*"))?( *| +#[^\r\n]*)(?=\r?\n|$)(?:\r?\n(?:[ \t]*(?:#[^\n]*)?\r?\n)*( *))?/y;
/** A plain scalar in a flow collection, up to an indicator, a comment or a `:` that ends it (the caller stops it at the line's end). */
const FLOW_PLAIN = /(?:[^,[\]{}#:\n]|:(?![ ,[\]{}]|$))*/y;

/**
 * How deep the reader nests, block and flow counted alike, before it declines (the composer then
 * reads the input, or says it nests too deep): it recurses a few calls per level, and Node's
 * default stack ran out at about 1,200 levels of block mappings in a test, so this leaves half of
 * that to spare for the callers' frames and larger unoptimized frames.
 */
const MAX_NESTING = 500;

/** The core schema's string tag, the one tag the reader takes (the tree holds strings anyway). */
const STRING_TAG = '!!str';

/** The report of a read for its tree alone: it knows no marker. */
const NO_MARKERS: MarkerReport<null> = { prefix: '', empty: () => null, add: () => undefined };

/** Characters that cannot start a plain scalar or key in the simple subset. */
const INDICATORS = new Set([...'-?:,[]{}#&*!|>\'"%@`']);

/** A resource read by the simple reader: its tree and the markers on it, found while reading. */
export interface SimpleResource<M> {
  tree: LiteNode;
  markers: M;
}

/*
 * The state of the read in progress: all of it here, in module variables that the reader's
 * functions below share, set by resetState alone. Not in an instance (as the yaml library's Lexer
 * keeps its state): a short run reads most resources before V8 optimizes the reader, and until then
 * every access to an object's field calls an inline-cache builtin, where a variable is a plain
 * load. The reader as a class, one instance a read, took more instructions above `node -e 0`
 * (callgrind, bench/instructions.js): 11% on sparse 5,000 (349 M against 313 M), 8% on dense
 * 5,000 (1,920 M against 1,772 M); README, Development.
 * Functions declared inside readSimpleResource, sharing its variables, would be made anew for each
 * resource read (2.8 KB each time). Nothing the reader calls calls readSimpleResource again.
 */
/** The text being read. */
let source = '';
/** The unit's end. */
let limit = 0;
/** Whether the unit ends inside a line (a flow item), where a line's one-step read must not go past it. */
let endsInsideLine = false;
/** How deep the collection being read is; the resource's root is at 0. */
let depth = 0;
/** Whether everything is kept below the current point (see `prune`). */
let keepAll = true;
/** The start of the last line the most recent value used. */
let lastLine = 0;
/** How the caller wants the markers reported, and what it knows a marker by. */
let report: MarkerReport<unknown> = NO_MARKERS;
let markerPrefix = '';
/** The markers on the scalars read, as findMarkers (marker-report.ts) would find them in the tree. */
let markers: unknown = null;
/** The path from the resource's root to the collection being read. */
let path: PathSegment[] = [];
/** The line lineEndAt was last asked about, and its end. */
let cachedLine = -1;
let cachedLineEnd = -1;
/** The line contentAfter was last asked about, and its answer. */
let afterLine = -1;
let afterNext = -1;
/** The indentation of the line contentAfter found. */
let nextIndent = -1;
/** Where plainKey last looked, what it found, and the offset after that key's `:`. */
let keyAt = -1;
let keyFound: string | null = null;
let keyAfter = -1;
/** The anchors of the unit so far (the yaml library composes every node that has one: composedEntry). */
const anchors = new Set<string>();
/** The entries kept of the mappings being read, the same way; a mapping takes its own as an array of their number. */
const openEntries: Array<[string, LiteNode]> = [];
let openEntriesTop = 0;

/**
 * Sets the state for a read of `text` up to `end`, or, with the empty text, lets go of the last
 * read's input and markers (not even the keys left in the stacks hold them).
 */
function resetState(text: string, end: number, sequenceItem: boolean, markerReport: MarkerReport<unknown>, prune: boolean): void {
  report = markerReport;
  markerPrefix = markerReport.prefix;
  source = text;
  limit = end;
  endsInsideLine = limit < source.length && source.charCodeAt(limit - 1) !== LF;
  depth = sequenceItem ? -1 : 0;
  keepAll = !prune;
  lastLine = 0;
  markers = markerReport.empty();
  path = [];
  cachedLine = cachedLineEnd = afterLine = afterNext = nextIndent = keyAt = keyAfter = -1;
  keyFound = null;
  openEntries.length = 0;
  openEntriesTop = 0;
  // Only when there is something to clear: clear() gives a set a new table each time, which, twice
  // per resource read, kept 3 MB more alive at dense 20,000 (the bench's peak-memory input).
  if (anchors.size > 0) anchors.clear();
}

function retains(node: LiteNode): boolean {
  if (keepAll || depth <= 0) return true;
  switch (node.kind) {
    case 'scalar':
      return hasMarker(node, markerPrefix);
    case 'map':
      return node.entries.length > 0;
    case 'seq':
      return node.items.length > 0;
    case 'alias':
      return true;
  }
}

/**
 * Goes one level deeper, to the value at `segment`: inside `metadata` of the root everything is
 * kept. Returns what `leave` restores. No need to restore on a throw: the reader is done then.
 */
function enter(segment: PathSegment): boolean {
  if (depth >= MAX_NESTING) notSimple();
  const outer = keepAll;
  if (depth === 0 && segment === 'metadata') keepAll = true;
  if (depth >= 0) path.push(segment);
  depth++;
  return outer;
}

function leave(outer: boolean): void {
  depth--;
  if (depth >= 0) path.pop();
  keepAll = outer;
}

/** Reports a value read at `segment` of the collection being read if it has a marker, or marker text in its content. */
function noteValue(segment: PathSegment, value: LiteNode): void {
  if ((value.kind === 'scalar' || value.kind === 'alias') && depth >= 0 && hasMarker(value, markerPrefix)) report.add(markers, path, segment, value);
}

/** The value at `i`, one level deeper. */
function childValue(i: number, column: number, lineStart: number, allowCompact: boolean, segment: PathSegment): LiteNode {
  const outer = enter(segment);
  const value = readValue(i, column, lineStart, allowCompact);
  leave(outer);
  return value;
}

/** valueBelow, one level deeper. */
function childBelow(key: string, column: number, lineStart: number, emptyAt: number, comment: string | null): LiteNode {
  const outer = enter(key);
  const value = valueBelow(column, lineStart, emptyAt, comment, true);
  leave(outer);
  return value;
}

function lineEndAt(lineStart: number): number {
  if (lineStart === cachedLine) return cachedLineEnd;
  cachedLine = lineStart;
  cachedLineEnd = computeLineEnd(lineStart);
  return cachedLineEnd;
}

function computeLineEnd(lineStart: number): number {
  const newline = source.indexOf('\n', lineStart);
  const end = newline < 0 || newline >= limit ? limit : newline;
  return end > lineStart && source[end - 1] === '\r' ? end - 1 : end;
}

function nextLine(lineStart: number): number {
  const newline = source.indexOf('\n', lineStart);
  return newline < 0 || newline >= limit ? limit : newline + 1;
}

/** Spaces before the line's first character; a tab there means YAML this reader does not take. */
function indentAt(lineStart: number): number {
  const i = scanFrom(SPACES, source, lineStart);
  if (source.charCodeAt(i) === TAB) notSimple();
  return i - lineStart;
}

/**
 * The start of the next line with content after the line at `lineStart`, or -1; its indentation is
 * then in `nextIndent`. Remembered: a collection that ends has found it, and so has ENTRY_LINE.
 */
function contentAfter(lineStart: number): number {
  if (lineStart !== afterLine) {
    const next = nextContentLine(nextLine(lineStart));
    nextIndent = next < 0 ? -1 : indentAt(next);
    afterLine = lineStart;
    afterNext = next;
  }
  return afterNext;
}

/**
 * Remembers contentAfter(lineStart) from an ENTRY_LINE match that ended at `after`, past the next
 * line's indentation `indentText` (undefined at the end of the input). What follows the
 * indentation may need a closer look (a comment or blank line without a line break at the end of
 * the input, a tab): then it is left to contentAfter.
 */
function noteContentAfter(lineStart: number, indentText: string | undefined, after: number): void {
  let next = -1;
  if (indentText !== undefined) {
    next = after - indentText.length;
    const c = source.charCodeAt(after);
    if (next >= limit) next = -1;
    else if (after >= source.length || c === HASH || c === TAB || c === CR || c === LF) return;
  }
  afterLine = lineStart;
  afterNext = next;
  nextIndent = indentText === undefined ? -1 : indentText.length;
}

/** The start of the next line holding content (not blank, not a comment), or -1. */
function nextContentLine(from: number): number {
  if (from >= limit) return -1;
  const line = scanFrom(BLANK_OR_COMMENT_LINES, source, from);
  if (line >= limit) return -1;
  const content = scanFrom(BLANKS, source, line);
  const first = source.charCodeAt(content);
  // A character other than a line break or `#` after the blanks: content (the usual case).
  if (content < limit && first !== HASH && first !== CR && first !== LF) return line;
  return nextContentLineByLines(line);
}

/** nextContentLine, line by line. */
function nextContentLineByLines(from: number): number {
  for (let line = from; line < limit; line = nextLine(line)) {
    const end = lineEndAt(line);
    const i = scanFrom(BLANKS, source, line);
    if (i < end && source.charCodeAt(i) !== HASH) return line;
  }
  return -1;
}

/** A `#` comment at `i` up to the end of the line, after optional blanks; null at the line's end. */
function commentAt(i: number, lineEnd: number): string | null {
  while (i < lineEnd && (source[i] === ' ' || source[i] === '\t')) i++;
  if (i === lineEnd) return null;
  if (source[i] !== '#' || !isBlank(source[i - 1])) return notSimple();
  return source.slice(i, lineEnd);
}

function isSeqEntry(i: number, lineEnd: number): boolean {
  return source[i] === '-' && (i + 1 === lineEnd || source[i + 1] === ' ');
}

/** isSeqEntry at `i` on the line at `lineStart`, whose end is only needed after a `-`. */
function seqEntryAt(i: number, lineStart: number): boolean {
  return source.charCodeAt(i) === DASH && isSeqEntry(i, lineEndAt(lineStart));
}

/** A plain key at `i` (then `keyAfter` is the offset after its `:`), or null when the line holds no key there. */
function plainKey(i: number, lineEnd: number): string | null {
  if (i !== keyAt) {
    keyAt = i;
    const after = INDICATORS.has(source[i]) ? -1 : scanFrom(KEY, source, i);
    keyFound = after < 0 || after > lineEnd ? null : source.slice(i, after - 1).trimEnd();
    keyAfter = after;
  }
  return keyFound;
}

/** A node whose first entry starts at `i` (column `column`): a block sequence or mapping. */
function collection(i: number, column: number, lineStart: number): LiteMap | LiteSeq {
  return seqEntryAt(i, lineStart) ? sequence(i, column, lineStart) : mapping(i, column, lineStart);
}

/** The value of an entry that continues on the next lines (a nested collection), or an empty value. */
function valueBelow(column: number, lineStart: number, emptyAt: number, comment: string | null, sameColumnSequence: boolean): LiteNode {
  const next = contentAfter(lineStart);
  if (next >= 0) {
    const indent = nextIndent;
    const at = next + indent;
    const sequenceHere = sameColumnSequence && indent === column && seqEntryAt(at, next);
    if (sequenceHere || (indent > column && (!INDICATORS.has(source[at]) || seqEntryAt(at, next)))) return collection(at, indent, next);
    // What starts with an indicator below (a flow collection, a quoted scalar or key, properties): the composer reads the entry.
    if (indent > column) return composedValue(column, lineStart, sameColumnSequence);
  }
  lastLine = lineStart;
  return { kind: 'scalar', value: '', style: 'EMPTY', start: emptyAt, end: emptyAt, comment, inFlow: false };
}

/** The value that starts at `i` on its line: inline scalar, block scalar, compact collection or below. */
function readValue(i: number, column: number, lineStart: number, allowCompact: boolean): LiteNode {
  const lineEnd = lineEndAt(lineStart);
  let tabbed = false;
  for (; i < lineEnd && isBlank(source[i]); i++) tabbed ||= source.charCodeAt(i) === TAB;
  if (i === lineEnd || source[i] === '#') return valueBelow(column, lineStart, i, commentAt(i, lineEnd), !allowCompact);
  if (allowCompact && (isSeqEntry(i, lineEnd) || plainKey(i, lineEnd) !== null || scanFrom(KEY_WITH_PROPERTIES, source, i) >= 0)) {
    // A compact collection's indentation is spaces: `- \t- a` is no YAML (a scalar after a tab is).
    if (tabbed) notSimple();
    return collection(i, i - lineStart, lineStart);
  }
  return scalarOnLine(i, column, lineStart, lineEnd, tabbed && allowCompact) ?? composedValue(column, lineStart, !allowCompact);
}

/**
 * The scalar (or flow collection) at `i` as the reader reads it: on its line, or a literal block
 * scalar below it. Null for anything else there, which the composer reads (readValue): only
 * state that composedEntry sets again is changed before that is known.
 */
function scalarOnLine(i: number, column: number, lineStart: number, lineEnd: number, afterTabInItem: boolean): LiteNode | null {
  try {
    if (source.startsWith(STRING_TAG, i)) {
      // The yaml library takes a tab before a sequence item's properties for indentation, and rejects it.
      if (afterTabInItem) notSimple();
      lastLine = lineStart;
      return taggedString(i + STRING_TAG.length, lineEnd);
    }
    if (source[i] === '|') return literalScalar(i, column, lineStart);
    lastLine = lineStart;
    return inlineScalar(i, lineEnd);
  } catch (error) {
    if (error === NOT_SIMPLE) return null;
    throw error;
  }
}

/**
 * The entry whose line starts at `lineStart` (a mapping's entry, or with `mappingValue` false a
 * sequence's item, at column `column`), composed by the yaml library: the entry's lines are cut
 * out at their columns (what is before the entry on its first line, the `- ` of outer sequences,
 * made spaces: a tab there has made the reader decline already), up to the next line with content
 * at the entry's column or left of it, and composed as a mapping of one entry or a sequence of one
 * item. The lines it takes are the entry's whatever the value is (a mapping's value goes on at its
 * own column only as `- ` items): the lines after them end it in the unit as they end the
 * fragment, so the fragment reads as the entry reads in place. The composer reads only this entry,
 * however long the unit around it; where it finds anything wrong, or an alias to no anchor before
 * it in the unit, the reader declines the unit, and the composer reads it whole to say what.
 */
function composedEntry(column: number, lineStart: number, mappingValue: boolean): ComposedEntry {
  // A unit that ends inside a line would cut the entry's last line short.
  if (endsInsideLine) notSimple();
  const entryStart = lineStart + column;
  let last = lineStart;
  let next = contentAfter(lineStart);
  while (next >= 0 && (nextIndent > column || (mappingValue && nextIndent === column && seqEntryAt(next + column, next)))) {
    last = next;
    next = contentAfter(next);
  }
  lastLine = last;
  const fragment = ' '.repeat(column) + source.slice(entryStart, next < 0 ? limit : next);
  return composeEntry(fragment, lineStart, anchors) ?? notSimple();
}

/** The value of the entry at `lineStart` composed by the yaml library (composedEntry), its markers reported; `path` leads to it. */
function composedValue(column: number, lineStart: number, mappingValue: boolean): LiteNode {
  const { value } = composedEntry(column, lineStart, mappingValue);
  if (isCollection(value)) noteMarkersBelow(path, value);
  return value;
}

/** composedValue, one level deeper. */
function childComposed(segment: PathSegment, column: number, lineStart: number, mappingValue: boolean): LiteNode {
  const outer = enter(segment);
  const value = composedValue(column, lineStart, mappingValue);
  leave(outer);
  return value;
}

/** Reports the markers inside a collection that the composer read, `outer` being the path to it. */
function noteMarkersBelow(outer: readonly PathSegment[], collection: LiteMap | LiteSeq): void {
  const prefix = outer.slice();
  findMarkers(collection, { prefix: markerPrefix, empty: () => markers, add: (found, inner, segment, node) => report.add(found, prefix.concat(inner), segment, node) });
}

function sequence(i: number, column: number, lineStart: number): LiteSeq {
  const items: LiteNode[] = [];
  for (let index = 0; ; index++) {
    let item = childValue(i + 1, column, lineStart, true, index);
    let next = contentAfter(lastLine);
    if (goesOnBelow(next, column, lineStart)) {
      item = childComposed(index, column, lineStart, false);
      next = afterNext;
    }
    noteValue(index, item);
    if (retains(item)) items[index] = item;
    if (next < 0) break;
    const indent = nextIndent;
    if (indent < column) break;
    if (indent > column || !seqEntryAt(next + indent, next)) {
      if (indent === column && plainKey(next + indent, lineEndAt(next)) !== null) break;
      notSimple();
    }
    lineStart = next;
    i = next + indent;
  }
  return { kind: 'seq', flow: false, items };
}

function mapping(i: number, column: number, lineStart: number): LiteMap {
  const keys = new Set<string>();
  const entriesFrom = openEntriesTop;
  for (;;) {
    ENTRY_LINE.lastIndex = i;
    let line = ENTRY_LINE.exec(source);
    if (line !== null && endsInsideLine && entryLineEnd(line, i) > limit) line = null;
    let key = line === null ? plainKey(i, lineEndAt(lineStart)) : line[1];
    let value: LiteNode | null;
    if (key === null) {
      // A key the reader does not read (quoted, or with properties): the composer reads the entry.
      if (scanFrom(NO_ENTRY_ALONE, source, i) >= 0) notSimple();
      const entry = composedEntry(column, lineStart, true);
      key = entry.key ?? notSimple();
      value = entry.value;
      if (isCollection(value) && depth >= 0) noteMarkersBelow(path.concat(key), value);
      addKey(keys, key);
    } else {
      addKey(keys, key);
      value = line === null ? childValue(keyAfter, column, lineStart, false, key) : entryLineValue(line, i, column, lineStart);
    }
    // The next line is usually known already (contentAfter), and is no `- ` line (seqEntryAt).
    let next = afterLine === lastLine ? afterNext : contentAfter(lastLine);
    if (goesOnBelow(next, column, lineStart)) {
      value = childComposed(key, column, lineStart, true);
      next = afterNext;
    }
    if (value !== null) {
      if (value.kind === 'alias' || (value.kind === 'scalar' && (value.comment !== null || value.style === 'BLOCK'))) noteValue(key, value);
      if (retains(value)) openEntries[openEntriesTop++] = [key, value];
    }
    if (next < 0) break;
    const indent = nextIndent;
    if (indent < column) break;
    if (indent > column || (source.charCodeAt(next + indent) === DASH && seqEntryAt(next + indent, next))) notSimple();
    lineStart = next;
    i = next + indent;
  }
  const entries = openEntries.slice(entriesFrom, openEntriesTop);
  openEntriesTop = entriesFrom;
  return { kind: 'map', flow: false, entries };
}

/**
 * Whether the value of the entry at `lineStart` (column `column`), read on its line, goes on below
 * it, on the next line with content (`next`) deeper than the entry: a plain or quoted scalar or a
 * flow collection over several lines, which the composer reads (childComposed). Where the value
 * took lines of its own (a collection, a block scalar), a deeper line after it is no YAML.
 */
function goesOnBelow(next: number, column: number, lineStart: number): boolean {
  return next >= 0 && nextIndent > column && lastLine === lineStart;
}

/**
 * Adds the key of an entry to its mapping's keys. A repeated key is the composer's to report (a
 * warning, with its place); a set finds it in constant time, however many keys the mapping has.
 * So is a key that is no string (a number, a boolean, a null), which keys written otherwise equal
 * (`1` and `1.0`, `true` and `True`, `~` and `null`): the composer compares their values.
 */
function addKey(keys: Set<string>, key: string): void {
  if (keys.has(key) || (mayNotBeAString(key) && typeof resolvePlain(key) !== 'string')) notSimple();
  keys.add(key);
}

/** Whether a plain scalar may be no string under the core schema: it starts as a number does (or `~`), or is a null or boolean word. */
function mayNotBeAString(text: string): boolean {
  const c = text.charCodeAt(0);
  if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 126) return true;
  const word = c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70; // n N t T f F
  return word && (text.length === 4 || text.length === 5) && NULL_AND_BOOLEAN_WORDS.has(text);
}

/** Where the line of the entry at `i` that ENTRY_LINE matched ends (before its line break). */
function entryLineEnd(line: RegExpExecArray, i: number): number {
  return i + line[1].length + 1 + (line[3] === undefined ? 0 : line[2].length + line[3].length) + line[4].length;
}

/**
 * The value of the entry at `i` that ENTRY_LINE matched: its scalar, or null when it is pruned
 * (not even built), or what is below the line.
 */
function entryLineValue(line: RegExpExecArray, i: number, column: number, lineStart: number): LiteNode | null {
  const key = line[1];
  const written = line[3];
  const rest = line[4];
  noteContentAfter(lineStart, line[5], line.index + line[0].length);
  const afterColon = i + key.length + 1;
  const hash = rest.length === 0 ? -1 : rest.indexOf('#');
  const comment = hash < 0 ? null : rest.slice(hash);
  if (written === undefined) return childBelow(key, column, lineStart, afterColon + (hash < 0 ? rest.length : hash), comment);
  lastLine = lineStart;
  if (!keepAll && depth > 0 && (comment === null || !comment.startsWith(markerPrefix))) return null;
  const start = afterColon + line[2].length;
  const quote = written.charCodeAt(0);
  const quoted = quote === SINGLE_QUOTE || quote === DOUBLE_QUOTE;
  return {
    kind: 'scalar',
    value: quoted ? written.slice(1, -1) : written,
    style: !quoted ? 'PLAIN' : quote === SINGLE_QUOTE ? 'QUOTE_SINGLE' : 'QUOTE_DOUBLE',
    start,
    end: start + written.length,
    comment,
    inFlow: false,
  };
}

/**
 * The scalar after a `!!str` tag (at `i`, after the tag), on its line: taken when the tag changes
 * nothing the tree holds, that is when the scalar is a string without it (quoted, or plain that
 * resolves to a string); a tag on a collection or before a number is the composer's.
 */
function taggedString(i: number, lineEnd: number): LiteNode {
  if (!isBlank(source[i])) notSimple();
  i = skipBlanks(i, lineEnd);
  const c = source[i];
  if (i === lineEnd || (INDICATORS.has(c) && c !== '"' && c !== "'")) notSimple();
  const scalar = inlineScalar(i, lineEnd);
  if (typeof liteToJs(scalar) !== 'string') notSimple();
  return scalar;
}

function inlineScalar(i: number, lineEnd: number): LiteNode {
  const c = source[i];
  if (c === '"' || c === "'") return quotedScalar(i, lineEnd);
  if (c === '[' || c === '{') {
    const { node, end } = flowCollection(i, lineEnd, 1);
    commentAt(end, lineEnd);
    return node;
  }
  if (INDICATORS.has(c) && scanFrom(PLAIN_INDICATOR_START, source, i) < 0) notSimple();
  const stop = scanFrom(PLAIN, source, i);
  let end = stop >= lineEnd ? lineEnd : source[stop] === '#' ? stop : notSimple();
  while (end > i && isBlank(source[end - 1])) end--;
  if (end === i) notSimple();
  const comment = end === lineEnd ? null : commentAt(end, lineEnd);
  return { kind: 'scalar', value: source.slice(i, end), style: 'PLAIN', start: i, end, comment, inFlow: false };
}

function skipBlanks(i: number, lineEnd: number): number {
  while (i < lineEnd && (source[i] === ' ' || source[i] === '\t')) i++;
  return i;
}

/**
 * A flow sequence or mapping that closes on its own line, of plain and quoted scalars and nested
 * flow collections (`args: ["--port=80"]`, `{cpu: 1}`); anything looser is left to the composer.
 */
function flowCollection(i: number, lineEnd: number, nesting: number): { node: LiteMap | LiteSeq; end: number } {
  if (depth + nesting >= MAX_NESTING) notSimple();
  const close = source[i] === '[' ? ']' : '}';
  const node: LiteMap | LiteSeq = close === ']' ? { kind: 'seq', flow: true, items: [] } : { kind: 'map', flow: true, entries: [] };
  const keys = new Set<string>();
  let j = skipBlanks(i + 1, lineEnd);
  while (source[j] !== close) {
    if (node.kind === 'seq') {
      const item = flowValue(j, lineEnd, nesting);
      node.items.push(item.node);
      j = item.end;
    } else {
      const key = flowValue(j, lineEnd, nesting);
      if (key.node.kind !== 'scalar') notSimple();
      addKey(keys, (key.node as LiteScalar).value);
      j = skipBlanks(key.end, lineEnd);
      if (source[j] !== ':' || (key.node as LiteScalar).style === 'PLAIN' && source[j + 1] !== ' ') notSimple();
      const value = flowValue(skipBlanks(j + 1, lineEnd), lineEnd, nesting);
      node.entries.push([(key.node as LiteScalar).value, value.node]);
      j = value.end;
    }
    j = skipBlanks(j, lineEnd);
    if (source[j] === ',') j = skipBlanks(j + 1, lineEnd);
    else if (source[j] !== close) notSimple();
  }
  return { node, end: j + 1 };
}

/** One value inside a flow collection `nesting` levels deep, with the offset after it. */
function flowValue(i: number, lineEnd: number, nesting: number): { node: LiteNode; end: number } {
  const c = source[i];
  if (c === '[' || c === '{') return flowCollection(i, lineEnd, nesting + 1);
  if (c === '"' || c === "'") {
    const scalar = quotedScalarText(i, lineEnd, true);
    return { node: scalar, end: scalar.end };
  }
  if (i >= lineEnd || INDICATORS.has(c)) notSimple();
  let end = Math.min(scanFrom(FLOW_PLAIN, source, i), lineEnd);
  if (source[end] === '#') notSimple();
  while (end > i && isBlank(source[end - 1])) end--;
  return { node: { kind: 'scalar', value: source.slice(i, end), style: 'PLAIN', start: i, end, comment: null, inFlow: true }, end };
}

function quotedScalar(i: number, lineEnd: number): LiteScalar {
  const scalar = quotedScalarText(i, lineEnd, false);
  scalar.comment = commentAt(scalar.end, lineEnd);
  return scalar;
}

function quotedScalarText(i: number, lineEnd: number, inFlow: boolean): LiteScalar {
  const quote = source[i] as keyof typeof QUOTED;
  const end = scanFrom(QUOTED[quote], source, i);
  if (end < 0 || end > lineEnd) notSimple();
  const j = end - 1;
  const raw = source.slice(i, end);
  let value: string;
  if (quote === "'") value = raw.slice(1, -1).replace(/''/g, "'");
  else if (!raw.includes('\\')) value = raw.slice(1, -1);
  else {
    try {
      value = JSON.parse(raw) as string;
    } catch {
      return notSimple();
    }
  }
  return { kind: 'scalar', value, style: quote === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE', start: i, end: j + 1, comment: null, inFlow };
}

/** A literal block scalar (`|`, `|-`, `|+`) whose content is indented more than `parentIndent`. */
function literalScalar(i: number, parentIndent: number, lineStart: number): LiteScalar {
  const headerEnd = lineEndAt(lineStart);
  let h = i + 1;
  const chomping = source[h] === '-' || source[h] === '+' ? source[h++] : '';
  const comment = h === headerEnd ? null : commentAt(h, headerEnd);
  const lines: string[] = [];
  let contentIndent = -1;
  let line = nextLine(lineStart);
  let endOfTrailingBlanks = line;
  lastLine = lineStart;
  for (; line < limit; line = nextLine(line)) {
    const end = lineEndAt(line);
    let spaces = line;
    while (spaces < end && source[spaces] === ' ') spaces++;
    const indent = spaces - line;
    // A tab where the scalar's indentation is, or where a comment after it starts, is no YAML;
    // where it is content, the composer tells which.
    if (source.charCodeAt(spaces) === TAB && (contentIndent < 0 || indent < contentIndent)) notSimple();
    if (spaces === end) {
      if (contentIndent < 0 && indent > 0) notSimple();
      // Spaces past the content's indentation are content, and the scalar ends after them.
      const content = contentIndent >= 0 && indent > contentIndent;
      lines.push(content ? source.slice(line + contentIndent, end) : '');
      if (content) lastLine = line;
      endOfTrailingBlanks = nextLine(line);
      continue;
    }
    if (indent <= parentIndent) break;
    if (contentIndent < 0) contentIndent = indent;
    if (indent < contentIndent) notSimple();
    lines.push(source.slice(line + contentIndent, end));
    lastLine = line;
    endOfTrailingBlanks = nextLine(line);
  }
  let last = lines.length;
  while (last > 0 && lines[last - 1] === '') last--;
  const body = lines.slice(0, last).join('\n');
  const trailing = chomping === '+' ? '\n'.repeat(lines.length - last) : '';
  const value = last === 0 ? (chomping === '+' ? trailing : '') : chomping === '-' ? body : `${body}\n${trailing}`;
  // Offsets as the composer gives them: a kept block scalar takes all its trailing blank lines
  // along, an empty clipped or stripped one only its first.
  const afterHeader = nextLine(lineStart);
  const end = chomping === '+' ? endOfTrailingBlanks : contentIndent < 0 ? (lines.length > 0 ? nextLine(afterHeader) : afterHeader) : nextLine(lastLine);
  return { kind: 'scalar', value, style: 'BLOCK', start: i, end, comment, inFlow: false };
}


/**
 * Reads the unit [start, end) of `text` when it is simple block YAML, else null. With
 * `sequenceItem` the unit is one item of a block sequence, and the item is what is read.
 *
 * The reader takes the block YAML that kpt and kustomize write and people mostly keep: block
 * mappings and sequences, plain keys, single-line plain and quoted scalars, literal block scalars,
 * flow collections that close on their line, comments. It reads straight from the source with
 * offsets, without building tokens. An entry it does not read itself — a key that is quoted or
 * has properties; a value with an anchor, an alias or a tag (but `!!str` on a string), a folded
 * block scalar or one with an indentation indicator, a scalar or flow collection over several
 * lines, a flow collection or quoted scalar on the line below its key — it has the yaml library
 * compose, that entry alone (composedEntry). It gives up (returns null) on the rest — explicit
 * `? ` keys, a plain scalar alone on the line below its key, tabs in indentation, repeated keys
 * and keys that are no string, anything odd, and whatever the composer finds wrong in an entry —
 * for the full composer to read the whole unit and to report.
 *
 * With `prune`, the tree keeps only what the marker walk and the resource's identity need: the
 * root's own entries, all of `metadata`, the scalars with a marker comment, and the collections on
 * the way to them (sequence items keep their index, as holes). That is most of the speed and memory
 * of large inputs. The structure is checked in full either way.
 */
export function readSimpleResource<M>(text: string, start: number, end: number, sequenceItem: boolean, markerReport: MarkerReport<M>, prune = false): SimpleResource<M> | null {
  resetState(text, end, sequenceItem, markerReport, prune);
  try {
    let first = nextContentLine(source[start] === '\uFEFF' ? start + 1 : start);
    if (first < 0) return null;
    if (source.startsWith('---', first) && /^---[ \t]*(#.*)?$/.test(source.slice(first, lineEndAt(first)))) first = nextContentLine(nextLine(first));
    if (first < 0 || source[first] === '%' || source.startsWith('---', first) || source.startsWith('...', first)) return null;
    const indent = indentAt(first);
    const node = collection(first + indent, indent, first);
    if (contentAfter(lastLine) >= 0) return null;
    if (!sequenceItem) return { tree: node, markers: markers as M };
    return node.kind === 'seq' && node.items.length === 1 ? { tree: node.items[0], markers: markers as M } : null;
  } catch (error) {
    if (error === NOT_SIMPLE) return null;
    throw error;
  } finally {
    resetState('', 0, false, NO_MARKERS, false);
  }
}

/** readSimpleResource's tree, in full, without markers. */
export function readSimpleYaml(text: string, start: number, end: number, sequenceItem: boolean): LiteNode | null {
  return readSimpleResource(text, start, end, sequenceItem, NO_MARKERS)?.tree ?? null;
}
