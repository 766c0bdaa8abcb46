import { strict as assert } from 'assert';
import { countMarkerTexts, forEachUnitWithMarkerText, MARKER_HINT } from '../src/markers/prescreen';
import { splitStream, Unit } from '../src/yaml/split';

describe('the marker text pre-screen', () => {
  describe('countMarkerTexts', () => {
    it('counts the marker text in text, in comments, annotation names and values alike', () => {
      assert.equal(countMarkerTexts('', 10), 0);
      assert.equal(countMarkerTexts('kobold kobold/markers # kobold:', 10), 3);
      assert.equal(countMarkerTexts('koboldkobold', 10), 2, 'occurrences do not overlap');
    });

    it('counts in bytes the same, a view into a larger buffer included', () => {
      const text = 'a: b # kobold: x\nc: kobold\n';
      assert.equal(countMarkerTexts(new TextEncoder().encode(text), 10), 2);
      assert.equal(countMarkerTexts(Buffer.from(`xx${text}`).subarray(2), 10), 2);
    });

    it('stops at the limit', () => {
      assert.equal(countMarkerTexts('kobold '.repeat(100), 5), 5);
      assert.equal(countMarkerTexts(Buffer.from('kobold '.repeat(100)), 5), 5);
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
