import { strict as assert } from 'assert';
import { applyEdits, writeEdited } from '../src/edits';

describe('edits', () => {
  it('applies edits in offset order and keeps every other byte', () => {
    assert.equal(applyEdits('a: 1\nb: 2\n', [{ start: 8, end: 9, text: '3' }, { start: 3, end: 4, text: '"x"' }]), 'a: "x"\nb: 3\n');
  });

  it('writes generated text in pieces where an edit emits it', () => {
    const pieces: string[] = [];
    writeEdited('head\n', [{ start: 5, end: 5, emit: (write) => ['r1\n', 'r2\n'].forEach(write) }], (chunk) => pieces.push(chunk));
    assert.deepEqual(pieces, ['head\n', 'r1\n', 'r2\n', '']);
  });
});
