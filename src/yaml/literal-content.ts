import { LiteScalar } from './lite-tree';
import { lastAtOrBefore } from '../sorted-offsets';

/**
 * The content of a literal block scalar as a text of its own, the way YAML embedded in it reads:
 * its lines without the block's indentation, line breaks as written (CRLF stays CRLF).
 */
export interface LiteralContent {
  text: string;
  /** The offset in the source of an offset in `text`. */
  sourceOffset(offset: number): number;
}

const SPACE = 32;

/** The number of spaces at `start`, up to `end`. */
function leadingSpaces(source: string, start: number, end: number): number {
  let i = start;
  while (i < end && source.charCodeAt(i) === SPACE) i++;
  return i - start;
}

/**
 * The content of the block scalar `scalar` of `source`, when it is a literal one (`|`, with any
 * chomping and indentation indicator); null for a folded one (`>`), whose line breaks are not its
 * content's. The block's indentation is found from the scalar's value rather than from its header:
 * the first line with anything but spaces on it has the block's indentation plus the spaces its
 * value keeps, which holds with an indentation indicator (`|2`) too.
 */
export function literalContent(source: string, scalar: LiteScalar): LiteralContent | null {
  if (scalar.style !== 'BLOCK' || source[scalar.start] !== '|') return null;
  const headerBreak = source.indexOf('\n', scalar.start);
  const contentStart = headerBreak < 0 || headerBreak >= scalar.end ? scalar.end : headerBreak + 1;
  const valueLines = scalar.value.split('\n');
  /** Each content line's start in the source, and the start of its line break (or the content's end). */
  const lineStarts: number[] = [];
  const lineEnds: number[] = [];
  let indentation = 0;
  let indentationFound = false;
  for (let line = contentStart; line < scalar.end; ) {
    const newline = source.indexOf('\n', line);
    const broken = newline >= 0 && newline < scalar.end;
    const next = broken ? newline + 1 : scalar.end;
    const end = !broken ? scalar.end : source[newline - 1] === '\r' ? newline - 1 : newline;
    const spaces = leadingSpaces(source, line, end);
    if (!indentationFound && spaces < end - line) {
      const valueLine = valueLines[lineStarts.length] ?? '';
      indentation = spaces - leadingSpaces(valueLine, 0, valueLine.length);
      indentationFound = true;
    }
    lineStarts.push(line);
    lineEnds.push(end);
    line = next;
  }
  let text = '';
  const textStarts: number[] = [];
  const sourceStarts: number[] = [];
  for (let i = 0; i < lineStarts.length; i++) {
    const removed = Math.min(indentation, leadingSpaces(source, lineStarts[i], lineEnds[i]));
    textStarts.push(text.length);
    sourceStarts.push(lineStarts[i] + removed);
    text += source.slice(lineStarts[i] + removed, i + 1 < lineStarts.length ? lineStarts[i + 1] : scalar.end);
  }
  return {
    text,
    sourceOffset(offset: number): number {
      if (textStarts.length === 0) return contentStart;
      const line = lastAtOrBefore(textStarts, offset);
      return sourceStarts[line] + offset - textStarts[line];
    },
  };
}
