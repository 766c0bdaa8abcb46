import { strict as assert } from 'assert';
import { countOccurrences } from '../src/markers/count-occurrences';

describe('countOccurrences', () => {
  it('counts the occurrences in text, one after another', () => {
    assert.equal(countOccurrences('', 'kobold', 10), 0);
    assert.equal(countOccurrences('kobold kobold/markers # kobold:', 'kobold', 10), 3);
    assert.equal(countOccurrences('aaaa', 'aa', 10), 2, 'occurrences do not overlap');
  });

  it('counts in bytes as in the text they encode', () => {
    const text = 'é: kobold\n# kobold: tag: ^1\n';
    assert.equal(countOccurrences(new TextEncoder().encode(text), 'kobold', 10), 2);
    assert.equal(countOccurrences(Buffer.from(`xx${text}`).subarray(2), 'kobold', 10), 2);
  });

  it('stops at atMost', () => {
    assert.equal(countOccurrences('kobold '.repeat(100), 'kobold', 5), 5);
    assert.equal(countOccurrences(Buffer.from('kobold '.repeat(100)), 'kobold', 5), 5);
  });
});
