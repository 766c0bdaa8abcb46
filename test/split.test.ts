import { strict as assert } from 'assert';
import { updateImageRefs } from '../src';
import { InputError, ProblemPlace } from '../src/problem';
import { composeUnit } from '../src/yaml/composed-tree';
import { ColumnZeroItems, splitStream, Unit, UnitIndex, Units } from '../src/yaml/split';

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

  /** The documents of a stream as their texts. */
  const documents = (text: string): string[] => unitsOf(splitStream(text)).map(({ start, end }) => text.slice(start, end));
  /** The error splitting a stream gives, as its code, its place and its words. */
  const splitError = (text: string): [string, ProblemPlace, string] => {
    try {
      splitStream(text);
    } catch (error) {
      assert.ok(error instanceof InputError);
      return [error.code, error.place, error.problem];
    }
    return assert.fail('no error');
  };
  const inDocument = (index: number, line: number, column: number, offset: number): ProblemPlace => ({ unit: { kind: 'document', index }, position: { line, column, offset } });

  describe('the YAML 1.2 stream grammar, one production at a time', () => {
    it('l-document-prefix: a byte-order mark and comments belong to the first document', () => {
      assert.deepEqual(documents('\uFEFF# c\na: 1\n'), ['\uFEFF# c\na: 1\n']);
    });

    it('l-bare-document: content without --- is a document, and a --- line starts the next', () => {
      assert.deepEqual(documents('a: 1\n---\nb: 2\n'), ['a: 1\n', '---\nb: 2\n']);
    });

    it('l-explicit-document: a --- line with nothing after it is an empty document', () => {
      assert.deepEqual(documents('---\n---\n'), ['---\n', '---\n']);
    });

    it('l-document-suffix: a document ends after its ... line; the comments after it belong to the next', () => {
      assert.deepEqual(documents('a\n...\n# next\nb\n'), ['a\n...\n', '# next\nb\n']);
    });

    it('l-document-suffix+: ..., a comment, ... is no document at all (M7A3)', () => {
      assert.deepEqual(documents('a\n...\n# none\n...\n|\n%!PS\n'), ['a\n...\n', '|\n%!PS\n']);
    });

    it('l-directive-document: directives after a ... belong to the --- document after them', () => {
      assert.deepEqual(documents('a\n...\n%YAML 1.2\n%TAG ! tag:x,2000:\n---\nb\n'), ['a\n...\n', '%YAML 1.2\n%TAG ! tag:x,2000:\n---\nb\n']);
    });

    it('l-directive: a reserved directive is a directive, with comments after it (2LFX)', () => {
      assert.deepEqual(documents('%FOO  bar baz # ignored\n    # with a warning\n---\n"foo"\n'), ['%FOO  bar baz # ignored\n    # with a warning\n---\n"foo"\n']);
    });

    it('a % line inside a document is content, which its reader judges (a directive there has no ... before it)', () => {
      assert.deepEqual(documents('--- |\n%!PS\n'), ['--- |\n%!PS\n']);
      assert.deepEqual(documents('a: 1\n%YAML 1.2\n---\nb\n'), ['a: 1\n%YAML 1.2\n', '---\nb\n']);
    });

    it('a stream of only a directive is an error (9MMA)', () => {
      assert.deepEqual(splitError('%YAML 1.2\n'), ['DIRECTIVE_WITHOUT_DOCUMENT', inDocument(0, 1, 1, 0), 'a directive must be followed by a --- line']);
    });

    it('directives followed by content or ... instead of --- are an error (B63P)', () => {
      assert.deepEqual(splitError('a\n...\n%YAML 1.2\nb\n'), ['DIRECTIVE_WITHOUT_DOCUMENT', inDocument(1, 3, 1, 6), 'a directive must be followed by a --- line']);
      assert.equal(splitError('%YAML 1.2\n...\n')[0], 'DIRECTIVE_WITHOUT_DOCUMENT');
    });

    it('a directive after a document without ... is an error once the document is read (EB22, RHX7, 9HCY)', () => {
      for (const text of ['---\nscalar1 # kobold\n%YAML 1.2\n---\nscalar2\n', 'key: value # kobold\n%YAML 1.2\n---\n', '!foo "bar" # kobold\n%TAG ! tag:example.com,2000:app/\n---\n!foo "bar"\n']) {
        const line = text.split('\n').findIndex((candidate) => candidate.startsWith('%')) + 1;
        assert.throws(() => composeUnit(text, splitStream(text).at(0)), (error: InputError) =>
          error.code === 'DIRECTIVE_IN_DOCUMENT' && error.place.unit?.kind === 'document' && error.place.position?.line === line && error.place.position.column === 1);
        const [result] = updateImageRefs(text, []).results;
        assert.equal(result.message, `input document 0, line ${line}, column 1: invalid YAML: a directive after a document needs a ... line before it`);
      }
    });

    it('a second %YAML directive for one document is an error (SF5V)', () => {
      assert.deepEqual(splitError('%YAML 1.2\n%YAML 1.2\n---\n'), ['DUPLICATE_YAML_DIRECTIVE', inDocument(0, 2, 1, 10), 'a second %YAML directive for one document']);
    });
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

  it('gives the unit that holds a range, if one holds all of it', () => {
    const units = Units.of('node', [
      { start: 3, end: 7, kind: 'node', index: 0 },
      { start: 9, end: 11, kind: 'node', index: 1 },
    ]);
    assert.equal(units.firstStart, 3);
    assert.deepEqual(units.unitHolding(3, 7), { start: 3, end: 7, kind: 'node', index: 0 });
    assert.deepEqual(units.unitHolding(9, 10), { start: 9, end: 11, kind: 'node', index: 1 });
    assert.equal(units.unitHolding(1, 4), null, 'before the first');
    assert.equal(units.unitHolding(6, 8), null, 'past its end');
    assert.equal(units.unitHolding(7, 8), null, 'between two');
    assert.equal(Units.adjoining([], 0, 'document').firstStart, -1);
  });
});

describe('ColumnZeroItems', () => {
  const head = 'items:\n';
  const items = ['- a: 1\n  b: [x]\n# a comment\n', '-\n  c: 2\n', '- d: 3\n\n'];
  // A line after the items that starts with `-` (the class takes the region as given).
  const tail = 'functionConfig:\n- {}\n';
  const source = head + items.join('') + tail;
  const starts = [head.length, head.length + items[0].length, head.length + items[0].length + items[1].length];
  const regionEnd = source.length - tail.length;

  /** The unit as plain data, its index read. */
  const plain = (unit: Unit | null): Unit | null => unit && { start: unit.start, end: unit.end, kind: unit.kind, index: unit.index };
  const index: UnitIndex = new ColumnZeroItems(source, starts[0], regionEnd);

  it('finds the item that holds a range from any offset in it, comments before the next item included', () => {
    assert.equal(index.kind, 'seq-item');
    assert.equal(index.firstStart, starts[0]);
    const expected = starts.map((start, i) => ({ start, end: i + 1 < starts.length ? starts[i + 1] : regionEnd, kind: 'seq-item', index: i }));
    for (const [i, unit] of expected.entries()) {
      for (let offset = unit.start; offset < unit.end; offset++) assert.deepEqual(plain(index.unitHolding(offset, offset + 1)), unit, `offset ${offset} in item ${i}`);
      assert.deepEqual(plain(index.unitHolding(unit.start, unit.end)), unit, `all of item ${i}`);
    }
  });

  it('has none for a range before the first item, past the last or across two', () => {
    assert.equal(index.unitHolding(0, 1), null);
    assert.equal(index.unitHolding(starts[0] - 1, starts[0] + 1), null);
    assert.equal(index.unitHolding(regionEnd, regionEnd + 1), null);
    assert.equal(index.unitHolding(regionEnd - 1, regionEnd + 1), null);
    assert.equal(index.unitHolding(starts[1] - 2, starts[1] + 2), null);
  });
});
