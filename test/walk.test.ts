import { strict as assert } from 'assert';
import { trailingComment } from '../src/yaml/composed-tree';
import { parseAnnotationRule, PathSelector } from '../src/markers/field-path';
import { LiteNode, PathSegment } from '../src/yaml/lite-tree';
import { readSimpleYaml } from '../src/yaml/fast-reader';
import { CommentMarkers, findCommentMarkers, selectNodes } from '../src/markers/walk';
import { composedTree } from './support/samples';

/** The resource tree as the yaml composer gives it (`parseDocument` with source tokens). */

type Found = {
  marked: Array<[PathSegment[], boolean, string, string, string]>;
  misplaced: CommentMarkers['misplaced'];
};

/**
 * The markers of a tree: marked fields as [path, inFlow, markerText, value, source text], sorted by
 * their place in the source (the order findCommentMarkers returns is tested on its own).
 */
function found(tree: LiteNode, source: string): Found {
  const { marked, misplaced } = findCommentMarkers(tree);
  return {
    marked: [...marked]
      .sort((a, b) => a.node.start - b.node.start)
      .map(({ node, path, markerText }) => [path, node.inFlow, markerText, node.value, source.slice(node.start, node.end)]),
    misplaced,
  };
}

/**
 * The markers of a document composed by the yaml library; when the simple block reader also takes
 * the document, it must find exactly the same.
 */
function markers(source: string): Found {
  const composed = found(composedTree(source), source);
  const simple = readSimpleYaml(source, 0, source.length, false);
  if (simple !== null) assert.deepEqual(found(simple, source), composed, 'the simple reader and the composer should agree');
  return composed;
}

function marked(source: string): Found['marked'] {
  const result = markers(source);
  assert.deepEqual(result.misplaced, []);
  return result.marked;
}

function selectors(path: string): PathSelector[] {
  const parsed = parseAnnotationRule(`${path}: x`);
  assert.ok(parsed.ok, path);
  return parsed.value.path;
}

/** What a path reaches: [path, scalar value, or the kind of a non-scalar]. */
function select(root: LiteNode, path: string): Array<[PathSegment[], string]> {
  return selectNodes(root, selectors(path)).map(({ node, path: reached }) => [reached, node.kind === 'scalar' ? node.value : `<${node.kind}>`]);
}

const BLOCK_SCALAR = 'a marker on a block scalar (| or >) is not supported: write the value as a plain or quoted scalar';
const EMPTY_VALUE = 'a marker on an empty value is not supported: write the current value, even ""';

describe('trailingComment', () => {
  it('is the comment after blanks', () => {
    assert.equal(trailingComment('v: x # kobold: t', 4), '# kobold: t');
    assert.equal(trailingComment('v: x \t  # c', 4), '# c');
    assert.equal(trailingComment('v: x\t# c\nw: y', 4), '# c');
  });

  it('skips one comma and the blanks around it', () => {
    assert.equal(trailingComment('[x, # kobold: t', 2), '# kobold: t');
    assert.equal(trailingComment('[x , # c', 2), '# c');
    assert.equal(trailingComment('[x ,, # c', 2), null);
  });

  it('drops the \\r of a CRLF line end', () => {
    assert.equal(trailingComment('v: x # c\r\nw: 1', 4), '# c');
    assert.equal(trailingComment('v: x # c\r', 4), '# c');
  });

  it('runs to the end of the line or text, # included', () => {
    assert.equal(trailingComment('v: x # a # b', 4), '# a # b');
    assert.equal(trailingComment('v: x # a\nw: y # b', 4), '# a');
  });

  it('is null for a comment on the next line', () => {
    assert.equal(trailingComment('v: x\n# c', 4), null);
    assert.equal(trailingComment('v: x \r\n  # c', 4), null);
  });

  it('is null for a # right after the scalar: that is no comment', () => {
    assert.equal(trailingComment('v: x#c', 4), null);
  });

  it('is null without a comment', () => {
    assert.equal(trailingComment('v: x', 4), null);
    assert.equal(trailingComment('v: x  \nw: # c', 4), null);
    assert.equal(trailingComment('{v: x, w: y # c', 5), null);
  });
});

describe('findCommentMarkers', () => {
  it('finds markers on scalar values of block mappings at any depth, plain or quoted', () => {
    const source = [
      'apiVersion: v1 # kobold: a',
      'spec:',
      '  template:',
      '    spec:',
      '      image: x # kobold: b',
      '      other: y # just a comment',
      '      deep:',
      '        deeper:',
      '          image: "z" # kobold: c',
      "          single: 'q' # kobold: d",
      '',
    ].join('\n');
    assert.deepEqual(marked(source), [
      [['apiVersion'], false, ' a', 'v1', 'v1'],
      [['spec', 'template', 'spec', 'image'], false, ' b', 'x', 'x'],
      [['spec', 'template', 'spec', 'deep', 'deeper', 'image'], false, ' c', 'z', '"z"'],
      [['spec', 'template', 'spec', 'deep', 'deeper', 'single'], false, ' d', 'q', "'q'"],
    ]);
  });

  it('finds markers on scalar items of block sequences, and in mappings inside them', () => {
    const source = [
      'images:',
      '  - docker.io/x/y:1 # kobold: tag: ^1; type: semver',
      '  - docker.io/x/z:1',
      'containers:',
      '  - name: a',
      '    image: a:1 # kobold: one',
      '  - - nested # kobold: two',
      'same:',
      '- col # kobold: three',
      '',
    ].join('\n');
    assert.deepEqual(marked(source), [
      [['images', 0], false, ' tag: ^1; type: semver', 'docker.io/x/y:1', 'docker.io/x/y:1'],
      [['containers', 0, 'image'], false, ' one', 'a:1', 'a:1'],
      [['containers', 1, 0], false, ' two', 'nested', 'nested'],
      [['same', 0], false, ' three', 'col', 'col'],
    ]);
  });

  it('finds markers in a document that is a sequence', () => {
    assert.deepEqual(marked('- a: x # kobold: 1\n- y # kobold: 2\n'), [
      [[0, 'a'], false, ' 1', 'x', 'x'],
      [[1], false, ' 2', 'y', 'y'],
    ]);
  });

  it('finds markers in flow mappings and flow sequences, flagged inFlow', () => {
    const source = [
      'c: {d: e # kobold: three',
      '  , f: g}',
      'h: [i, j # kobold: four',
      ' ]',
      'k: [l, # kobold: five',
      '  m]',
      'n: {o: [p # kobold: six',
      '  ]}',
      '',
    ].join('\n');
    assert.deepEqual(marked(source), [
      [['c', 'd'], true, ' three', 'e', 'e'],
      [['h', 1], true, ' four', 'j', 'j'],
      [['k', 0], true, ' five', 'l', 'l'],
      [['n', 'o', 0], true, ' six', 'p', 'p'],
    ]);
  });

  it('finds markers in a document that is a flow collection', () => {
    assert.deepEqual(marked('[a # kobold: one\n, {b: c # kobold: two\n}]\n'), [
      [[0], true, ' one', 'a', 'a'],
      [[1, 'b'], true, ' two', 'c', 'c'],
    ]);
  });

  it('does not flag a block mapping as inFlow because a sibling is a flow collection', () => {
    assert.deepEqual(marked('a:\n  - b: {c: 1}\n    d: e # kobold: x\n'), [[['a', 0, 'd'], false, ' x', 'e', 'e']]);
  });

  it('reports paths with keys as written, numbers and quoted keys included', () => {
    assert.deepEqual(marked('1.10: v # kobold: a\n? complex\n: w # kobold: b\n"quoted key": x # kobold: c\n'), [
      [['1.10'], false, ' a', 'v', 'v'],
      [['complex'], false, ' b', 'w', 'w'],
      [['quoted key'], false, ' c', 'x', 'x'],
    ]);
  });

  it('gives values as written, without type resolution, and decoded quoted values', () => {
    assert.deepEqual(marked('a: 1.10 # kobold: 1\nb: ~ # kobold: 2\nc: "x\\ty" # kobold: 3\nd: \'it\'\'s\' # kobold: 4\ne: "" # kobold: 5\n'), [
      [['a'], false, ' 1', '1.10', '1.10'],
      [['b'], false, ' 2', '~', '~'],
      [['c'], false, ' 3', 'x\ty', '"x\\ty"'],
      [['d'], false, ' 4', "it's", "'it''s'"],
      [['e'], false, ' 5', '', '""'],
    ]);
  });

  it('returns the marked fields in document order', () => {
    const source = 'a: x # kobold: 1\nb:\n  c: y # kobold: 2\n  d: [z # kobold: 3\n    ]\ne: "w" # kobold: 4\nf:\n  - v # kobold: 5\n';
    assert.deepEqual(findCommentMarkers(composedTree(source)).marked.map((field) => field.markerText), [' 1', ' 2', ' 3', ' 4', ' 5']);
  });

  it('handles CRLF line ends', () => {
    assert.deepEqual(marked('a: x # kobold: tag: 1\r\nb: y\r\n'), [[['a'], false, ' tag: 1', 'x', 'x']]);
  });

  it('does not take other comments, markers on the next line or a # without a blank before it', () => {
    assert.deepEqual(marked('a: x #kobold: no\nb: y # Kobold: no\nc: z\n# kobold: next line\nd: w#kobold:x\n'), []);
  });

  it('treats text inside block scalars and quoted strings as content', () => {
    const source = [
      'values: |',
      '  image: x # kobold: tag: 1',
      'folded: >-',
      '  y # kobold: tag: 2',
      'quoted: "q # kobold: tag: 3"',
      "single: 'q # kobold: tag: 4'",
      '',
    ].join('\n');
    assert.deepEqual(markers(source), { marked: [], misplaced: [] });
  });

  it('reports a marker on a block scalar header as misplaced', () => {
    assert.deepEqual(markers('a: |  # kobold: tag: 1\n  text\n'), { marked: [], misplaced: [{ path: ['a'], reason: BLOCK_SCALAR }] });
    assert.deepEqual(markers('a: >- # kobold: tag: 1\n  text\n'), { marked: [], misplaced: [{ path: ['a'], reason: BLOCK_SCALAR }] });
    assert.deepEqual(markers('a:\n  - |- # kobold: tag: 1\n    text\n'), { marked: [], misplaced: [{ path: ['a', 0], reason: BLOCK_SCALAR }] });
    assert.deepEqual(markers('a: | # other comment\n  text # kobold: x\n'), { marked: [], misplaced: [] });
  });

  it('reports a marker on an alias as misplaced, and keeps the one on the anchor', () => {
    assert.deepEqual(markers('c: &x v # kobold: tag: 2\nd: *x # kobold: tag: 3\ne: *x\n'), {
      marked: [[['c'], false, ' tag: 2', 'v', 'v']],
      misplaced: [{ path: ['d'], reason: 'a marker on the alias *x is not supported: put it on the anchored value' }],
    });
  });

  it('reports a marker on an empty value as misplaced, from the simple reader and the composer alike', () => {
    for (const [source, path] of [['a: # kobold: tag: 1\nb: x\n', ['a']], ['- # kobold: tag: 1\n- x\n', [0]]] as const) {
      const expected = { marked: [], misplaced: [{ path: [...path], reason: EMPTY_VALUE }] };
      const simple = readSimpleYaml(source, 0, source.length, false);
      assert.ok(simple !== null);
      assert.deepEqual(found(simple, source), expected, `simple reader: ${source}`);
      assert.deepEqual(found(composedTree(source), source), expected, `composer: ${source}`);
    }
  });

  it('does not take a comment before a nested collection for the empty value', () => {
    assert.deepEqual(markers('a:    # kobold: tag: 1\n  b: c\n'), { marked: [], misplaced: [] });
  });

  it('finds nothing on a scalar document, or after a collection', () => {
    assert.deepEqual(markers('just a scalar # kobold: x\n'), { marked: [], misplaced: [] });
    assert.deepEqual(markers('k: {a: b, c: d} # kobold: on-map\nl: [x] # kobold: on-seq\nm: {} # kobold: e\n'), { marked: [], misplaced: [] });
  });
});

describe('selectNodes', () => {
  const source = [
    'spec:',
    '  containers:',
    '    - name: a',
    '      image: x:1',
    '    - name: b',
    '      image: y:1',
    '    - name: a',
    '      image: z:1',
    '    - plain item',
    '  "a.b": 3',
    '  list: [p, q]',
    '  ports:',
    '    - port: 80',
    '      image: p80',
    '    - port: "8080"',
    '      image: p8080',
    '',
  ].join('\n');
  const root = composedTree(source);

  it('follows keys', () => {
    assert.deepEqual(select(root, 'spec["a.b"]'), [[['spec', 'a.b'], '3']]);
    assert.deepEqual(select(root, 'spec.list'), [[['spec', 'list'], '<seq>']]);
  });

  it('follows an index', () => {
    assert.deepEqual(select(root, 'spec.containers[1].image'), [[['spec', 'containers', 1, 'image'], 'y:1']]);
    assert.deepEqual(select(root, 'spec.list[0]'), [[['spec', 'list', 0], 'p']]);
    assert.deepEqual(select(root, 'spec.containers[3]'), [[['spec', 'containers', 3], 'plain item']]);
  });

  it('follows every item with [*]', () => {
    assert.deepEqual(select(root, 'spec.containers[*].image'), [
      [['spec', 'containers', 0, 'image'], 'x:1'],
      [['spec', 'containers', 1, 'image'], 'y:1'],
      [['spec', 'containers', 2, 'image'], 'z:1'],
    ]);
    assert.deepEqual(select(root, 'spec.list[*]'), [
      [['spec', 'list', 0], 'p'],
      [['spec', 'list', 1], 'q'],
    ]);
  });

  it('follows the items whose key equals the value with [key=value]', () => {
    assert.deepEqual(select(root, 'spec.containers[name=a].image'), [
      [['spec', 'containers', 0, 'image'], 'x:1'],
      [['spec', 'containers', 2, 'image'], 'z:1'],
    ]);
    assert.deepEqual(select(root, 'spec.containers[image=y:1].name'), [[['spec', 'containers', 1, 'name'], 'b']]);
  });

  it('compares [key=value] with the scalar as written, quoted or not', () => {
    assert.deepEqual(select(root, 'spec.ports[port=80].image'), [[['spec', 'ports', 0, 'image'], 'p80']]);
    assert.deepEqual(select(root, 'spec.ports[port=8080].image'), [[['spec', 'ports', 1, 'image'], 'p8080']]);
  });

  it('reaches nothing where the path does not fit', () => {
    assert.deepEqual(select(root, 'spec.containers[9].image'), []);
    assert.deepEqual(select(root, 'spec.nope'), []);
    assert.deepEqual(select(root, 'spec.containers.image'), []);
    assert.deepEqual(select(root, 'spec[*]'), []);
    assert.deepEqual(select(root, 'spec[0]'), []);
    assert.deepEqual(select(root, 'spec.containers[name=c].image'), []);
    assert.deepEqual(select(root, 'spec.list[name=p]'), []);
    assert.deepEqual(select(root, 'spec.containers[0].image.more'), []);
  });

  it('gives the root for an empty path', () => {
    assert.deepEqual(selectNodes(root, []), [{ node: root, path: [] }]);
  });
});
