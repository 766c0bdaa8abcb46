import { strict as assert } from 'assert';
import { splitStream, Unit, Units } from '../src/split';

function unitsOf(units: Units): Unit[] {
  return Array.from({ length: units.length }, (_, position) => units.at(position));
}

describe('splitStream', () => {
  it('splits at --- lines, keeps directives and leading comments with their document, and counts documents', () => {
    const text = '# head\na: 1\n---\nb: 2\n...\n%YAML 1.2\n---\nc: 3\n';
    assert.deepEqual(
      unitsOf(splitStream(text)).map(({ start, end, index }) => [text.slice(start, end), index]),
      [['# head\na: 1\n', 0], ['---\nb: 2\n...\n', 1], ['%YAML 1.2\n---\nc: 3\n', 2]],
    );
  });

  it('has no document for a stream of comments only', () => {
    assert.equal(splitStream('# nothing\n\n').length, 0);
  });
});

describe('Units', () => {
  it('gives adjoining units each ending where the next starts, the last at the end given', () => {
    const units = Units.adjoining([0, 5, 9], 12, 'seq-item');
    assert.deepEqual(unitsOf(units), [
      { start: 0, end: 5, kind: 'seq-item', index: 0 },
      { start: 5, end: 9, kind: 'seq-item', index: 1 },
      { start: 9, end: 12, kind: 'seq-item', index: 2 },
    ]);
    assert.deepEqual([units.start(2), units.end(2)], [9, 12]);
  });

  it('keeps units given as they are, their own ends and indexes included', () => {
    const given: Unit[] = [
      { start: 3, end: 7, kind: 'node', index: 1 },
      { start: 9, end: 11, kind: 'node', index: 4 },
    ];
    const units = Units.of('node', given);
    assert.equal(units.kind, 'node');
    assert.deepEqual(unitsOf(units), given);
    assert.deepEqual([units.start(1), units.end(1)], [9, 11]);
  });

  it('finds the unit that starts at or before an offset', () => {
    const units = Units.adjoining([4, 10, 20], 30, 'document');
    assert.deepEqual([0, 3, 4, 9, 10, 19, 20, 29, 40].map((offset) => units.positionOf(offset)), [-1, -1, 0, 0, 1, 1, 2, 2, 2]);
    assert.equal(Units.adjoining([], 0, 'document').positionOf(5), -1);
  });
});
