import { LiteMap, LiteNode, LiteScalar, LiteSeq } from './lite-tree';

/** Thrown inside the reader when the text leaves the simple subset; the caller composes instead. */
class NotSimple extends Error {}

const notSimple = (): never => {
  throw new NotSimple();
};

/** Characters that cannot start a plain scalar or key in the simple subset. */
const INDICATORS = new Set([...'-?:,[]{}#&*!|>\'"%@`']);

/**
 * A reader for the block YAML that kpt and kustomize write and people mostly keep: block mappings
 * and sequences, plain keys, single-line plain and quoted scalars, literal block scalars, `{}` and
 * `[]`, comments. It reads straight from the source with offsets, without building tokens, and
 * gives up (returns null) on anything else — flow collections, anchors, aliases, tags, multi-line
 * flow scalars, folded scalars, quoted keys, tabs in indentation, duplicate keys, anything odd —
 * for the full composer to handle and to report.
 */
class SimpleReader {
  /** The start of the last line the most recent value used. */
  lastLine = 0;

  constructor(
    private readonly source: string,
    private readonly limit: number,
  ) {}

  lineEnd(lineStart: number): number {
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
    let i = lineStart;
    while (this.source[i] === ' ') i++;
    if (this.source[i] === '\t') notSimple();
    return i - lineStart;
  }

  /** The start of the next line holding content (not blank, not a comment), or -1. */
  nextContentLine(from: number): number {
    for (let line = from; line < this.limit; line = this.nextLine(line)) {
      const end = this.lineEnd(line);
      let i = line;
      while (i < end && (this.source[i] === ' ' || this.source[i] === '\t')) i++;
      if (i < end && this.source[i] !== '#') return line;
    }
    return -1;
  }

  /** A `#` comment at `i` up to the end of the line, after optional blanks; null at the line's end. */
  commentAt(i: number, lineEnd: number): string | null {
    while (i < lineEnd && (this.source[i] === ' ' || this.source[i] === '\t')) i++;
    if (i === lineEnd) return null;
    if (this.source[i] !== '#' || !/[ \t]/.test(this.source[i - 1])) return notSimple();
    return this.source.slice(i, lineEnd);
  }

  isSeqEntry(i: number, lineEnd: number): boolean {
    return this.source[i] === '-' && (i + 1 === lineEnd || this.source[i + 1] === ' ');
  }

  /** A plain key at `i` and the offset after its `:`, or null when the line holds no key there. */
  key(i: number, lineEnd: number): { key: string; after: number } | null {
    if (INDICATORS.has(this.source[i])) return null;
    for (let j = i; j < lineEnd; j++) {
      const c = this.source[j];
      if (c === '#' && /[ \t]/.test(this.source[j - 1])) return null;
      if (c === ':' && (j + 1 === lineEnd || this.source[j + 1] === ' ')) return { key: this.source.slice(i, j).trimEnd(), after: j + 1 };
    }
    return null;
  }

  /** A node whose first entry starts at `i` (column `column`): a block sequence or mapping. */
  collection(i: number, column: number, lineStart: number): LiteMap | LiteSeq {
    const lineEnd = this.lineEnd(lineStart);
    if (this.isSeqEntry(i, lineEnd)) return this.sequence(i, column, lineStart);
    if (this.key(i, lineEnd) === null) notSimple();
    return this.mapping(i, column, lineStart);
  }

  /** The value of an entry that continues on the next lines (a nested collection), or an empty value. */
  valueBelow(column: number, lineStart: number, emptyAt: number, comment: string | null, sameColumnSequence: boolean): LiteNode {
    const next = this.nextContentLine(this.nextLine(lineStart));
    if (next >= 0) {
      const indent = this.indent(next);
      const sequenceHere = sameColumnSequence && indent === column && this.isSeqEntry(next + indent, this.lineEnd(next));
      if (indent > column || sequenceHere) return this.collection(next + indent, indent, next);
    }
    this.lastLine = lineStart;
    return { kind: 'scalar', value: '', style: 'EMPTY', start: emptyAt, end: emptyAt, comment, inFlow: false };
  }

  /** The value that starts at `i` on its line: inline scalar, block scalar, compact collection or below. */
  value(i: number, column: number, lineStart: number, allowCompact: boolean): LiteNode {
    const lineEnd = this.lineEnd(lineStart);
    while (i < lineEnd && this.source[i] === ' ') i++;
    if (i === lineEnd || this.source[i] === '#') return this.valueBelow(column, lineStart, i, this.commentAt(i, lineEnd), !allowCompact);
    if (allowCompact && (this.isSeqEntry(i, lineEnd) || this.key(i, lineEnd) !== null)) return this.collection(i, i - lineStart, lineStart);
    if (this.source[i] === '|') return this.literalScalar(i, column, lineStart);
    this.lastLine = lineStart;
    return this.inlineScalar(i, lineEnd);
  }

  sequence(i: number, column: number, lineStart: number): LiteSeq {
    const items: LiteNode[] = [];
    for (;;) {
      items.push(this.value(i + 1, column, lineStart, true));
      const next = this.nextContentLine(this.nextLine(this.lastLine));
      if (next < 0) break;
      const indent = this.indent(next);
      if (indent < column) break;
      if (indent > column || !this.isSeqEntry(next + indent, this.lineEnd(next))) {
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
    const keys = new Set<string>();
    for (;;) {
      const found = this.key(i, this.lineEnd(lineStart)) ?? notSimple();
      if (keys.has(found.key)) notSimple();
      keys.add(found.key);
      entries.push([found.key, this.value(found.after, column, lineStart, false)]);
      const next = this.nextContentLine(this.nextLine(this.lastLine));
      if (next < 0) break;
      const indent = this.indent(next);
      if (indent < column) break;
      if (indent > column || this.isSeqEntry(next + indent, this.lineEnd(next))) notSimple();
      lineStart = next;
      i = next + indent;
    }
    return { kind: 'map', flow: false, entries };
  }

  inlineScalar(i: number, lineEnd: number): LiteNode {
    const c = this.source[i];
    if (c === '"' || c === "'") return this.quotedScalar(i, lineEnd);
    if ((c === '[' || c === '{') && this.source[i + 1] === (c === '[' ? ']' : '}')) {
      this.commentAt(i + 2, lineEnd);
      return c === '[' ? { kind: 'seq', flow: true, items: [] } : { kind: 'map', flow: true, entries: [] };
    }
    if (INDICATORS.has(c)) notSimple();
    let end = lineEnd;
    for (let j = i; j < lineEnd; j++) {
      const d = this.source[j];
      if (d === '#' && /[ \t]/.test(this.source[j - 1])) {
        end = j;
        break;
      }
      if (d === ':' && (j + 1 === lineEnd || /[ \t]/.test(this.source[j + 1]))) notSimple();
    }
    while (end > i && /[ \t]/.test(this.source[end - 1])) end--;
    const comment = end === lineEnd ? null : this.commentAt(end, lineEnd);
    return { kind: 'scalar', value: this.source.slice(i, end), style: 'PLAIN', start: i, end, comment, inFlow: false };
  }

  quotedScalar(i: number, lineEnd: number): LiteScalar {
    const quote = this.source[i];
    let j = i + 1;
    for (; j < lineEnd; j++) {
      const c = this.source[j];
      if (quote === '"' && c === '\\') j++;
      else if (c === quote) {
        if (quote === "'" && this.source[j + 1] === "'") j++;
        else break;
      }
    }
    if (j >= lineEnd) notSimple();
    const raw = this.source.slice(i, j + 1);
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
    const comment = this.commentAt(j + 1, lineEnd);
    return { kind: 'scalar', value, style: quote === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE', start: i, end: j + 1, comment, inFlow: false };
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
    const end = chomping === '+' ? endOfTrailingBlanks : this.nextLine(this.lastLine);
    return { kind: 'scalar', value, style: 'BLOCK', start: i, end, comment, inFlow: false };
  }
}

/**
 * Reads the unit [start, end) of `source` into a lite tree when it is simple block YAML, else null.
 * With `sequenceItem` the unit is one item of a block sequence and the item is returned.
 */
export function readSimpleYaml(source: string, start: number, end: number, sequenceItem: boolean): LiteNode | null {
  const reader = new SimpleReader(source, end);
  try {
    let first = reader.nextContentLine(source[start] === '\uFEFF' ? start + 1 : start);
    if (first < 0) return null;
    if (/^---[ \t]*(#.*)?$/.test(source.slice(first, reader.lineEnd(first)))) first = reader.nextContentLine(reader.nextLine(first));
    if (first < 0 || source[first] === '%' || source.startsWith('---', first) || source.startsWith('...', first)) return null;
    const indent = reader.indent(first);
    const node = reader.collection(first + indent, indent, first);
    if (reader.nextContentLine(reader.nextLine(reader.lastLine)) >= 0) return null;
    if (!sequenceItem) return node;
    return node.kind === 'seq' && node.items.length === 1 ? node.items[0] : null;
  } catch (error) {
    if (error instanceof NotSimple || error instanceof RangeError) return null;
    throw error;
  }
}
