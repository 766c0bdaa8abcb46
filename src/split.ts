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

/**
 * Units in input order. An array is one; a large ResourceList has a unit per item, so its units are
 * made when asked for (adjoiningUnits).
 */
export interface Units {
  readonly length: number;
  at(index: number): Unit | undefined;
}

/** Units that follow one another from `starts`, the last one ending at `end`, each made when asked for. */
export function adjoiningUnits(starts: readonly number[], end: number, kind: UnitKind): Units {
  return { length: starts.length, at: (index) => (index < starts.length ? { start: starts[index], end: starts[index + 1] ?? end, kind, index } : undefined) };
}

/** Where a unit is, for messages: `document 2`, `items[7]`. */
export function unitLabel(unit: Unit): string {
  return unit.kind === 'document' ? `document ${unit.index}` : `items[${unit.index}]`;
}

/** Calls `visit(lineStart, lineEnd)` for each line; lineEnd excludes the line break. */
function forEachLine(source: string, from: number, to: number, visit: (start: number, end: number) => void): void {
  let start = from;
  while (start < to) {
    const newline = source.indexOf('\n', start);
    const next = newline < 0 || newline >= to ? to : newline + 1;
    const end = newline < 0 || newline >= to ? to : source[newline - 1] === '\r' ? newline - 1 : newline;
    visit(start, end);
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
 * The documents of a YAML stream, from its lines alone: a `---` line at column 0 always starts a
 * document (YAML forbids it as content), directives (`%YAML`, `%TAG`) before it belong to it, and content
 * after a `...` starts a bare document. Comments before the first document belong to it. Nothing
 * is parsed.
 */
export function splitStream(source: string): Unit[] {
  const starts: number[] = [];
  let inDocument = false;
  let directivesStart = -1;
  /** Where the first document may start: 0, or after a `...` that comes before any document. */
  let firstStart = 0;
  const bom = source.startsWith('\uFEFF') ? 1 : 0;
  forEachLine(source, bom, source.length, (start, end) => {
    if (/^%(?:YAML|TAG)[ \t]/.test(source.slice(start, start + 6))) {
      if (directivesStart < 0) directivesStart = start;
    } else if (isMarkerLine(source, start, end, '---')) {
      const boundary = directivesStart >= 0 ? directivesStart : start;
      starts.push(starts.length === 0 ? Math.min(firstStart, boundary) : boundary);
      directivesStart = -1;
      inDocument = true;
    } else if (isMarkerLine(source, start, end, '...')) {
      if (starts.length === 0) firstStart = source.indexOf('\n', end) + 1 || source.length;
      inDocument = false;
    } else if (!inDocument && isContentLine(source, start, end)) {
      starts.push(starts.length === 0 ? Math.min(firstStart, start) : start);
      inDocument = true;
    }
  });
  return starts.map((start, index) => ({ start, end: starts[index + 1] ?? source.length, kind: 'document', index }));
}
