import { strict as assert } from 'assert';
import { countOccurrences, NextOccurrence } from '../src/next-occurrence';

describe('NextOccurrence', () => {
  it('says whether the text lies wholly within each of ranges asked about in order', () => {
    const source = 'a kobold b kobold c';
    const next = new NextOccurrence(source, 'kobold');
    assert.equal(next.within(0, 2), false);
    assert.equal(next.within(0, 8), true);
    assert.equal(next.within(8, 12), false, 'only a part of the second one');
    assert.equal(next.within(9, 17), true);
    assert.equal(next.within(17, source.length), false);
  });
});

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
