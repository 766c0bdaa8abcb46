import { strict as assert } from 'assert';
import { applyEdits, EditList, textOutput } from '../src/output/edits';

describe('edits', () => {
  it('applies edits in offset order and keeps every other byte', () => {
    assert.equal(applyEdits('a: 1\nb: 2\n', [{ start: 8, end: 9, text: '3' }, { start: 3, end: 4, text: '"x"' }]), 'a: "x"\nb: 3\n');
  });

  it('writes generated text in pieces where an edit emits it', () => {
    const pieces: string[] = [];
    EditList.of([{ start: 5, end: 5, emit: (write) => ['r1\n', 'r2\n'].forEach(write) }]).write('head\n', textOutput('head\n', (chunk) => pieces.push(chunk)));
    assert.deepEqual(pieces, ['head\n', 'r1\n', 'r2\n']);
  });

  it('gives the unchanged spans as offsets into the source, none empty', () => {
    const calls: string[] = [];
    const output = { copy: (start: number, end: number) => calls.push(`copy ${start}-${end}`), text: (chunk: string) => calls.push(`text ${chunk}`) };
    EditList.of([{ start: 8, end: 9, text: '3' }, { start: 0, end: 0, text: '# head\n' }, { start: 10, end: 10, text: 'c: 4\n' }]).write('a: 1\nb: 2\n', output);
    assert.deepEqual(calls, ['text # head\n', 'copy 0-8', 'text 3', 'copy 9-10', 'text c: 4\n']);
  });

  it('keeps edits at one offset in the order added, even when the others come out of order', () => {
    const list = EditList.of([{ start: 4, end: 4, text: 'B' }, { start: 2, end: 2, text: 'A' }, { start: 4, end: 4, text: 'C' }, { start: 2, end: 3, text: 'x' }]);
    assert.equal(applyEdits('0123456', list), '01Ax3BC456');
  });

  it('writes thousands of edits added in reverse order in offset order', () => {
    const source = 'ab'.repeat(10_000);
    const edits = Array.from({ length: 10_000 }, (_, n) => ({ start: 2 * n, end: 2 * n + 1, text: 'X' })).reverse();
    assert.equal(applyEdits(source, edits), 'Xb'.repeat(10_000));
    assert.equal(EditList.of(edits).length, 10_000);
  });
});
