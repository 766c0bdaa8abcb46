import { strict as assert } from 'assert';
import { forEachUnitWithMarkerText, hasMarkerText, MARKER_HINT } from '../src/markers/prescreen';
import { splitStream, Unit } from '../src/yaml/split';

describe('the marker text pre-screen', () => {
  describe('hasMarkerText', () => {
    it('finds the marker text in text, in comments, annotation names and values alike', () => {
      assert.equal(hasMarkerText(''), false);
      assert.equal(hasMarkerText('image: a # kobol: b'), false);
      assert.equal(hasMarkerText('a: b # kobold: x'), true);
      assert.equal(hasMarkerText('kobold/markers: |'), true);
    });

    it('finds it in bytes the same, only inside the view of a larger buffer', () => {
      assert.equal(hasMarkerText(new TextEncoder().encode('a: b # kobold: x\n')), true);
      assert.equal(hasMarkerText(Buffer.from('kobold: a\nb: c\n').subarray(7)), false);
      assert.equal(hasMarkerText(Buffer.from('a: b\nkobold').subarray(0, 8)), false);
    });
  });

  describe('forEachUnitWithMarkerText', () => {
    /** The units visited, as their texts, each with whether it is annotated. */
    const visited = (text: string): Array<[string, boolean]> => {
      const found: Array<[string, boolean]> = [];
      forEachUnitWithMarkerText(text, splitStream(text), (unit: Unit, annotated) => found.push([text.slice(unit.start, unit.end), annotated]));
      return found;
    };

    it('visits each unit with marker text once, in order, and no other', () => {
      const text = `a: 1 # ${MARKER_HINT}: x\nb: ${MARKER_HINT}\n---\nc: 2\n---\nd: 3 # ${MARKER_HINT}\n`;
      assert.deepEqual(visited(text), [
        [`a: 1 # ${MARKER_HINT}: x\nb: ${MARKER_HINT}\n`, false],
        [`---\nd: 3 # ${MARKER_HINT}\n`, false],
      ]);
    });

    it('says whether the annotation name is among a unit\'s marker texts', () => {
      const text = `a: 1 # kobold: x\nmetadata: {annotations: {kobold/markers: "x: y"}}\n---\nb: kobold/marker\n`;
      assert.deepEqual(visited(text).map(([, annotated]) => annotated), [true, false]);
    });

    it('skips marker text outside every unit (comments after a ... line)', () => {
      assert.deepEqual(visited('a: 1\n...\n# kobold\n...\n'), []);
    });
  });
});
