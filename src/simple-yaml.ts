import { PathSegment } from './field-path';
import { LiteMap, LiteNode, LiteScalar, LiteSeq } from './lite-tree';
import { MARKER_PREFIX } from './marker';
import { scanFrom } from './sticky-scan';
import { CommentMarkers, noteMarker } from './walk';

/** Thrown inside the reader when the text leaves the simple subset; the caller composes instead. */
class NotSimple extends Error {}

const TAB = 9;
const LF = 10;
const CR = 13;
const HASH = 35;
const DASH = 45;
const SINGLE_QUOTE = 39;
const DOUBLE_QUOTE = 34;

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';

const notSimple = (): never => {
  throw new NotSimple();
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
const ENTRY_LINE = /([^\s'"#&*!|>%@`{}[\],?:-][^\s:#]*(?::[^\s:#]+)*):(?:( +)([^\s'"#&*!|>%@`{}[\],?:-](?:[^\s:]|:(?=[^\s]))*|'[^'\r\n]*'|"[^"\\\r\n]*"))?( *| +#[^\r\n]*)(?=\r?\n|$)(?:\r?\n(?:[ \t]*(?:#[^\n]*)?\r?\n)*( *))?/y;
/** A plain scalar in a flow collection, up to an indicator, a comment or a `:` that ends it (the caller stops it at the line's end). */
const FLOW_PLAIN = /(?:[^,[\]{}#:\n]|:(?![ ,[\]{}]|$))*/y;

/** Characters that cannot start a plain scalar or key in the simple subset. */
const INDICATORS = new Set([...'-?:,[]{}#&*!|>\'"%@`']);

/**
 * A reader for the block YAML that kpt and kustomize write and people mostly keep: block mappings
 * and sequences, plain keys, single-line plain and quoted scalars, literal block scalars, flow
 * collections that close on their line, comments. It reads straight from the source with offsets,
 * without building tokens, and gives up (returns null) on anything else — multi-line flow
 * collections and scalars, anchors, aliases, tags, folded scalars, quoted keys, tabs in
 * indentation, duplicate keys, anything odd —
 * for the full composer to handle and to report.
 */
class SimpleReader {
  /** The start of the last line the most recent value used. */
  lastLine = 0;
  /** How deep the collection being read is; the resource's root is at 0. */
  private depth: number;
  /** Whether everything is kept below the current point (see `prune`). */
  private keepAll: boolean;

  /**
   * With `prune`, the tree keeps only what the marker walk and the resource's identity need: the
   * root's own entries, all of `metadata`, the scalars with a marker comment, and the collections
   * on the way to them (sequence items keep their index, as holes). That is most of the speed and
   * memory of large inputs. The structure is checked in full either way.
   */
  constructor(
    private readonly source: string,
    private readonly limit: number,
    rootDepth: number,
    prune: boolean,
  ) {
    this.depth = rootDepth;
    this.keepAll = !prune;
  }

  private retains(node: LiteNode): boolean {
    if (this.keepAll || this.depth <= 0) return true;
    switch (node.kind) {
      case 'scalar':
        return node.comment !== null && node.comment.startsWith(MARKER_PREFIX);
      case 'map':
        return node.entries.length > 0;
      case 'seq':
        return node.items.length > 0;
      case 'alias':
        return true;
    }
  }

  /** The markers on the scalars read, as the marker walk (walk.ts) would find them in the tree. */
  readonly markers: CommentMarkers = { marked: [], misplaced: [] };
  /** The path from the resource's root to the collection being read. */
  private readonly path: PathSegment[] = [];

  /**
   * Goes one level deeper, to the value at `segment`: inside `metadata` of the root everything is
   * kept. Returns what `leave` restores. No need to restore on a throw: the reader is done then.
   */
  private enter(segment: PathSegment): boolean {
    const keepAll = this.keepAll;
    if (this.depth === 0 && segment === 'metadata') this.keepAll = true;
    if (this.depth >= 0) this.path.push(segment);
    this.depth++;
    return keepAll;
  }

  private leave(keepAll: boolean): void {
    this.depth--;
    if (this.depth >= 0) this.path.pop();
    this.keepAll = keepAll;
  }

  /** Notes the marker of a value read at `segment` of the collection being read, in the resource. */
  private noteValue(segment: PathSegment, value: LiteNode): void {
    if (value.kind === 'scalar' && value.comment !== null && this.depth >= 0) noteMarker(this.markers, this.path, segment, value);
  }

  /** The value at `i`, one level deeper. */
  private childValue(i: number, column: number, lineStart: number, allowCompact: boolean, segment: PathSegment): LiteNode {
    const keepAll = this.enter(segment);
    const value = this.value(i, column, lineStart, allowCompact);
    this.leave(keepAll);
    return value;
  }

  /** valueBelow, one level deeper. */
  private childBelow(key: string, column: number, lineStart: number, emptyAt: number, comment: string | null): LiteNode {
    const keepAll = this.enter(key);
    const value = this.valueBelow(column, lineStart, emptyAt, comment, true);
    this.leave(keepAll);
    return value;
  }

  private cachedLine = -1;
  private cachedLineEnd = -1;

  lineEnd(lineStart: number): number {
    if (lineStart === this.cachedLine) return this.cachedLineEnd;
    this.cachedLine = lineStart;
    this.cachedLineEnd = this.computeLineEnd(lineStart);
    return this.cachedLineEnd;
  }

  computeLineEnd(lineStart: number): number {
    const newline = this.source.indexOf('\n', lineStart);
    const end = newline < 0 || newline >= this.limit ? this.limit : newline;
    return end > lineStart && this.source[end - 1] === '\r' ? end - 1 : end;
  }

  nextLine(lineStart: number): number {
    const newline = this.source.indexOf('\n', lineStart);
    return newline < 0 || newline >= this.limit ? this.limit : newline + 1;
  }

  /** Spaces before the line's first character; a tab there means YAML this reader does not take. */
  indent(lineStart: number): number {
    const i = scanFrom(SPACES, this.source, lineStart);
    if (this.source.charCodeAt(i) === TAB) notSimple();
    return i - lineStart;
  }

  /** The line contentAfter was last asked about, and its answer. */
  private afterLine = -1;
  private afterNext = -1;
  /** The indentation of the line contentAfter found. */
  private nextIndent = -1;

  /**
   * The start of the next line with content after the line at `lineStart`, or -1; its indentation is
   * then in `nextIndent`. Remembered: a collection that ends has found it, and so has ENTRY_LINE.
   */
  contentAfter(lineStart: number): number {
    if (lineStart !== this.afterLine) {
      const next = this.nextContentLine(this.nextLine(lineStart));
      this.nextIndent = next < 0 ? -1 : this.indent(next);
      this.afterLine = lineStart;
      this.afterNext = next;
    }
    return this.afterNext;
  }

  /**
   * Remembers contentAfter(lineStart) from an ENTRY_LINE match that ended at `after`, past the next
   * line's indentation `nextIndent` (undefined at the end of the input). What follows the
   * indentation may need a closer look (a comment or blank line without a line break at the end of
   * the input, a tab): then it is left to contentAfter.
   */
  private noteContentAfter(lineStart: number, nextIndent: string | undefined, after: number): void {
    let next = -1;
    if (nextIndent !== undefined) {
      next = after - nextIndent.length;
      const c = this.source.charCodeAt(after);
      if (next >= this.limit) next = -1;
      else if (after >= this.source.length || c === HASH || c === TAB || c === CR || c === LF) return;
    }
    this.afterLine = lineStart;
    this.afterNext = next;
    this.nextIndent = nextIndent === undefined ? -1 : nextIndent.length;
  }

  /** The start of the next line holding content (not blank, not a comment), or -1. */
  nextContentLine(from: number): number {
    if (from >= this.limit) return -1;
    const line = scanFrom(BLANK_OR_COMMENT_LINES, this.source, from);
    if (line >= this.limit) return -1;
    const content = scanFrom(BLANKS, this.source, line);
    const first = this.source.charCodeAt(content);
    // A character other than a line break or `#` after the blanks: content (the usual case).
    if (content < this.limit && first !== HASH && first !== CR && first !== LF) return line;
    return this.nextContentLineByLines(line);
  }

  /** nextContentLine, line by line. */
  private nextContentLineByLines(from: number): number {
    for (let line = from; line < this.limit; line = this.nextLine(line)) {
      const end = this.lineEnd(line);
      const i = scanFrom(BLANKS, this.source, line);
      if (i < end && this.source.charCodeAt(i) !== HASH) return line;
    }
    return -1;
  }

  /** A `#` comment at `i` up to the end of the line, after optional blanks; null at the line's end. */
  commentAt(i: number, lineEnd: number): string | null {
    while (i < lineEnd && (this.source[i] === ' ' || this.source[i] === '\t')) i++;
    if (i === lineEnd) return null;
    if (this.source[i] !== '#' || !isBlank(this.source[i - 1])) return notSimple();
    return this.source.slice(i, lineEnd);
  }

  isSeqEntry(i: number, lineEnd: number): boolean {
    return this.source[i] === '-' && (i + 1 === lineEnd || this.source[i + 1] === ' ');
  }

  /** isSeqEntry at `i` on the line at `lineStart`, whose end is only needed after a `-`. */
  seqEntryAt(i: number, lineStart: number): boolean {
    return this.source.charCodeAt(i) === DASH && this.isSeqEntry(i, this.lineEnd(lineStart));
  }

  private keyAt = -1;
  private keyFound: string | null = null;
  /** The offset after the `:` of the key `key` found last. */
  private keyAfter = -1;

  /** A plain key at `i` (then `keyAfter` is the offset after its `:`), or null when the line holds no key there. */
  key(i: number, lineEnd: number): string | null {
    if (i !== this.keyAt) {
      this.keyAt = i;
      const after = INDICATORS.has(this.source[i]) ? -1 : scanFrom(KEY, this.source, i);
      this.keyFound = after < 0 || after > lineEnd ? null : this.source.slice(i, after - 1).trimEnd();
      this.keyAfter = after;
    }
    return this.keyFound;
  }

  /** A node whose first entry starts at `i` (column `column`): a block sequence or mapping. */
  collection(i: number, column: number, lineStart: number): LiteMap | LiteSeq {
    return this.seqEntryAt(i, lineStart) ? this.sequence(i, column, lineStart) : this.mapping(i, column, lineStart);
  }

  /** The value of an entry that continues on the next lines (a nested collection), or an empty value. */
  valueBelow(column: number, lineStart: number, emptyAt: number, comment: string | null, sameColumnSequence: boolean): LiteNode {
    const next = this.contentAfter(lineStart);
    if (next >= 0) {
      const indent = this.nextIndent;
      const sequenceHere = sameColumnSequence && indent === column && this.seqEntryAt(next + indent, next);
      if (indent > column || sequenceHere) return this.collection(next + indent, indent, next);
    }
    this.lastLine = lineStart;
    return { kind: 'scalar', value: '', style: 'EMPTY', start: emptyAt, end: emptyAt, comment, inFlow: false };
  }

  /** The value that starts at `i` on its line: inline scalar, block scalar, compact collection or below. */
  value(i: number, column: number, lineStart: number, allowCompact: boolean): LiteNode {
    const lineEnd = this.lineEnd(lineStart);
    while (i < lineEnd && isBlank(this.source[i])) i++;
    if (i === lineEnd || this.source[i] === '#') return this.valueBelow(column, lineStart, i, this.commentAt(i, lineEnd), !allowCompact);
    if (allowCompact && (this.isSeqEntry(i, lineEnd) || this.key(i, lineEnd) !== null)) return this.collection(i, i - lineStart, lineStart);
    if (this.source[i] === '|') return this.literalScalar(i, column, lineStart);
    this.lastLine = lineStart;
    return this.inlineScalar(i, lineEnd);
  }

  sequence(i: number, column: number, lineStart: number): LiteSeq {
    const items: LiteNode[] = [];
    for (let index = 0; ; index++) {
      const item = this.childValue(i + 1, column, lineStart, true, index);
      this.noteValue(index, item);
      if (this.retains(item)) items[index] = item;
      const next = this.contentAfter(this.lastLine);
      if (next < 0) break;
      const indent = this.nextIndent;
      if (indent < column) break;
      if (indent > column || !this.seqEntryAt(next + indent, next)) {
        if (indent === column && this.key(next + indent, this.lineEnd(next)) !== null) break;
        notSimple();
      }
      lineStart = next;
      i = next + indent;
    }
    return { kind: 'seq', flow: false, items };
  }

  mapping(i: number, column: number, lineStart: number): LiteMap {
    const entries: Array<[string, LiteNode]> = [];
    const keys: string[] = [];
    for (;;) {
      const line = this.entryLine(i);
      const key = line === null ? this.key(i, this.lineEnd(lineStart)) ?? notSimple() : line[1];
      if (keys.includes(key)) notSimple();
      keys.push(key);
      const value = line === null ? this.childValue(this.keyAfter, column, lineStart, false, key) : this.entryLineValue(line, i, column, lineStart);
      if (value !== null) {
        this.noteValue(key, value);
        if (this.retains(value)) entries.push([key, value]);
      }
      const next = this.contentAfter(this.lastLine);
      if (next < 0) break;
      const indent = this.nextIndent;
      if (indent < column) break;
      if (indent > column || this.seqEntryAt(next + indent, next)) notSimple();
      lineStart = next;
      i = next + indent;
    }
    return { kind: 'map', flow: false, entries };
  }

  /** ENTRY_LINE's match at `i`, when the entry's line ends within the unit. */
  private entryLine(i: number): RegExpExecArray | null {
    ENTRY_LINE.lastIndex = i;
    const line = ENTRY_LINE.exec(this.source);
    if (line === null) return null;
    const lineEnd = i + line[1].length + 1 + (line[3] === undefined ? 0 : line[2].length + line[3].length) + line[4].length;
    return lineEnd <= this.limit ? line : null;
  }

  /**
   * The value of the entry at `i` that ENTRY_LINE matched: its scalar, or null when it is pruned
   * (not even built), or what is below the line.
   */
  private entryLineValue(line: RegExpExecArray, i: number, column: number, lineStart: number): LiteNode | null {
    const key = line[1];
    const written = line[3];
    const rest = line[4];
    this.noteContentAfter(lineStart, line[5], line.index + line[0].length);
    const afterColon = i + key.length + 1;
    const hash = rest.length === 0 ? -1 : rest.indexOf('#');
    const comment = hash < 0 ? null : rest.slice(hash);
    if (written === undefined) return this.childBelow(key, column, lineStart, afterColon + (hash < 0 ? rest.length : hash), comment);
    this.lastLine = lineStart;
    if (!this.keepAll && this.depth > 0 && (comment === null || !comment.startsWith(MARKER_PREFIX))) return null;
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

  inlineScalar(i: number, lineEnd: number): LiteNode {
    const c = this.source[i];
    if (c === '"' || c === "'") return this.quotedScalar(i, lineEnd);
    if (c === '[' || c === '{') {
      const { node, end } = this.flowCollection(i, lineEnd);
      this.commentAt(end, lineEnd);
      return node;
    }
    if (INDICATORS.has(c)) notSimple();
    const stop = scanFrom(PLAIN, this.source, i);
    let end = stop >= lineEnd ? lineEnd : this.source[stop] === '#' ? stop : notSimple();
    while (end > i && isBlank(this.source[end - 1])) end--;
    if (end === i) notSimple();
    const comment = end === lineEnd ? null : this.commentAt(end, lineEnd);
    return { kind: 'scalar', value: this.source.slice(i, end), style: 'PLAIN', start: i, end, comment, inFlow: false };
  }

  skipBlanks(i: number, lineEnd: number): number {
    while (i < lineEnd && (this.source[i] === ' ' || this.source[i] === '\t')) i++;
    return i;
  }

  /**
   * A flow sequence or mapping that closes on its own line, of plain and quoted scalars and nested
   * flow collections (`args: ["--port=80"]`, `{cpu: 1}`); anything looser is left to the composer.
   */
  flowCollection(i: number, lineEnd: number): { node: LiteMap | LiteSeq; end: number } {
    const close = this.source[i] === '[' ? ']' : '}';
    const node: LiteMap | LiteSeq = close === ']' ? { kind: 'seq', flow: true, items: [] } : { kind: 'map', flow: true, entries: [] };
    const keys = new Set<string>();
    let j = this.skipBlanks(i + 1, lineEnd);
    while (this.source[j] !== close) {
      if (node.kind === 'seq') {
        const item = this.flowValue(j, lineEnd);
        node.items.push(item.node);
        j = item.end;
      } else {
        const key = this.flowValue(j, lineEnd);
        if (key.node.kind !== 'scalar' || keys.has(key.node.value)) notSimple();
        keys.add((key.node as LiteScalar).value);
        j = this.skipBlanks(key.end, lineEnd);
        if (this.source[j] !== ':' || (key.node as LiteScalar).style === 'PLAIN' && this.source[j + 1] !== ' ') notSimple();
        const value = this.flowValue(this.skipBlanks(j + 1, lineEnd), lineEnd);
        node.entries.push([(key.node as LiteScalar).value, value.node]);
        j = value.end;
      }
      j = this.skipBlanks(j, lineEnd);
      if (this.source[j] === ',') j = this.skipBlanks(j + 1, lineEnd);
      else if (this.source[j] !== close) notSimple();
    }
    return { node, end: j + 1 };
  }

  /** One value inside a flow collection, with the offset after it. */
  flowValue(i: number, lineEnd: number): { node: LiteNode; end: number } {
    const c = this.source[i];
    if (c === '[' || c === '{') return this.flowCollection(i, lineEnd);
    if (c === '"' || c === "'") {
      const scalar = this.quotedScalarText(i, lineEnd, true);
      return { node: scalar, end: scalar.end };
    }
    if (i >= lineEnd || INDICATORS.has(c)) notSimple();
    let end = Math.min(scanFrom(FLOW_PLAIN, this.source, i), lineEnd);
    if (this.source[end] === '#') notSimple();
    while (end > i && isBlank(this.source[end - 1])) end--;
    return { node: { kind: 'scalar', value: this.source.slice(i, end), style: 'PLAIN', start: i, end, comment: null, inFlow: true }, end };
  }

  quotedScalar(i: number, lineEnd: number): LiteScalar {
    const scalar = this.quotedScalarText(i, lineEnd, false);
    scalar.comment = this.commentAt(scalar.end, lineEnd);
    return scalar;
  }

  quotedScalarText(i: number, lineEnd: number, inFlow: boolean): LiteScalar {
    const quote = this.source[i] as keyof typeof QUOTED;
    const end = scanFrom(QUOTED[quote], this.source, i);
    if (end < 0 || end > lineEnd) notSimple();
    const j = end - 1;
    const raw = this.source.slice(i, end);
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
  literalScalar(i: number, parentIndent: number, lineStart: number): LiteScalar {
    const headerEnd = this.lineEnd(lineStart);
    let h = i + 1;
    const chomping = this.source[h] === '-' || this.source[h] === '+' ? this.source[h++] : '';
    const comment = h === headerEnd ? null : this.commentAt(h, headerEnd);
    const lines: string[] = [];
    let contentIndent = -1;
    let line = this.nextLine(lineStart);
    let endOfTrailingBlanks = line;
    this.lastLine = lineStart;
    for (; line < this.limit; line = this.nextLine(line)) {
      const end = this.lineEnd(line);
      let spaces = line;
      while (spaces < end && this.source[spaces] === ' ') spaces++;
      const indent = spaces - line;
      if (spaces === end) {
        if (contentIndent < 0 && indent > 0) notSimple();
        lines.push(contentIndent >= 0 && indent > contentIndent ? this.source.slice(line + contentIndent, end) : '');
        endOfTrailingBlanks = this.nextLine(line);
        continue;
      }
      if (indent <= parentIndent) break;
      if (contentIndent < 0) contentIndent = indent;
      if (indent < contentIndent) notSimple();
      lines.push(this.source.slice(line + contentIndent, end));
      this.lastLine = line;
      endOfTrailingBlanks = this.nextLine(line);
    }
    let last = lines.length;
    while (last > 0 && lines[last - 1] === '') last--;
    const body = lines.slice(0, last).join('\n');
    const trailing = chomping === '+' ? '\n'.repeat(lines.length - last) : '';
    const value = last === 0 ? (chomping === '+' ? trailing : '') : chomping === '-' ? body : `${body}\n${trailing}`;
    // Offsets as the composer gives them: a kept block scalar takes all its trailing blank lines
    // along, an empty clipped or stripped one only its first.
    const afterHeader = this.nextLine(lineStart);
    const end = chomping === '+' ? endOfTrailingBlanks : contentIndent < 0 ? (lines.length > 0 ? this.nextLine(afterHeader) : afterHeader) : this.nextLine(this.lastLine);
    return { kind: 'scalar', value, style: 'BLOCK', start: i, end, comment, inFlow: false };
  }
}

/** A resource read by the simple reader: its tree and the markers on it, found while reading. */
export interface SimpleResource {
  tree: LiteNode;
  markers: CommentMarkers;
}

/**
 * Reads the unit [start, end) of `source` when it is simple block YAML, else null. With
 * `sequenceItem` the unit is one item of a block sequence, and the item is what is read; with
 * `prune`, only what the marker walk needs is kept (see SimpleReader).
 */
export function readSimpleResource(source: string, start: number, end: number, sequenceItem: boolean, prune = false): SimpleResource | null {
  const reader = new SimpleReader(source, end, sequenceItem ? -1 : 0, prune);
  try {
    let first = reader.nextContentLine(source[start] === '\uFEFF' ? start + 1 : start);
    if (first < 0) return null;
    if (source.startsWith('---', first) && /^---[ \t]*(#.*)?$/.test(source.slice(first, reader.lineEnd(first)))) first = reader.nextContentLine(reader.nextLine(first));
    if (first < 0 || source[first] === '%' || source.startsWith('---', first) || source.startsWith('...', first)) return null;
    const indent = reader.indent(first);
    const node = reader.collection(first + indent, indent, first);
    if (reader.contentAfter(reader.lastLine) >= 0) return null;
    if (!sequenceItem) return { tree: node, markers: reader.markers };
    return node.kind === 'seq' && node.items.length === 1 ? { tree: node.items[0], markers: reader.markers } : null;
  } catch (error) {
    if (error instanceof NotSimple || error instanceof RangeError) return null;
    throw error;
  }
}

/** readSimpleResource's tree. */
export function readSimpleYaml(source: string, start: number, end: number, sequenceItem: boolean, prune = false): LiteNode | null {
  return readSimpleResource(source, start, end, sequenceItem, prune)?.tree ?? null;
}
