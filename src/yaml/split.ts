import { InputErrorCode, inputErrorAt, UnitPlace } from '../problem';

/** What a unit of input is, for reading it alone. */
export type UnitKind = 'document' | 'seq-item' | 'node';

/**
 * A part of the input that is processed on its own: a document of a stream, or one item of a
 * ResourceList (a `seq-item` starts at its `- ` line; a `node` is a flow item).
 */
export interface Unit {
  start: number;
  end: number;
  kind: UnitKind;
  /** The document's index in its stream, or the item's in its list. */
  index: number;
}

/** Where the units of an input are, asked by offset: most units are never looked at (they have no marker text). */
export interface UnitIndex {
  readonly kind: UnitKind;
  /** Where the first unit starts, or -1 when there is none. */
  readonly firstStart: number;
  /** The unit that holds all of [start, end), or null when none does. */
  unitHolding(start: number, end: number): Unit | null;
}

/**
 * Units in input order, by their offsets. A large ResourceList has a unit per item, and most are
 * never looked at beyond their offsets (they have no marker text), so a unit object is made only
 * when asked for.
 */
export class Units implements UnitIndex {
  private constructor(
    readonly kind: UnitKind,
    private readonly starts: readonly number[],
    /** Each unit's end, or null when each ends where the next starts and the last at `lastEnd`. */
    private readonly ends: readonly number[] | null,
    private readonly lastEnd: number,
    /** Each unit's index, or null when it is the unit's position. */
    private readonly indexes: readonly number[] | null,
  ) {}

  /** Units that follow one another from `starts`, the last one ending at `end`. */
  static adjoining(starts: readonly number[], end: number, kind: UnitKind): Units {
    return new Units(kind, starts, null, end, null);
  }

  /** Units that start at `starts` and end at `ends`, in order. */
  static separate(starts: readonly number[], ends: readonly number[], kind: UnitKind): Units {
    return new Units(kind, starts, ends, 0, null);
  }

  /** Units of one kind, as they are. */
  static of(kind: UnitKind, units: readonly Unit[]): Units {
    return new Units(kind, units.map((unit) => unit.start), units.map((unit) => unit.end), 0, units.map((unit) => unit.index));
  }

  get length(): number {
    return this.starts.length;
  }

  start(position: number): number {
    return this.starts[position];
  }

  end(position: number): number {
    if (this.ends !== null) return this.ends[position];
    return position + 1 < this.starts.length ? this.starts[position + 1] : this.lastEnd;
  }

  /** The position of the last unit that starts at or before `offset`, or -1. */
  positionOf(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      if (this.starts[middle] <= offset) low = middle + 1;
      else high = middle - 1;
    }
    return high;
  }

  at(position: number): Unit {
    return { start: this.start(position), end: this.end(position), kind: this.kind, index: this.indexes === null ? position : this.indexes[position] };
  }

  get firstStart(): number {
    return this.starts.length === 0 ? -1 : this.starts[0];
  }

  unitHolding(start: number, end: number): Unit | null {
    const position = this.positionOf(start);
    return position < 0 || end > this.end(position) ? null : this.at(position);
  }
}

const ITEM_LINE = '\n-';
const PERCENT = 37;

/**
 * The items of a block sequence at column 0 that fills [firstStart, regionEnd): each line there
 * that starts with `-` starts an item, which the caller made sure of (no other line there starts
 * with content at column 0). An item is found from an offset in it when asked for, by a search
 * back and one forward: a ResourceList may have thousands, and a run that reads a few of them
 * need not know where the others are. An item's index is counted only when asked for: messages
 * about it need it, a run does not.
 */
export class ColumnZeroItems implements UnitIndex {
  readonly kind = 'seq-item';

  constructor(
    private readonly source: string,
    readonly firstStart: number,
    private readonly regionEnd: number,
  ) {}

  unitHolding(start: number, end: number): Unit | null {
    if (start < this.firstStart || end > this.regionEnd) return null;
    const itemStart = this.source.lastIndexOf(ITEM_LINE, start - 1) + 1;
    const next = this.source.indexOf(ITEM_LINE, start);
    const itemEnd = next < 0 ? this.regionEnd : Math.min(next + 1, this.regionEnd);
    return end > itemEnd ? null : new ColumnZeroItem(this, itemStart, itemEnd);
  }

  /** The index of the item that starts at `itemStart`: how many start before it. */
  indexOfItemAt(itemStart: number): number {
    let index = 0;
    for (let at = this.firstStart; at < itemStart && at > 0; at = this.source.indexOf(ITEM_LINE, at) + 1) index++;
    return index;
  }
}

/** One of ColumnZeroItems, its index counted when asked for. */
class ColumnZeroItem implements Unit {
  readonly kind = 'seq-item';

  constructor(
    private readonly items: ColumnZeroItems,
    readonly start: number,
    readonly end: number,
  ) {}

  get index(): number {
    return this.items.indexOfItemAt(this.start);
  }
}

/** Where a unit is, for a problem in it: document 2, item 7. Asked for only then: an item's index may be counted. */
export function unitPlace(unit: Unit): UnitPlace {
  return { kind: unit.kind === 'document' ? 'document' : 'item', index: unit.index };
}

/** Calls `visit(lineStart, lineEnd, nextLineStart)` for each line; lineEnd excludes the line break. */
function forEachLine(source: string, from: number, to: number, visit: (start: number, end: number, next: number) => void): void {
  let start = from;
  while (start < to) {
    const newline = source.indexOf('\n', start);
    const next = newline < 0 || newline >= to ? to : newline + 1;
    const end = newline < 0 || newline >= to ? to : source[newline - 1] === '\r' ? newline - 1 : newline;
    visit(start, end, next);
    start = next;
  }
}

function isMarkerLine(source: string, start: number, end: number, marker: '---' | '...'): boolean {
  return source.startsWith(marker, start) && (end === start + 3 || source[start + 3] === ' ' || source[start + 3] === '\t');
}

/** A line that is not blank and not only a comment. */
function isContentLine(source: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && (source[i] === ' ' || source[i] === '\t')) i++;
  return i < end && source[i] !== '#';
}

/**
 * Where the stream grammar is: between documents (`prefix`: at the start, or after a `...` line,
 * where directives may come), after directives (`directives`: only more directives, comments or
 * `---` may follow), or inside a document (`document`).
 */
type StreamState = 'prefix' | 'directives' | 'document';

/**
 * The documents of a YAML stream, from its lines alone, by the YAML 1.2 stream grammar: a `---`
 * line at column 0 always starts a document (YAML forbids it as content); a `...` line ends one;
 * between a `...` (or the stream's start) and the next document come comments, more `...` lines
 * and directives (`%` lines), and directives must be followed by a `---` line. A document starts
 * with the comments and directives before it and ends after its `...` line, or where the next one
 * starts. Inside a document a `%` line is content (a block scalar's, say): if it is a directive
 * after a document without `...`, reading that document finds it. Nothing is parsed. The errors are a
 * directive without a document after it and a repeated `%YAML`, in the document they are in.
 */
export function splitStream(source: string): Units {
  const starts: number[] = [];
  const ends: number[] = [];
  let state = 'prefix' as StreamState;
  let prefixStart = 0;
  let directiveAt = -1;
  let yamlDirectiveSeen = false;
  const fail = (code: InputErrorCode, problem: string, offset: number): never => {
    throw inputErrorAt(code, problem, source, offset, { kind: 'document', index: starts.length });
  };
  const directiveWithoutDocument = (): never => fail('DIRECTIVE_WITHOUT_DOCUMENT', 'a directive must be followed by a --- line', directiveAt);
  const startDocument = (at: number): void => {
    if (state === 'document') ends.push(at);
    starts.push(state === 'document' ? at : prefixStart);
    state = 'document';
    yamlDirectiveSeen = false;
  };
  forEachLine(source, source.startsWith('\uFEFF') ? 1 : 0, source.length, (start, end, next) => {
    if (isMarkerLine(source, start, end, '---')) {
      startDocument(start);
    } else if (isMarkerLine(source, start, end, '...')) {
      if (state === 'directives') directiveWithoutDocument();
      if (state === 'document') ends.push(next);
      state = 'prefix';
      prefixStart = next;
    } else if (state !== 'document' && source.charCodeAt(start) === PERCENT) {
      if (source.startsWith('%YAML', start) && /[ \t]/.test(source[start + 5] ?? '')) {
        if (yamlDirectiveSeen) fail('DUPLICATE_YAML_DIRECTIVE', 'a second %YAML directive for one document', start);
        yamlDirectiveSeen = true;
      }
      state = 'directives';
      directiveAt = start;
    } else if (state !== 'document' && isContentLine(source, start, end)) {
      if (state === 'directives') directiveWithoutDocument();
      startDocument(start);
    }
  });
  if (state === 'directives') directiveWithoutDocument();
  if (state === 'document') ends.push(source.length);
  return Units.separate(starts, ends, 'document');
}
