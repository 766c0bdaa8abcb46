/**
 * The lossless promise (SPEC §6): the output is the input text with only the changed scalars
 * replaced, byte for byte, through the library, the KRM ResourceList and the standalone CLI.
 *
 * Every file in test/fixtures/lossless/*.yaml has an expectation below: the scalars that change
 * (line, text as written, replacement as written, field path, document index). Each file is run
 * as it is and in generated variants (CRLF, a byte-order mark, no final newline, all three), with
 * references that change nothing (the output must be the input, byte for byte) and with references
 * that change some fields (the output must be the input with exactly those scalars replaced, every
 * differing byte must lie inside one of them, and the `info` results must name exactly them).
 */
import { strict as assert } from 'assert';
import { readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { isMap, isScalar, isSeq, Node, parse, parseAllDocuments } from 'yaml';
import { Result, updateImageRefs } from '../src/index';
import { runResourceList } from '../src/krm/resource-list';
import { EMBEDDED, parseFieldPath } from './support/field-paths';
import { BOM, crlf, locate, LOSSLESS_DIR, replaceAt, Replacement } from './support/lossless';
import { ensureBuilt, runCli, TempDirs } from './support/process';
import { NEW, OLD, RESOURCE_LIST_HEADER } from './support/samples';

const HEX = (c: string): string => c.repeat(64);

/** References that change some fields of the corpus. */
const CHANGE_REFS = [
  NEW,
  'docker.io/acme/sidecar:2.0.5',
  'docker.io/acme/migrate:v2.3.4',
  `docker.io/acme/pinned:latest@sha256:${HEX('3')}`,
  `docker.io/acme/both:1.1.0@sha256:${HEX('4')}`,
  'docker.io/acme/plain:1.10',
  'docker.io/acme/single:1.10',
  'docker.io/acme/word:v1.5',
  'docker.io/acme/exp:1e3',
  'docker.io/acme/bool:true',
  'docker.io/acme/octal:0755',
];

/** Sets of references that change nothing in the corpus: other repositories, tags out of range, the current values. */
const NOOP_REFS: Record<string, string[]> = {
  'other repositories and tags out of range': [
    'docker.io/acme/app:2.0.0',
    'docker.io/acme/app:0.9.0',
    'docker.io/other/app:1.9.9',
    'quay.io/acme/app:1.9.0',
    'registry-1.docker.io/acme/app:1.9.0',
    'docker.io/acme/sidecar:3.0.0',
    'docker.io/acme/migrate:v2.4.0',
    'docker.io/acme/pinned:stable@sha256:' + HEX('5'),
    'redis:7.0.1',
  ],
  'the current values': [OLD, 'docker.io/acme/sidecar:2.0.0', 'docker.io/acme/migrate:v2.3.0', 'redis:7.0.0'],
  'no references at all': [],
};

interface Change {
  /** 1-based line where the scalar starts. */
  line: number;
  /** The scalar as written in the file (quotes included); `\n` stands for the file's line break. */
  from: string;
  /** What the function must write instead. */
  to: string;
  path: string;
  doc?: number;
  /** The value before and after, when they differ from `from` and `to` (quoted or escaped scalars). */
  current?: string;
  proposed?: string;
  /** Which occurrence of `from` on the line, when there are several. */
  nth?: number;
}

interface Fixture {
  file: string;
  changes: Change[];
  /** Paths with a `warning` result (in every run, whatever the references). */
  warnings?: string[];
  /** How the documents go into a ResourceList: as block items, as a JSON ResourceList, or not at all. */
  resourceList?: 'block' | 'json' | 'none';
  /** The fields' current values as references, when they are not those of NOOP_REFS. */
  currentRefs?: string[];
  /** Semantic checks on the updated documents. */
  check?: (docs: unknown[]) => void;
}

const app = (line: number, path: string, doc = 0, nth?: number): Change => ({ line, from: OLD, to: NEW, path, doc, nth });
const quotedApp = (line: number, path: string, q: string, doc = 0): Change => ({
  line,
  from: `${q}${OLD}${q}`,
  to: `${q}${NEW}${q}`,
  path,
  doc,
  current: OLD,
  proposed: NEW,
});
const SIDECAR_DQ = { from: '"docker.io/acme/sidecar:2.0.0"', to: '"docker.io/acme/sidecar:2.0.5"', current: 'docker.io/acme/sidecar:2.0.0', proposed: 'docker.io/acme/sidecar:2.0.5' };

const FIXTURES: Fixture[] = [
  {
    file: 'comments.yaml',
    changes: [app(21, 'spec.template.spec.containers[0].image', 0), app(46, 'spec.containers[0].image', 3)],
  },
  {
    file: 'crlf.yaml',
    // The note's content has marker text but is no YAML mapping or sequence (SPEC 10).
    warnings: ['metadata.annotations.note'],
    changes: [
      app(13, 'spec.containers[0].image'),
      { line: 14, ...SIDECAR_DQ, path: 'spec.containers[1].image' },
      { line: 17, from: '"docker.io/acme/\\\n      app:1.0.0"', to: `"${NEW}"`, current: OLD, proposed: NEW, path: 'spec.containers[2].image' },
      app(21, 'image', 1),
    ],
  },
  {
    file: 'flow.yaml',
    changes: [
      app(2, 'spec.containers[0].image'),
      { line: 3, ...SIDECAR_DQ, path: 'spec.containers[1].image' },
      app(5, 'compact.image'),
      quotedApp(8, 'last.image', "'"),
      app(12, 'nested[1].k.image'),
    ],
  },
  {
    file: 'json.yaml',
    resourceList: 'json',
    changes: [
      quotedApp(10, 'spec.template.spec.containers[0].image', '"'),
      { line: 13, ...SIDECAR_DQ, path: 'spec.template.spec.containers[1].image' },
    ],
  },
  {
    file: 'anchors.yaml',
    changes: [app(3, 'defaults.image'), { line: 14, ...SIDECAR_DQ, path: 'flowAnchor.image' }],
    check: ([doc]) => {
      const d = doc as Record<string, Record<string, unknown> & unknown[]>;
      assert.equal(d.defaults.image, NEW);
      assert.equal(d.web.image, NEW, 'the merge key <<: *defaults reads the updated anchor');
      assert.equal(d.worker.image, NEW, 'the alias *img reads the updated anchor');
      assert.deepEqual(d.list, [NEW, NEW]);
      assert.equal(d.copied, OLD);
      assert.equal(d.again, OLD);
      assert.equal(d.flowAlias, 'docker.io/acme/sidecar:2.0.5');
    },
  },
  {
    file: 'block-scalars.yaml',
    // Literal block scalars with marker text are read as YAML (SPEC 10): those that are YAML with
    // markers change inside, the others are warnings; a folded one is text.
    changes: [
      app(13, 'data.indented|image'),
      { line: 18, from: '1.0.0', to: '1.2.3', path: 'data["values.yaml"]|image.tag' },
      app(19, 'image'),
    ],
    warnings: ['after', 'data.keep', 'data.script'],
    check: ([doc]) => {
      const data = (doc as { data: Record<string, string> }).data;
      assert.equal(data.script, `image: ${OLD} # kobold: tag: ^1; type: semver\necho "# kobold: tag: ^1; type: semver"\n`);
      assert.equal(data.folded, `${OLD} # kobold: tag: ^1; type: semver more folded text`);
      assert.equal(data.keep, `${OLD} # kobold: tag: ^1; type: semver\n\n`);
      assert.deepEqual(parse(data.indented), { image: NEW });
      assert.deepEqual(parse(data['values.yaml']), { image: { repository: 'docker.io/acme/app', tag: '1.2.3' } });
    },
  },
  {
    file: 'embedded.yaml',
    changes: [
      { line: 13, from: '1.0.0', to: '1.2.3', path: 'spec.source.helm.values|image.tag' },
      { line: 15, ...SIDECAR_DQ, path: 'spec.source.helm.values|sidecar.image' },
      { line: 16, from: '1.0', to: '"1.10"', proposed: '1.10', path: 'spec.source.helm.values|plain' },
      app(17, 'spec.source.helm.values|defaults'),
      app(19, 'spec.source.helm.values|flow.image'),
      app(23, 'spec.source.helm.values|nested|deep.image'),
      app(37, 'data["values.yaml"]|image', 1),
      app(39, 'data["keep.yaml"]|[0]', 1),
      app(43, 'data["stream.yaml"]|a', 1),
      quotedApp(45, 'data["stream.yaml"]|b', "'", 1),
      { line: 48, from: 'docker.io/acme/migrate:v2.3.0', to: 'docker.io/acme/migrate:v2.3.4', path: 'items[0]|image', doc: 1 },
      app(50, 'items[1]|image', 1),
    ],
    warnings: ['spec.source.helm.values|script'],
    check: ([application, configMap]) => {
      const values = parse((application as { spec: { source: { helm: { values: string } } } }).spec.source.helm.values) as Record<string, unknown>;
      assert.deepEqual(values.image, { repository: 'docker.io/acme/app', tag: '1.2.3' });
      assert.deepEqual(values.sidecar, { image: 'docker.io/acme/sidecar:2.0.5' });
      assert.equal(values.plain, '1.10', 'the new tag reads back as a string inside the embedded YAML');
      assert.equal(values.defaults, NEW);
      assert.equal(values.again, NEW, 'the alias inside reads the updated anchor');
      assert.deepEqual(values.flow, { image: NEW });
      assert.deepEqual(parse(values.nested as string), { deep: { image: NEW } });
      assert.equal(values.script, 'echo "not YAML # kobold: tag: ^1; type: semver"\n');
      const { data, items } = configMap as { data: Record<string, string>; items: string[] };
      assert.deepEqual(parse(data['values.yaml']), { image: NEW });
      assert.equal(data['keep.yaml'], `- ${NEW} # kobold: tag: ^1; type: semver\n\n\n`, 'the kept trailing lines stay');
      assert.deepEqual(parseAllDocuments(data['stream.yaml']).map((doc) => (doc as { toJS(): unknown }).toJS()), [{ a: NEW }, { b: NEW }]);
      assert.deepEqual(items.map((item) => parse(item)), [{ image: 'docker.io/acme/migrate:v2.3.4' }, { image: NEW }]);
      assert.ok(!items[1].endsWith('\n'), 'the stripped block scalar stays stripped');
    },
  },
  {
    file: 'quoted.yaml',
    changes: [
      quotedApp(2, 'single', "'"),
      quotedApp(3, 'double', '"'),
      { line: 4, from: '"docker.io/acme/\\x61pp:1.0.0"', to: `"${NEW}"`, current: OLD, proposed: NEW, path: 'escaped' },
      app(9, '["quoted key"]'),
      quotedApp(10, '["dq key \\"x\\""]', "'"),
    ],
  },
  {
    file: 'streams.yaml',
    resourceList: 'none',
    changes: [app(5, 'image', 0), app(11, 'image', 1), app(17, 'tagged', 3), app(21, '[0]', 5)],
  },
  {
    file: 'unicode-tabs.yaml',
    changes: [app(7, 'conteneur.image'), app(12, 'conteneur.étiquette'), app(13, 'conteneur.🐳'), quotedApp(14, 'conteneur.ключ', '"')],
  },
  { file: 'bom.yaml', changes: [app(8, 'spec.containers[0].image')] },
  { file: 'no-final-newline.yaml', changes: [app(8, 'spec.containers[0].image')] },
  { file: 'comment-at-eof.yaml', changes: [app(1, 'a')] },
  {
    file: 'multiline.yaml',
    changes: [
      { line: 12, from: '"docker.io/acme/\\\n  app:1.0.0"', to: `"${NEW}"`, current: OLD, proposed: NEW, path: 'image' },
      app(14, 'plainImage'),
    ],
    check: ([doc]) => {
      const d = doc as Record<string, string>;
      assert.equal(d.description, 'this is a plain scalar that continues on the next line\nand a third after a blank one');
      assert.equal(d.unmarked, OLD);
    },
  },
  {
    file: 'dotted-keys.yaml',
    changes: [
      app(6, 'metadata.annotations["example.com/image"]'),
      app(8, 'data["values.yaml"]'),
      app(9, 'data["a.b.c"]["image.ref"]'),
      app(11, 'data["key with spaces"]'),
      app(12, 'data["x[0]"]'),
    ],
  },
  {
    file: 'kubernetes.yaml',
    changes: [
      { line: 12, from: 'docker.io/acme/migrate:v2.3.0', to: 'docker.io/acme/migrate:v2.3.4', path: 'spec.template.spec.initContainers[0].image' },
      app(15, 'spec.template.spec.containers[0].image'),
      { line: 26, from: '1.0.0', to: '1.2.3', path: 'images[0].newTag', doc: 1 },
      { line: 28, from: `sha256:${HEX('1')}`, to: `sha256:${HEX('3')}`, path: 'images[1].digest', doc: 1 },
      {
        line: 30,
        from: `"1.0.0@sha256:${HEX('2')}"`,
        to: `"1.1.0@sha256:${HEX('4')}"`,
        current: `1.0.0@sha256:${HEX('2')}`,
        proposed: `1.1.0@sha256:${HEX('4')}`,
        path: 'images[2].newTag',
        doc: 1,
      },
    ],
  },
  {
    file: 'scalar-style.yaml',
    currentRefs: ['docker.io/acme/app:1.0', 'docker.io/acme/plain:1.0', 'docker.io/acme/single:1.0', 'docker.io/acme/word:v1', 'docker.io/acme/exp:abc'],
    changes: [
      { line: 4, from: '"1.0"', to: '"1.2.3"', current: '1.0', proposed: '1.2.3', path: 'images[0].newTag' },
      { line: 6, from: '1.0', to: '"1.10"', proposed: '1.10', path: 'images[1].newTag' },
      { line: 8, from: "'1.0'", to: "'1.10'", current: '1.0', proposed: '1.10', path: 'images[2].newTag' },
      { line: 10, from: 'v1', to: 'v1.5', path: 'images[3].newTag' },
      { line: 12, from: 'abc', to: '"1e3"', proposed: '1e3', path: 'images[4].newTag' },
      { line: 14, from: 'abc', to: '"true"', proposed: 'true', path: 'images[5].newTag' },
      { line: 16, from: 'abc', to: '"0755"', proposed: '0755', path: 'images[6].newTag' },
    ],
    check: ([doc]) => {
      const tags = (doc as { images: Array<{ newTag: unknown }> }).images.map((image) => image.newTag);
      assert.deepEqual(tags, ['1.2.3', '1.10', '1.10', 'v1.5', '1e3', 'true', '0755'], 'every tag still reads back as the string it should be');
    },
  },
  {
    file: 'odd-indent.yaml',
    changes: [
      app(4, 'spec.containers[0].image'),
      app(8, 'spec.containers[1].image'),
      app(11, 'spec.deep.a.b[0].c'),
      app(14, 'complex'),
      app(21, 'list[0][0][0]'),
    ],
  },
  {
    file: 'markers.yaml',
    warnings: ['e', 'f', 'g', 'h', 'j', 'k', 'o', 'p'],
    changes: [app(17, 'l'), app(18, 'm'), app(19, 'n'), app(20, 'q')],
  },
];

/** A way to present a fixture: the same YAML with other line endings, a byte-order mark, no final newline. */
interface Variant {
  name: string;
  apply: (text: string) => string;
}

const stripFinalNewline = (text: string): string => text.replace(/(\r?\n)+$/, '');
const VARIANTS: Variant[] = [
  { name: 'as is', apply: (text) => text },
  { name: 'CRLF', apply: crlf },
  { name: 'BOM', apply: (text) => (text.startsWith(BOM) ? text : BOM + text) },
  { name: 'no final newline', apply: stripFinalNewline },
  { name: 'CRLF + BOM + no final newline', apply: (text) => stripFinalNewline(text.startsWith(BOM) ? crlf(text) : BOM + crlf(text)) },
];

function noopRefsFor(fixture: Fixture): Array<[string, string[]]> {
  return Object.entries(NOOP_REFS).map(([what, refs]) => [what, what === 'the current values' && fixture.currentRefs ? fixture.currentRefs : refs]);
}

function readFixture(file: string): string {
  return readFileSync(join(LOSSLESS_DIR, file), 'utf8');
}

const eolOf = (text: string): string => (text.includes('\r\n') ? '\r\n' : '\n');

/** Where each change lies in `input` (its lines numbered as in the fixture, through `mapLine`), and the replacement. */
function replacementsIn(input: string, changes: readonly Change[], mapLine = (line: number): number => line, mapFrom = (from: string): string => from): Replacement[] {
  const eol = eolOf(input);
  return changes.map((change) => {
    const from = mapFrom(change.from).replace(/\n/g, eol);
    const start = locate(input, mapLine(change.line), from, change.nth);
    return { start, end: start + from.length, text: change.to };
  });
}

const infoKey = (path: string, current: string, proposed: string, doc?: number): string =>
  `${doc === undefined ? '' : `document ${doc}: `}${path}: ${JSON.stringify(current)} -> ${JSON.stringify(proposed)}`;

function expectedInfo(changes: readonly Change[], withDoc: boolean): string[] {
  return changes.map((c) => infoKey(c.path, c.current ?? c.from, c.proposed ?? c.to, withDoc ? c.doc ?? 0 : undefined)).sort();
}

function actualInfo(results: readonly Result[], withDoc: boolean): string[] {
  return results
    .filter((r) => r.severity === 'info')
    .map((r) => {
      assert.ok(r.field, `an info result without a field: ${r.message}`);
      return infoKey(r.field.path, r.field.currentValue ?? '?', r.field.proposedValue ?? '?', withDoc ? r.file?.index : undefined);
    })
    .sort();
}

function warningPaths(results: readonly Result[]): string[] {
  return results.filter((r) => r.severity === 'warning').map((r) => r.field?.path ?? `(no field) ${r.message}`).sort();
}

function assertNoErrors(results: readonly Result[], label: string): void {
  const errors = results.filter((r) => r.severity === 'error').map((r) => r.message);
  assert.deepEqual(errors, [], `${label}: unexpected error results`);
}

/** The node a field path without `|` reaches in a composed document, or undefined. */
function nodeAt(root: unknown, path: string): unknown {
  const segments = parseFieldPath(path);
  assert.ok(segments !== null && !segments.includes(EMBEDDED), `${path} is a field path without "|"`);
  let node = root;
  for (const segment of segments as Array<string | number>) {
    if (typeof segment === 'number') node = isSeq(node) ? node.items[segment] : undefined;
    else node = isMap(node) ? node.items.find((p) => isScalar(p.key) && String(p.key.value) === segment)?.value : undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

/**
 * The node a result path reaches in a composed document, through the YAML embedded in literal
 * block scalars at each `|` (in the first document of an embedded stream that has the path), and
 * whether it is embedded.
 */
function fieldNodeAt(root: unknown, path: string): { node: unknown; embedded: boolean } {
  const [outer, ...inner] = path.split('|');
  let node = nodeAt(root, outer);
  for (const part of inner) {
    assert.ok(isScalar(node) && node.type === 'BLOCK_LITERAL', `${path}: ${outer} is not a literal block scalar`);
    const docs = parseAllDocuments(String(node.value));
    assert.ok(Array.isArray(docs), `${path}: the embedded YAML is a stream`);
    node = docs.map((doc) => nodeAt(doc.contents, part)).find((found) => found !== undefined);
  }
  assert.ok(node !== undefined, `${path} reaches a node`);
  return { node, embedded: inner.length > 0 };
}

/** Parses a whole YAML stream and fails on any error: the function's output must stay valid YAML. */
function parseStream(text: string, label: string): unknown[] {
  const docs = parseAllDocuments(text, { merge: true });
  assert.ok(Array.isArray(docs), `${label}: not a stream`);
  for (const doc of docs) assert.deepEqual(doc.errors.map((e) => e.message), [], `${label}: the output is no longer valid YAML`);
  return docs.map((doc) => doc.toJS({ maxAliasCount: -1 }));
}

describe('lossless corpus', () => {
  it('covers every fixture file, and every fixture has an expectation', () => {
    const files = readdirSync(LOSSLESS_DIR).filter((f) => f.endsWith('.yaml')).sort();
    assert.deepEqual(FIXTURES.map((f) => f.file).sort(), files);
  });

  it('stores the byte-level features the corpus is about (git must not normalise them)', () => {
    assert.ok(readFixture('crlf.yaml').split('\n').slice(0, -1).every((line) => line.endsWith('\r')), 'crlf.yaml has CRLF on every line');
    assert.ok(readFixture('bom.yaml').startsWith(BOM), 'bom.yaml starts with a byte-order mark');
    assert.ok(!readFixture('no-final-newline.yaml').endsWith('\n'));
    assert.ok(!readFixture('comment-at-eof.yaml').endsWith('\n'));
    assert.ok(readFixture('unicode-tabs.yaml').includes('\t'));
    assert.ok(/[^\x00-\x7f]/.test(readFixture('unicode-tabs.yaml')));
  });

  for (const fixture of FIXTURES) {
    describe(fixture.file, () => {
      const raw = readFixture(fixture.file);

      it('expectations point at the scalars their paths name (checked on the parsed fixture)', () => {
        const docs = parseAllDocuments(raw);
        assert.ok(Array.isArray(docs));
        for (const doc of docs) assert.deepEqual(doc.errors.map((e) => e.message), [], 'the fixture is valid YAML');
        const replacements = replacementsIn(raw, fixture.changes);
        fixture.changes.forEach((change, i) => {
          const { node, embedded } = fieldNodeAt(docs[change.doc ?? 0].contents, change.path);
          assert.ok(isScalar(node), `${change.path} is a scalar`);
          // Inside embedded YAML the range is the content's; the position is checked by the output.
          if (!embedded) assert.deepEqual((node as Node).range?.slice(0, 2), [replacements[i].start, replacements[i].end], `${change.path}: the expected position is the scalar's range`);
          const scalar = node as { source?: unknown; value: unknown };
          assert.equal(String(scalar.source ?? scalar.value), change.current ?? change.from);
        });
      });

      for (const variant of VARIANTS) {
        describe(`${variant.name}, through updateImageRefs`, () => {
          const input = variant.apply(raw);

          for (const [what, refs] of noopRefsFor(fixture)) {
            it(`changes nothing, byte for byte, with ${what}`, () => {
              const { output, results } = updateImageRefs(input, refs);
              assert.equal(output, input);
              assertNoErrors(results, 'noop');
              assert.deepEqual(actualInfo(results, false), []);
              assert.deepEqual(warningPaths(results), [...(fixture.warnings ?? [])].sort());
            });
          }

          it('replaces exactly the expected scalars, and reports exactly them', () => {
            const replacements = replacementsIn(input, fixture.changes);
            const expected = replaceAt(input, replacements);
            const { output, results } = updateImageRefs(input, CHANGE_REFS);
            assertNoErrors(results, 'update');
            assert.equal(output, expected);
            assert.deepEqual(actualInfo(results, false), expectedInfo(fixture.changes, false));
            assert.deepEqual(warningPaths(results), [...(fixture.warnings ?? [])].sort());
            const docs = parseStream(output, 'updated output');
            if (variant.name === 'as is') fixture.check?.(docs);
          });

          it('with a file name, the results carry the document index', () => {
            const named = updateImageRefs(input, CHANGE_REFS, fixture.file);
            assert.equal(named.output, updateImageRefs(input, CHANGE_REFS).output);
            assert.deepEqual(actualInfo(named.results, true), expectedInfo(fixture.changes, true));
            for (const result of named.results) assert.equal(result.file?.path, fixture.file);
          });
        });
      }
    });
  }
});

// ----------------------------------------------------------------------------------------------
// ResourceList (KRM mode, library entry)

const DOCUMENT_SEPARATOR = /^(---|\.\.\.)(\s+#.*)?\s*$|^%/;
const isContentLine = (line: string): boolean => line.trim() !== '' && !line.trim().startsWith('#');

/**
 * The documents of a fixture as block sequence items under `items:`, each line indented by two
 * (the first content line behind `- `), documents with only comments left out; and where each
 * line of the fixture went. Works on \n; the caller applies the line ending it wants.
 */
function wrapItems(text: string): { items: string; lineOf: Map<number, number> } {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n').split('\n');
  const out: string[] = [];
  const lineOf = new Map<number, number>();
  let segment: Array<{ line: string; n: number }> = [];
  const flush = (): void => {
    const first = segment.findIndex(({ line }) => isContentLine(line));
    if (first >= 0) {
      segment.forEach(({ line, n }, i) => {
        lineOf.set(n, out.length + 1);
        out.push(i === first ? `- ${line}` : line === '' ? '' : `  ${line}`);
      });
    }
    segment = [];
  };
  lines.forEach((line, i) => {
    if (DOCUMENT_SEPARATOR.test(line)) {
      assert.ok(!/^---\s+[^#\s]/.test(line), 'wrapItems cannot move content that follows ---');
      flush();
    } else {
      segment.push({ line, n: i + 1 });
    }
  });
  flush();
  return { items: out.join('\n'), lineOf };
}

const listConfig = (refs: readonly string[], kind = 'List'): string =>
  `functionConfig:\n  apiVersion: kobold/v1alpha3\n  kind: ${kind}\n  metadata:\n    name: fn-config\n  items:${refs.length === 0 ? ' []\n' : `\n${refs.map((r) => `  - ${r}\n`).join('')}`}`;
const configMapConfig = (refs: readonly string[]): string =>
  `functionConfig:\n  apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: fn-config\n  data:\n    images: "${refs.join(', ')}"\n`;

interface RlLayout {
  name: string;
  eol: '\n' | '\r\n';
  bom: boolean;
  /** functionConfig before the items (so the items end the text), and no final newline after them. */
  itemsLast: boolean;
  config: (refs: readonly string[]) => string;
}

const RL_LAYOUTS: RlLayout[] = [
  { name: 'block, LF, functionConfig List after the items', eol: '\n', bom: false, itemsLast: false, config: (refs) => listConfig(refs) },
  { name: 'block, CRLF, functionConfig ImageRefUpdater after the items', eol: '\r\n', bom: false, itemsLast: false, config: (refs) => listConfig(refs, 'ImageRefUpdater') },
  { name: 'block, LF, ConfigMap first, items last without a final newline', eol: '\n', bom: false, itemsLast: true, config: configMapConfig },
  { name: 'block, CRLF with a BOM, items last without a final newline', eol: '\r\n', bom: true, itemsLast: true, config: (refs) => listConfig(refs) },
];

/** A ResourceList around the fixture's documents; `body` (the fixture, or the expected output) is wrapped the same way. */
function blockResourceList(body: string, layout: RlLayout, refs: readonly string[]): string {
  const { items } = wrapItems(body);
  const text = layout.itemsLast
    ? `${RESOURCE_LIST_HEADER}${layout.config(refs)}items:\n${items.replace(/\n+$/, '')}`
    : `${RESOURCE_LIST_HEADER}items:\n${items.replace(/\n*$/, '\n')}${layout.config(refs)}`;
  return (layout.bom ? BOM : '') + (layout.eol === '\r\n' ? crlf(text) : text);
}

/** Splits a ResourceList output into what came before the appended results and the results block. */
function assertResultsAppended(output: string, body: string, results: readonly Result[], eol: string): void {
  assert.equal(output.slice(0, body.length), body, 'everything before the results is the expected ResourceList');
  const tail = output.slice(body.length);
  const expectedStart = body.endsWith('\n') ? 'results:' : `${eol}results:`;
  assert.ok(tail.startsWith(expectedStart), `the results are appended as a block results: field, got ${JSON.stringify(tail.slice(0, 40))}`);
  if (eol === '\r\n') assert.ok(!/[^\r]\n/.test(tail), 'the appended results use CRLF like the input');
  else assert.ok(!tail.includes('\r'), 'the appended results use LF like the input');
  assert.deepEqual((parse(tail) as { results: unknown }).results, JSON.parse(JSON.stringify(results)));
}

describe('lossless corpus as ResourceList items (runResourceList)', () => {
  for (const fixture of FIXTURES.filter((f) => (f.resourceList ?? 'block') === 'block')) {
    const raw = readFixture(fixture.file);
    const lfRaw = raw.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
    const expectedLf = replaceAt(lfRaw, replacementsIn(lfRaw, fixture.changes));
    const { lineOf } = wrapItems(lfRaw);

    for (const layout of RL_LAYOUTS) {
      describe(`${fixture.file}: ${layout.name}`, () => {
        it('changes nothing in the items, byte for byte, and appends the results', () => {
          // An empty ConfigMap `images` is a configuration error (SPEC §2), so that layout gets no empty list.
          for (const [, refs] of noopRefsFor(fixture).filter(([, refs]) => refs.length > 0 || layout.config !== configMapConfig)) {
            const input = blockResourceList(lfRaw, layout, refs);
            const run = runResourceList(input);
            assertNoErrors(run.results, 'noop');
            assert.deepEqual(actualInfo(run.results, false), []);
            assertResultsAppended(run.output, input, run.results, layout.eol);
          }
        });

        it('replaces exactly the expected scalars in the items', () => {
          const input = blockResourceList(lfRaw, layout, CHANGE_REFS);
          const expectedBody = blockResourceList(expectedLf, layout, CHANGE_REFS);
          const header = layout.itemsLast ? (RESOURCE_LIST_HEADER + layout.config(CHANGE_REFS) + 'items:\n').split('\n').length - 1 : 3;
          const replacements = replacementsIn(
            input,
            fixture.changes,
            (line) => header + lineOf.get(line)!,
            (from) => from.replace(/\n/g, '\n  '),
          );
          assert.equal(replaceAt(input, replacements), expectedBody, 'the wrapped expectation is consistent');
          const run = runResourceList(input);
          assertNoErrors(run.results, 'update');
          assertResultsAppended(run.output, expectedBody, run.results, layout.eol);
          assert.deepEqual(actualInfo(run.results, false), expectedInfo(fixture.changes, false));
          assert.deepEqual(warningPaths(run.results), [...(fixture.warnings ?? [])].sort());
          const parsed = parse(run.output, { merge: true, maxAliasCount: -1 }) as { items: unknown[]; results: unknown };
          assert.deepEqual(parsed.results, JSON.parse(JSON.stringify(run.results)));
          if (layout.name.startsWith('block, LF, functionConfig List')) fixture.check?.(parsed.items);
        });
      });
    }
  }

  describe('json.yaml in a flow (JSON-style) ResourceList', () => {
    const raw = readFixture('json.yaml');
    const fixture = FIXTURES.find((f) => f.file === 'json.yaml')!;
    const jsonList = (doc: string, refs: readonly string[]): string =>
      `{"apiVersion": "config.kubernetes.io/v1", "kind": "ResourceList",\n"items": [\n${doc.replace(/\n$/, '')}\n],\n` +
      `"functionConfig": {"apiVersion": "kobold/v1alpha3", "kind": "List", "items": ${JSON.stringify(refs)}}}\n`;

    for (const eol of ['\n', '\r\n'] as const) {
      const name = eol === '\n' ? 'LF' : 'CRLF';
      const convert = (text: string): string => (eol === '\n' ? text : crlf(text));

      /** The output must be the expected list with `, "results": [...]` inserted before the final `}`. */
      const assertFlowResults = (output: string, body: string, results: readonly Result[]): void => {
        const close = body.lastIndexOf('}');
        assert.equal(output.slice(0, close), body.slice(0, close), 'everything before the results is the expected ResourceList');
        assert.equal(output.slice(output.length - (body.length - close)), body.slice(close), 'the closing brace and what follows it are kept');
        const inserted = output.slice(close, output.length - (body.length - close));
        const match = /^\s*,\s*"?results"?\s*:\s*/.exec(inserted);
        assert.ok(match, `a flow "results" entry is added before the closing brace, got ${JSON.stringify(inserted.slice(0, 40))}`);
        assert.deepEqual(parse(inserted.slice(match[0].length)), JSON.parse(JSON.stringify(results)));
        assert.ok(!/^\s*results:/m.test(output), 'no block results: field in a flow ResourceList');
      };

      it(`${name}: changes nothing with references that match nothing`, () => {
        const input = convert(jsonList(raw, NOOP_REFS['other repositories and tags out of range']));
        const run = runResourceList(input);
        assertNoErrors(run.results, 'noop');
        assertFlowResults(run.output, input, run.results);
      });

      it(`${name}: replaces exactly the expected scalars`, () => {
        const input = convert(jsonList(raw, CHANGE_REFS));
        const replacements = replacementsIn(input, fixture.changes, (line) => line + 2);
        const expectedBody = replaceAt(input, replacements);
        const run = runResourceList(input);
        assertNoErrors(run.results, 'update');
        assertFlowResults(run.output, expectedBody, run.results);
        assert.deepEqual(actualInfo(run.results, false), expectedInfo(fixture.changes, false));
        const parsed = parse(run.output) as { results: unknown };
        assert.deepEqual(parsed.results, JSON.parse(JSON.stringify(run.results)));
      });
    }
  });
});

// ----------------------------------------------------------------------------------------------
// Standalone CLI on the files

describe('lossless corpus through the built CLI (standalone: FN_CONFIG FILE)', function () {
  this.timeout(120000);
  const temps = new TempDirs();
  const dir = temps.make('lossless-cli');
  const CLI_VARIANTS = VARIANTS.filter((v) => ['as is', 'CRLF', 'CRLF + BOM + no final newline'].includes(v.name));

  before(() => {
    ensureBuilt();
    writeFileSync(join(dir, 'change.yaml'), `apiVersion: kobold/v1alpha3\nkind: List\nitems:\n${CHANGE_REFS.map((r) => `- ${r}\n`).join('')}`);
    writeFileSync(join(dir, 'noop.yaml'), `apiVersion: v1\nkind: ConfigMap\ndata:\n  images: ${NOOP_REFS['other repositories and tags out of range'].join(',')}\n`);
  });
  after(() => temps.cleanup());

  const stderrResults = (stderr: string): Result[] => (stderr.trim() === '' ? [] : (parse(stderr) as Result[]));

  for (const fixture of FIXTURES) {
    for (const variant of CLI_VARIANTS) {
      it(`${fixture.file} (${variant.name}): unchanged bytes without a match, exactly the expected scalars replaced with one`, () => {
        const input = variant.apply(readFixture(fixture.file));
        writeFileSync(join(dir, fixture.file), input, 'utf8');

        const noop = runCli(['noop.yaml', fixture.file], { cwd: dir });
        assert.equal(noop.status, 0, noop.stderr);
        assert.equal(noop.stdout, input, 'stdout is the file, byte for byte');
        assert.deepEqual(actualInfo(stderrResults(noop.stderr), false), []);

        const run = runCli(['change.yaml', fixture.file], { cwd: dir });
        assert.equal(run.status, 0, run.stderr);
        const replacements = replacementsIn(input, fixture.changes);
        assert.equal(run.stdout, replaceAt(input, replacements));
        const results = stderrResults(run.stderr);
        assert.deepEqual(actualInfo(results, true), expectedInfo(fixture.changes, true));
        assert.deepEqual(warningPaths(results), [...(fixture.warnings ?? [])].sort());
        for (const result of results.filter((r) => r.field)) assert.equal(result.file?.path, fixture.file);
      });
    }
  }
});
