/** Replace `source.slice(start, end)` by `text`, or by what `emit` writes (for large generated text). */
export type Edit = { start: number; end: number } & ({ text: string } | { emit: (write: (chunk: string) => void) => void });

/**
 * Writes the source with the edits applied, in order, piece by piece, so that a large output never
 * has to exist as one string. Edits must not overlap; every other byte is kept.
 */
export function writeEdited(source: string, edits: readonly Edit[], write: (chunk: string) => void): void {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let position = 0;
  for (const edit of sorted) {
    write(source.slice(position, edit.start));
    if ('text' in edit) write(edit.text);
    else edit.emit(write);
    position = edit.end;
  }
  write(source.slice(position));
}

/** The source with the edits applied, as one string. */
export function applyEdits(source: string, edits: readonly Edit[]): string {
  if (edits.length === 0) return source;
  const parts: string[] = [];
  writeEdited(source, edits, (chunk) => parts.push(chunk));
  return parts.join('');
}
