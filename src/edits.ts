/** Replace `source.slice(start, end)` by `text`, or by what `emit` writes (for large generated text). */
export type Edit = { start: number; end: number } & ({ text: string } | { emit: (write: (chunk: string) => void) => void });

/**
 * Where an edited source goes: the spans of the source that stay as they are, and the new text in
 * between, in order. A writer can then encode the unchanged spans its own way.
 */
export interface EditedOutput {
  /** `source.slice(start, end)`, unchanged. */
  copy(start: number, end: number): void;
  text(chunk: string): void;
}

/**
 * Writes the source with the edits applied, in order, piece by piece, so that a large output never
 * has to exist as one string. Edits must not overlap; every other byte is kept.
 */
export function writeEdited(source: string, edits: readonly Edit[], output: EditedOutput): void {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const text = (chunk: string): void => output.text(chunk);
  let position = 0;
  for (const edit of sorted) {
    if (edit.start > position) output.copy(position, edit.start);
    if ('text' in edit) text(edit.text);
    else edit.emit(text);
    position = edit.end;
  }
  if (position < source.length) output.copy(position, source.length);
}

/** An output of the edited source as text, written piece by piece. */
export function textOutput(source: string, write: (chunk: string) => void): EditedOutput {
  return { copy: (start, end) => write(source.slice(start, end)), text: write };
}

/** The source with the edits applied, as one string. */
export function applyEdits(source: string, edits: readonly Edit[]): string {
  if (edits.length === 0) return source;
  const parts: string[] = [];
  writeEdited(source, edits, textOutput(source, (chunk) => parts.push(chunk)));
  return parts.join('');
}
