import { strict as assert } from 'assert';
import { applyEdits, textOutput, writeEdited } from '../src/edits';

describe('edits', () => {
  it('applies edits in offset order and keeps every other byte', () => {
    assert.equal(applyEdits('a: 1\nb: 2\n', [{ start: 8, end: 9, text: '3' }, { start: 3, end: 4, text: '"x"' }]), 'a: "x"\nb: 3\n');
  });

  it('writes generated text in pieces where an edit emits it', () => {
    const pieces: string[] = [];
    writeEdited('head\n', [{ start: 5, end: 5, emit: (write) => ['r1\n', 'r2\n'].forEach(write) }], textOutput('head\n', (chunk) => pieces.push(chunk)));
    assert.deepEqual(pieces, ['head\n', 'r1\n', 'r2\n']);
  });

  it('gives the unchanged spans as offsets into the source, none empty', () => {
    const calls: string[] = [];
    const output = { copy: (start: number, end: number) => calls.push(`copy ${start}-${end}`), text: (chunk: string) => calls.push(`text ${chunk}`) };
    writeEdited('a: 1\nb: 2\n', [{ start: 8, end: 9, text: '3' }, { start: 0, end: 0, text: '# head\n' }, { start: 10, end: 10, text: 'c: 4\n' }], output);
    assert.deepEqual(calls, ['text # head\n', 'copy 0-8', 'text 3', 'copy 9-10', 'text c: 4\n']);
  });
});
