import { IntRecords } from './int-records';

/** What writes a large generated text piece by piece. */
export type Emit = (write: (chunk: string) => void) => void;

/** Replace `source.slice(start, end)` by `text`, or by what `emit` writes (for large generated text). */
export type Edit = { start: number; end: number } & ({ text: string } | { emit: Emit });

/**
 * Where an edited source goes: the spans of the source that stay as they are, and the new text in
 * between, in order. A writer can then encode the unchanged spans its own way.
 */
export interface EditedOutput {
  /** `source.slice(start, end)`, unchanged. */
  copy(start: number, end: number): void;
  text(chunk: string): void;
}

const START = 0;
const END = 1;

/**
 * The edits of a run, kept until the output is written: offsets as numbers (see IntRecords), each
 * with its text or emitter. Written in offset order, edits at one offset in the order added.
 */
export class EditList {
  private readonly offsets = new IntRecords(2);
  private readonly replacements: Array<string | Emit> = [];
  private inOrder = true;
  private lastStart = 0;

  static of(edits: readonly Edit[]): EditList {
    const list = new EditList();
    for (const edit of edits) list.add(edit);
    return list;
  }

  get length(): number {
    return this.offsets.length;
  }

  add(edit: Edit): void {
    if (edit.start < this.lastStart) this.inOrder = false;
    this.lastStart = edit.start;
    this.offsets.append(edit.start, edit.end);
    this.replacements.push('text' in edit ? edit.text : edit.emit);
  }

  addAll(edits: readonly Edit[]): void {
    for (let i = 0; i < edits.length; i++) this.add(edits[i]);
  }

  /**
   * Writes the source with the edits applied, piece by piece, so that a large output never has to
   * exist as one string. Edits must not overlap; every other byte is kept.
   */
  write(source: string, output: EditedOutput): void {
    const write = (chunk: string): void => output.text(chunk);
    const order = this.inOrder ? null : this.sortedOrder();
    let position = 0;
    for (let k = 0; k < this.length; k++) {
      const index = order === null ? k : order[k];
      const start = this.offsets.get(index, START);
      if (start > position) output.copy(position, start);
      const replacement = this.replacements[index];
      if (typeof replacement === 'string') write(replacement);
      else replacement(write);
      position = this.offsets.get(index, END);
    }
    if (position < source.length) output.copy(position, source.length);
  }

  /** The edits' indexes in offset order, those at one offset in the order added (a stable sort). */
  private sortedOrder(): number[] {
    return Array.from({ length: this.length }, (_, index) => index).sort((a, b) => this.offsets.get(a, START) - this.offsets.get(b, START));
  }
}

/** An output of the edited source as text, written piece by piece. */
export function textOutput(source: string, write: (chunk: string) => void): EditedOutput {
  return { copy: (start, end) => write(source.slice(start, end)), text: write };
}

/** The source with the edits applied, as one string. */
export function applyEdits(source: string, edits: EditList | readonly Edit[]): string {
  const list = edits instanceof EditList ? edits : EditList.of(edits);
  if (list.length === 0) return source;
  const parts: string[] = [];
  list.write(source, textOutput(source, (chunk) => parts.push(chunk)));
  return parts.join('');
}
