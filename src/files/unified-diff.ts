import { EditList } from '../output/edits';
import { lastAtOrBefore } from '../sorted-offsets';

/** Lines of context around a change. */
const CONTEXT = 3;

/** One replacement in the old text, from the edits: [start, end) becomes `text`. */
interface Change {
  start: number;
  end: number;
  text: string;
}

/** The changes the edits make to `source`, in order, adjacent edits as one: read from how they write it. */
function changesOf(source: string, edits: EditList): Change[] {
  const changes: Change[] = [];
  let position = 0;
  let text: string | null = null;
  const close = (end: number): void => {
    if (text !== null || end > position) changes.push({ start: position, end, text: text ?? '' });
    text = null;
  };
  edits.write(source, {
    copy(start, end) {
      close(start);
      position = end;
    },
    text(chunk) {
      text = (text ?? '') + chunk;
    },
  });
  close(source.length);
  return changes;
}

/** The offsets where the lines of `text` start; a last line break starts no line. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at >= 0 && at + 1 < text.length; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/** Lines of a text, each with its line break. */
function splitLines(text: string): string[] {
  return text === '' ? [] : text.match(/[^\n]*\n|[^\n]+$/g)!;
}

/** A line of the diff: its mark, its text without the `\n`, and the note when it has none. */
function diffLine(mark: ' ' | '-' | '+', line: string): string {
  return line.endsWith('\n') ? `${mark}${line.slice(0, -1)}\n` : `${mark}${line}\n\\ No newline at end of file\n`;
}

/** Changed lines: old lines [first, last] become `lines`. */
interface Block {
  first: number;
  last: number;
  lines: string[];
}

/** The changes as blocks of whole lines, changes that share a line in one block. */
function blocksOf(source: string, starts: readonly number[], changes: readonly Change[]): Block[] {
  const blocks: Array<Block & { changes: Change[] }> = [];
  for (const change of changes) {
    const first = lastAtOrBefore(starts, change.start);
    const last = lastAtOrBefore(starts, Math.max(change.start, change.end - 1));
    const previous = blocks[blocks.length - 1];
    if (previous !== undefined && first <= previous.last) {
      previous.last = Math.max(previous.last, last);
      previous.changes.push(change);
    } else {
      blocks.push({ first, last, lines: [], changes: [change] });
    }
  }
  return blocks.map(({ first, last, changes: inBlock }) => {
    const from = starts[first];
    const to = last + 1 < starts.length ? starts[last + 1] : source.length;
    let text = '';
    let position = from;
    for (const change of inBlock) {
      text += source.slice(position, change.start) + change.text;
      position = change.end;
    }
    return { first, last, lines: splitLines(text + source.slice(position, to)) };
  });
}

/** A hunk's range in the unified format: `start,count`, or `start` alone for one line. */
function hunkRange(start: number, count: number): string {
  return count === 1 ? `${start}` : `${start},${count}`;
}

/**
 * The unified diff of one file that the edits change (`--- a/PATH`, `+++ b/PATH`, 3 lines of
 * context), built from the edits, which say which lines change, so nothing is compared line by
 * line. `git apply` and `patch -p1` take it: lines keep their CR, and a last line without a line
 * break is marked so. Empty when the edits change nothing.
 */
export function unifiedDiff(path: string, source: string, edits: EditList): string {
  const starts = lineStarts(source);
  const oldLine = (index: number): string => source.slice(starts[index], index + 1 < starts.length ? starts[index + 1] : source.length);
  const blocks = blocksOf(source, starts, changesOf(source, edits));
  if (blocks.length === 0) return '';
  const out = [`--- a/${path}\n+++ b/${path}\n`];
  let added = 0;
  for (let b = 0; b < blocks.length; ) {
    // One hunk: the blocks whose context would touch or overlap.
    let end = b;
    while (end + 1 < blocks.length && blocks[end + 1].first - blocks[end].last - 1 <= 2 * CONTEXT) end++;
    const from = Math.max(0, blocks[b].first - CONTEXT);
    const to = Math.min(starts.length - 1, blocks[end].last + CONTEXT);
    const body: string[] = [];
    let newCount = 0;
    let line = from;
    for (let k = b; k <= end; k++) {
      const block = blocks[k];
      for (; line < block.first; line++) body.push(diffLine(' ', oldLine(line)));
      for (; line <= block.last; line++) body.push(diffLine('-', oldLine(line)));
      for (const text of block.lines) body.push(diffLine('+', text));
      newCount += block.lines.length - (block.last - block.first + 1);
    }
    for (; line <= to; line++) body.push(diffLine(' ', oldLine(line)));
    const oldCount = to - from + 1;
    newCount += oldCount;
    out.push(`@@ -${hunkRange(from + 1, oldCount)} +${hunkRange(from + 1 + added, newCount)} @@\n`, ...body);
    added += newCount - oldCount;
    b = end + 1;
  }
  return out.join('');
}
