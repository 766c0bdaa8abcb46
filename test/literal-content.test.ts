import { strict as assert } from 'assert';
import { parseDocument } from 'yaml';
import { readSimpleYaml } from '../src/yaml/fast-reader';
import { entryOf, LiteNode, LiteScalar } from '../src/yaml/lite-tree';
import { literalContent, LiteralContent } from '../src/yaml/literal-content';
import { composedTree } from './support/samples';

/** The block scalar at key `v` of `source`, from the composer and, where it reads the text, the fast reader. */
function blockScalars(source: string): LiteScalar[] {
  const trees: LiteNode[] = [composedTree(source)];
  const simple = readSimpleYaml(source, 0, source.length, false);
  if (simple !== null) trees.push(simple);
  return trees.map((tree) => {
    const node = entryOf(tree, 'v');
    assert.ok(node?.kind === 'scalar' && node.style === 'BLOCK', 'v is a block scalar');
    return node;
  });
}

/** The content of `v`, the same from both readers. */
function contentOf(source: string): LiteralContent {
  const [composed, ...simple] = blockScalars(source).map((scalar) => literalContent(source, scalar));
  assert.ok(composed !== null, 'a literal block scalar has content');
  for (const other of simple) {
    assert.ok(other !== null);
    assert.equal(other.text, composed.text, 'the fast reader and the composer give the same content');
  }
  return composed;
}

/** Every offset of the content mapped to the source: each character is the same there. */
function assertSameCharacters(source: string, content: LiteralContent): void {
  for (let offset = 0; offset < content.text.length; offset++) {
    assert.equal(source[content.sourceOffset(offset)], content.text[offset], `offset ${offset} of ${JSON.stringify(content.text)}`);
  }
}

describe('literalContent', () => {
  const cases: Record<string, [string, string]> = {
    'clipped (|)': ['v: |\n  a: 1\n  b:\n    - x\nw: 2\n', 'a: 1\nb:\n  - x\n'],
    'stripped (|-)': ['v: |-\n  a: 1\n\n', 'a: 1\n'],
    'kept (|+), trailing blank lines and all': ['v: |+\n  a: 1\n\n\nw: 2\n', 'a: 1\n\n\n'],
    'an indentation indicator (|2), spaces beyond it kept': ['v: |2\n    a: 1\n   b\n', '  a: 1\n b\n'],
    'an indentation indicator after the chomping indicator (|-2)': ['v: |-2\n    a: 1\n', '  a: 1\n'],
    'an indentation indicator before the chomping indicator (|2+)': ['v: |2+\n   a\n\nw: 1\n', ' a\n\n'],
    'blank lines shorter than the indentation, and longer': ['v: |\n    a: 1\n\n  \n      \n    b: 2\n', 'a: 1\n\n\n  \nb: 2\n'],
    'tabs after the indentation': ['v: |\n  a:\t1\n  \t# tab comment\n', 'a:\t1\n\t# tab comment\n'],
    'leading blank lines': ['v: |\n\n  a: 1\n', '\na: 1\n'],
    'a header comment': ['v: | # kept apart\n  a: 1\n', 'a: 1\n'],
    'the last line without a line break': ['v: |\n  a: 1 # kobold: tag: ^1', 'a: 1 # kobold: tag: ^1'],
  };
  for (const [name, [source, text]] of Object.entries(cases)) {
    it(`${name}: the lines without the block's indentation, each offset mapped to the same character`, () => {
      const content = contentOf(source);
      assert.equal(content.text, text);
      assertSameCharacters(source, content);
    });
  }

  it('keeps CRLF line breaks, mapped line for line', () => {
    const source = 'v: |\r\n  a: 1\r\n\r\n  b: 2\r\nw: x\r\n';
    const content = contentOf(source);
    assert.equal(content.text, 'a: 1\r\n\r\nb: 2\r\n');
    assertSameCharacters(source, content);
  });

  it('a block scalar that is a sequence item', () => {
    const source = 'v: |\n  - |\n    inner: 1\n  - x\n';
    const content = contentOf(source);
    assert.equal(content.text, '- |\n  inner: 1\n- x\n');
    assertSameCharacters(source, content);
    const item = parseDocument(content.text).contents as { items: Array<{ value: string }> };
    assert.equal(item.items[0].value, 'inner: 1\n');
  });

  it('maps the end of the content to the end of the block scalar', () => {
    const source = 'v: |-\n  a: 1\nw: 2\n';
    const content = contentOf(source);
    assert.equal(content.sourceOffset(content.text.length), source.indexOf('\nw:') + 1);
  });

  it('is null for a folded block scalar, whose line breaks are not its content\'s', () => {
    const source = 'v: >\n  a: 1\n  b: 2\n';
    const [scalar] = blockScalars(source);
    assert.equal(literalContent(source, scalar), null);
  });

  it('is empty for an empty block scalar', () => {
    const source = 'v: |\nw: 1\n';
    const content = contentOf(source);
    assert.equal(content.text, '');
    assert.equal(content.sourceOffset(0), source.indexOf('w:'));
  });
});
