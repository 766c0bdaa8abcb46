import { strict as assert } from 'assert';
import { splitStream } from '../src/split';

describe('splitStream', () => {
  it('splits at --- lines, keeps directives and leading comments with their document, and counts documents', () => {
    const text = '# head\na: 1\n---\nb: 2\n...\n%YAML 1.2\n---\nc: 3\n';
    assert.deepEqual(
      splitStream(text).map(({ start, end, index }) => [text.slice(start, end), index]),
      [['# head\na: 1\n', 0], ['---\nb: 2\n...\n', 1], ['%YAML 1.2\n---\nc: 3\n', 2]],
    );
  });

  it('has no document for a stream of comments only', () => {
    assert.deepEqual(splitStream('# nothing\n\n'), []);
  });
});
