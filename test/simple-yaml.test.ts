import { strict as assert } from 'assert';
import { Parser } from 'yaml';
import { runResourceList } from '../src/krm/resource-list';
import { COMMENT_MARKERS, findCommentMarkers } from '../src/markers/walk';
import { readSimpleResource, readSimpleYaml } from '../src/yaml/fast-reader';
import { LiteNode } from '../src/yaml/lite-tree';
import { composedTree, listFunctionConfig, MARKER, NEW, OLD, RESOURCE_LIST_HEADER } from './support/samples';
import { watchCalls } from './support/work-count';

/** The tree the full composer gives for a document, the reference the fast reader must equal. */

const SIMPLE_DOCUMENTS: Record<string, string> = {
  'nested maps and sequences': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\n  labels:\n    a: b\nspec:\n  containers:\n  - name: c\n    image: docker.io/x/y:1 # kobold: tag: ^1; type: semver\n    ports:\n    - containerPort: 80\n  - name: d\n    image: "q:1"   # kobold: tag: x; type: exact\n',
  'sequence at the key column': 'items:\n- a\n- b # c\nnext: x\n',
  'scalar sequence items with markers': 'list:\n  - docker.io/x/y:1 # kobold: tag: ^1; type: semver\n  - \'single\'\n  - "double"\n',
  'compact nested sequences': 'a:\n- - x\n  - y\n- - z\n',
  'empty values and flow empties': 'a:\nb: # kobold: tag: x; type: exact\nc: {}\nd: []\ne: ~\n',
  'literal block scalars': 'a: |\n  line one\n  # not a comment\n\n  line three\nb: |-\n  x\nc: |+\n  y\n\nd: end\n',
  'a block scalar whose last line is spaces past its indentation (L24T)': 'foo: |\n  x\n   \nbar: 1\n',
  'compact sequences nested 150 deep, within what the reader recurses into': `${'- '.repeat(150)}v\n`,
  'values and items tagged !!str that are strings anyway': 'name: !!str svc # kobold: tag: x; type: exact\nq: !!str  "1.0"\nlist:\n- !!str a\n- !!str\t\'b\'\n',
  'empty block scalars followed by blank lines': 'a: |+\n\n\nb: |\n\n\nc: |-\n\n\nd: |+\ne: end\n',
  'quoted scalars with escapes': 'a: "x\\ty\\u00e9"\nb: \'it\'\'s\'\nc: "#no comment"\nd: \'# kobold: not a marker\'\n',
  'comments everywhere': '# head\na: 1 # one\n  # indented comment\nb:\n  # before\n  c: 2\n\n# tail\n',
  'plain scalars with colons and hashes': 'url: http://x.y/z#frag\ntime: 12:30\nref: ghcr.io/org/app:1.0@sha256:abc\n',
  'CRLF line endings': 'a: 1\r\nb:\r\n- x # kobold: tag: x; type: exact\r\n',
  'document start marker': '---\na: 1\n',
  'non-ASCII': 'clé: valeur # é\nb: 日本\n',
  'no final newline': 'a: b',
  'flow collections on one line': 'args: ["--listen=:9090", \'-v\', plain]\nres: {cpu: 1, "mem": 2Gi, nested: [a, {b: c}]}\njson: {"a":1}\nempty: [ ]\ntrailing: [a, b,] # c\n',
  'one-line entries of every kind the one-step read takes': "a: b\nc: 'd e' # f\ng: \"h\"   \ni: j:k#l  # m  \nhttp://x: 1\nn.o/p-q: 'r''s'\nt: u\tv\n",
  'one-step entries with CRLF and at the very end': "a: b # c\r\nd: 'e'\r\nf: g",
  'keys with dots and slashes': 'metadata:\n  annotations:\n    config.kubernetes.io/path: x.yaml\n    kobold/markers: |\n      a.b: tag: x; type: exact\n',
};

const NOT_SIMPLE: Record<string, string> = {
  'an alias to an anchor that comes after it': 'a: *x\nb: &x 1\n',
  'an anchored value that goes on at its key\'s column after a scalar (no YAML)': 'a: &x b\n- c\n',
  'a key repeated inside an anchored mapping': 'a: &x\n  b: 1\n  b: 2\n',
  'an anchored value the composer rejects (no YAML)': 'a: &x [b\nc: d\n',
  'a tag whose handle no directive names (the whole document may have one)': 'a: !e!x b\n',
  'tab indentation': 'a:\n\tb: 1\n',
  'duplicate key': 'a: 1\na: 2\n',
  'complex key (its value on a line of its own at its column)': '? a\n: b\n',
  'a complex key after an entry': 'a: 1\n? b\n: c\n',
  'a plain scalar on the line below its key (read as a mapping, which it is not)': 'a:\n  value\nb: c\n',
  'an anchor alone on a line at the column of the entries, a key below it (no YAML)': 'a:\n  b: 1\n  &x\n    c: 2\n',
  'two documents': 'a: 1\n---\nb: 2\n',
  directive: '%YAML 1.2\n---\na: 1\n',
  'nested mapping on one line': 'a: b: c\n',
  'a comment without a blank before it, after a quoted value': "a: 'b'#c\n",
  'a colon and blank inside a plain value': 'a: b: c d\n',
  'bad indentation': 'a:\n    b: 1\n  c: 2\n',
  'a tab-only line in a block scalar (no YAML)': 'foo: |\n\t\nbar: 1\n',
  'a tab-indented comment after a block scalar (no YAML)': 'a: |\n  x\n\t# c\nb: 1\n',
  'a tab before a nested sequence entry (no YAML)': '- \t- a\n',
  'a tab before a compact mapping (no YAML)': '- \ta: b\n',
  'a tab before a sequence item\'s !!str tag (the yaml library\'s TAB_AS_INDENT)': '- \t!!str a\n',
  'block sequences nested 10,000 deep, past what the reader recurses into (no RangeError)': `${'- '.repeat(10_000)}v\n`,
  'flow collections nested 10,000 deep, past what the reader recurses into (no RangeError)': `a: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
};

describe('readSimpleYaml', () => {
  for (const [name, text] of Object.entries(SIMPLE_DOCUMENTS)) {
    it(`reads ${name} exactly as the composer does`, () => {
      assert.deepEqual(readSimpleYaml(text, 0, text.length, false), composedTree(text));
    });
  }

  for (const [name, text] of Object.entries(NOT_SIMPLE)) {
    it(`leaves ${name} to the composer`, () => {
      assert.equal(readSimpleYaml(text, 0, text.length, false), null);
    });
  }

  it('reads nothing past the end of its unit, even within a line', () => {
    const source = 'a: 1\nb: 2 # kobold: tag: x; type: exact\nc: 3\n';
    const end = source.indexOf(' 2');
    assert.deepEqual(readSimpleYaml(source, 0, end, false), composedTree(source.slice(0, end)));
  });

  it('reads one item of a block sequence with offsets into the whole source', () => {
    const source = 'items:\n- a: 1\n  b: x # kobold: tag: x; type: exact\n- c: 2\n';
    const start = source.indexOf('- a');
    const end = source.indexOf('- c');
    const tree = readSimpleYaml(source, start, end, true);
    assert.deepEqual(tree, {
      kind: 'map',
      flow: false,
      entries: [
        ['a', { kind: 'scalar', value: '1', style: 'PLAIN', start: start + 5, end: start + 6, comment: null, inFlow: false }],
        ['b', { kind: 'scalar', value: 'x', style: 'PLAIN', start: source.indexOf('x #'), end: source.indexOf('x #') + 1, comment: '# kobold: tag: x; type: exact', inFlow: false }],
      ],
    });
  });
});

describe('readSimpleYaml: the entries it has the composer read alone', () => {
  /** Each document, and the text of each entry the reader gives the yaml library's parser, in order. */
  const cases: Record<string, [string, string[]]> = {
    'an anchor on a scalar, and an alias to it': ['a: &x 1\nb: *x\nc: d\n', ['a: &x 1\n', 'b: *x\n']],
    'anchors on a mapping below and on sequence items': ['a: &m\n  b: 1\nc:\n- &s [x]\n- &t\n  d: e\n- f\n', ['a: &m\n  b: 1\n', '- &s [x]\n', '- &t\n  d: e\n']],
    "an anchored value that is a sequence at its key's column": ['a: &x\n- 1\n- 2\nb: c\n', ['a: &x\n- 1\n- 2\n']],
    'an anchor in a compact mapping, the `- ` before it made spaces': ['- name: &n app\n  image: x\n- - &i y\n  - *i\n', ['  name: &n app\n', '  - &i y\n', '  - *i\n']],
    'a !!str tag on an empty value, and a tag other than !!str': ['a: !!str\nb: !custom x\n', ['a: !!str\n', 'b: !custom x\n']],
    'a folded block scalar, with the comments and blank lines before the next entry': ['a: >-\n  x\n\n  y\n# c\n\nb: 1\n', ['a: >-\n  x\n\n  y\n# c\n\n']],
    'literal block scalars with indentation indicators, kept and clipped': ['a: |+2\n   x\n\nb:\n  c: |1\n    y\n', ['a: |+2\n   x\n\n', '  c: |1\n    y\n']],
    'a flow collection over several lines, with a comment and an implicit null in it': ['a: {b: c,\n  d: e}\nf: [g, # h\n  i]\nj: {k, l: m}\n', ['a: {b: c,\n  d: e}\n', 'f: [g, # h\n  i]\n', 'j: {k, l: m}\n']],
    'plain and quoted scalars over several lines, as values and items': ['a: one\n  two\nb: "one\n  two"\nc:\n- x\n  y\n- z\n', ['a: one\n  two\n', 'b: "one\n  two"\n', '- x\n  y\n']],
    'a flow mapping and a quoted scalar on the line below their keys': ['a:\n  {}\nb:\n  "x"\nc: d\n', ['a:\n  {}\n', 'b:\n  "x"\n']],
    'a !!str tag before a number and on a collection': ['a: !!str 1\nb: !!str [x]\n', ['a: !!str 1\n', 'b: !!str [x]\n']],
    'quoted keys and a key with an anchor, and items whose compact mapping starts with one': ['"a": 1\n&k b: 2\nc:\n- \'d\': 3\n  e: 4\n- &f !t g: 5\n  h: 6\n- "i: j"\n', ['"a": 1\n', '&k b: 2\n', "  'd': 3\n", '  &f !t g: 5\n']],
    'a tab in a block scalar\'s content, for the composer to judge': ['foo: |\n \t\nbar: 1\n', ['foo: |\n \t\n']],
    'plain scalars that start with an indicator': ['a: -c\nb: --flag=x -v\nc: :x\nd: ?y\ne:\n- -c\n- ---\n', []],
    'an alias with a marker, and a marker inside an anchored mapping': [
      `a: &img docker.io/x/y:1\nb: *img ${MARKER}\nspec: &s\n  image: docker.io/x/y:1 ${MARKER}\n`,
      ['a: &img docker.io/x/y:1\n', `b: *img ${MARKER}\n`, `spec: &s\n  image: docker.io/x/y:1 ${MARKER}\n`],
    ],
  };
  for (const [name, [text, entries]] of Object.entries(cases)) {
    it(`reads ${name} as the composer does, composing only those entries`, () => {
      const parsed: string[] = [];
      let tree: LiteNode | null = null;
      watchCalls(Parser.prototype, 'parse', (args) => parsed.push(args[0] as string), () => (tree = readSimpleYaml(text, 0, text.length, false)));
      assert.deepEqual(tree, composedTree(text));
      assert.deepEqual(parsed, entries);
    });
  }

  it('reports the markers in the entries it had composed, with their paths, as the marker walk finds them in the tree', () => {
    const [text] = cases['an alias with a marker, and a marker inside an anchored mapping'];
    for (const prune of [false, true]) {
      const read = readSimpleResource(text, 0, text.length, false, COMMENT_MARKERS, prune)!;
      assert.deepEqual(read.markers, findCommentMarkers(composedTree(text)));
      assert.deepEqual(read.markers.marked.map((marked) => marked.path), [['spec', 'image']]);
      assert.deepEqual(read.markers.misplaced.map((misplaced) => misplaced.path), [['b']], 'the marker on the alias is reported as misplaced');
    }
  });

  it('reads an item of a ResourceList with an anchor on every name, and updates its markers, composing only the anchored entries', () => {
    const input = `${RESOURCE_LIST_HEADER}items:\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: &name p\n  spec:\n    containers:\n    - name: &name c\n      image: ${OLD} ${MARKER}\n${listFunctionConfig()}`;
    const parsed: string[] = [];
    let output = '';
    watchCalls(Parser.prototype, 'parse', (args) => parsed.push(args[0] as string), () => (output = runResourceList(input).output));
    assert.ok(output.startsWith(input.replace(`${OLD} ${MARKER}`, `${NEW} ${MARKER}`)), output);
    assert.deepEqual(parsed.filter((text) => text.includes('&name')), ['    name: &name p\n', '      name: &name c\n']);
  });
});

describe('the fast path on items with marker text that is not a marker', () => {
  const header = `${RESOURCE_LIST_HEADER}items:\n`;
  const config = listFunctionConfig();
  const item = (extra: string): string =>
    `- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: c\n  data:\n${extra}    image: docker.io/acme/app:1.0.0 # kobold: tag: ^1; type: semver\n`;
  const cases: Record<string, string> = {
    'a double-quoted string': '    quoted: "docker.io/acme/app:1.0.0 # kobold: tag: ^1; type: semver"\n',
    'a single-quoted string': "    quoted: 'docker.io/acme/app:1.0.0 # kobold: tag: ^1; type: semver'\n",
    'a flow collection': '    flow: ["docker.io/acme/app:1.0.0 # kobold: tag: ^1; type: semver", {a: "# kobold: x"}]\n',
    'a folded block scalar (its entry composed alone)': '    folded: >\n      docker.io/acme/app:1.0.0 # kobold: tag: ^1; type: semver\n',
  };
  for (const [name, extra] of Object.entries(cases)) {
    it(`leaves ${name} alone and updates the real marker beside it`, () => {
      const input = `${header}${item(extra)}${config}`;
      const run = runResourceList(input);
      const at = input.lastIndexOf('docker.io/acme/app:1.0.0');
      const expected = `${input.slice(0, at)}docker.io/acme/app:1.2.3${input.slice(at + 'docker.io/acme/app:1.0.0'.length)}`;
      assert.ok(run.output.startsWith(expected), run.output);
      assert.deepEqual(run.results.map((result) => result.field?.path), ['data.image']);
    });
  }

  it('reads a literal block scalar with marker text as YAML (SPEC 10), the marker in it and the one beside it updated', () => {
    const input = `${header}${item('    script: |\n      image: docker.io/acme/app:1.0.0 # kobold: tag: ^1; type: semver\n')}${config}`;
    const run = runResourceList(input);
    assert.ok(run.output.startsWith(input.replaceAll('docker.io/acme/app:1.0.0 #', 'docker.io/acme/app:1.2.3 #')), run.output);
    assert.deepEqual(run.results.map((result) => result.field?.path), ['data.image', 'data.script|image']);
  });
});
