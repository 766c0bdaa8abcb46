/**
 * KRM mode (`runResourceList`, SPEC §1, §2, §6): the ResourceList comes back byte for byte, with
 * only the changed scalars replaced and the `results` field written (appended, or replacing an old
 * one); items without marker text are not even parsed; results carry resourceRef and file;
 * functionConfig kinds and configuration errors.
 */
import { strict as assert } from 'assert';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { isMap, isScalar, isSeq, parse, parseAllDocuments, parseDocument, Scalar, YAMLMap } from 'yaml';
import { runResourceList } from '../src/krm/resource-list';
import { Result } from '../src/output/results';
import { InputError, ProblemPlace } from '../src/problem';
import { crlf } from './support/lossless';
import { SHARED, skipWith } from './support/process';
import { MARKER, NEW, OLD, RESOURCE_LIST_HEADER } from './support/samples';

const LIST_CONFIG = `functionConfig:\n  apiVersion: kobold/v1alpha3\n  kind: List\n  metadata:\n    name: fn-config\n  items:\n  - ${NEW}\n`;

const pod = (name: string, extra = ''): string =>
  `- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: ${name}\n    namespace: prod\n${extra}  spec:\n    containers:\n    - name: web\n      image: ${OLD} ${MARKER}\n`;

const INFO_MESSAGE = `updated image ref "${OLD}" to "${NEW}"`;

/** The results the function wrote into its output, read back as data. */
function resultsIn(output: string): unknown {
  const docs = parseAllDocuments(output);
  assert.ok(Array.isArray(docs) && docs.length === 1, 'the output is one YAML document');
  assert.deepEqual(docs[0].errors.map((e) => e.message), [], 'the output is valid YAML');
  return (docs[0].toJS() as { results?: unknown }).results;
}

const plain = (results: readonly Result[]): unknown => JSON.parse(JSON.stringify(results));

/** The output must be `input`, then `results:` as a block, the whole of it in `eol` line endings. */
function assertAppended(input: string, output: string, eol = '\n'): string {
  assert.equal(output.slice(0, input.length), input, 'the input is kept, byte for byte, in front of the results');
  const tail = output.slice(input.length);
  const start = input === '' || input.endsWith('\n') ? 'results:' : `${eol}results:`;
  assert.ok(tail.startsWith(start), `results: is appended as a block field, got ${JSON.stringify(tail.slice(0, 30))}`);
  if (eol === '\r\n') assert.ok(!/(^|[^\r])\n/.test(tail), `the appended results use CRLF: ${JSON.stringify(tail)}`);
  else assert.ok(!tail.includes('\r'), 'the appended results use LF');
  assert.ok(tail.endsWith(eol), 'the appended results end with a line break');
  return tail;
}

/** kpt rejects a flow mapping containing `[0]`: every result's `field` must be a block mapping, or its path quoted. */
function assertKptReadableFields(output: string): void {
  const doc = parseDocument(output);
  const results = doc.get('results', true);
  assert.ok(isSeq(results), 'results is a sequence');
  for (const result of results.items) {
    assert.ok(isMap(result));
    const field = (result as YAMLMap).get('field', true);
    if (field === undefined) continue;
    assert.ok(isMap(field));
    if (!(field as YAMLMap).flow) continue;
    const path = (field as YAMLMap).get('path', true) as Scalar;
    assert.ok(isScalar(path) && path.type !== 'PLAIN', `a flow field mapping must quote its path: ${String(path)}`);
  }
}

describe('ResourceList: results', () => {
  it('appends a block results: field at the end, everything before it byte for byte (LF)', () => {
    const items = `items:\n${pod('web')}`;
    const input = `${RESOURCE_LIST_HEADER}${LIST_CONFIG}${items}`;
    const run = runResourceList(input);
    assert.equal(run.hasError, false);
    const expectedBody = input.replace(OLD, NEW);
    assertAppended(expectedBody, run.output);
    assert.deepEqual(run.results, [
      {
        message: INFO_MESSAGE,
        severity: 'info',
        resourceRef: { apiVersion: 'v1', kind: 'Pod', name: 'web', namespace: 'prod' },
        field: { path: 'spec.containers[0].image', currentValue: OLD, proposedValue: NEW },
      },
    ]);
    assert.deepEqual(resultsIn(run.output), plain(run.results));
    assertKptReadableFields(run.output);
  });

  it('appends after an input without a final newline, adding the line break first', () => {
    const input = `${RESOURCE_LIST_HEADER}${LIST_CONFIG}items:\n${pod('web')}`.replace(/\n$/, '');
    const run = runResourceList(input);
    assertAppended(input.replace(OLD, NEW), run.output);
    assert.deepEqual(resultsIn(run.output), plain(run.results));
  });

  for (const finalNewline of [true, false]) {
    it(`respects CRLF line endings in the appended block (${finalNewline ? 'with' : 'without'} a final newline)`, () => {
      let input = crlf(`${RESOURCE_LIST_HEADER}items:\n${pod('web')}${LIST_CONFIG}`);
      if (!finalNewline) input = input.replace(/\r\n$/, '');
      const run = runResourceList(input);
      assertAppended(input.replace(OLD, NEW), run.output, '\r\n');
      assert.deepEqual(resultsIn(run.output), plain(run.results));
      assert.equal(run.results.length, 1);
    });
  }

  it('writes results: [] when there is nothing to report, and nothing else changes', () => {
    const input = `${RESOURCE_LIST_HEADER}${LIST_CONFIG}items:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: c}\n`;
    const run = runResourceList(input);
    assert.deepEqual(run.results, []);
    assertAppended(input, run.output);
    assert.deepEqual(resultsIn(run.output), []);
  });

  it('keeps a comment after the last item and a --- document start marker', () => {
    const input = `---\n${RESOURCE_LIST_HEADER}${LIST_CONFIG}items:\n${pod('web')}# a comment after the last item\n`;
    const run = runResourceList(input);
    const output = run.output;
    assert.ok(output.startsWith(`---\n${RESOURCE_LIST_HEADER}`));
    assert.ok(output.includes('# a comment after the last item\n'));
    assert.deepEqual(resultsIn(output), plain(run.results));
    assert.equal(run.results.length, 1);
  });

  it('writes the results inside the document when it ends with a ... marker', () => {
    const input = `${RESOURCE_LIST_HEADER}${LIST_CONFIG}items:\n${pod('web')}...\n`;
    const run = runResourceList(input);
    assert.ok(run.output.endsWith('...\n'), 'the document end marker stays last');
    assert.deepEqual(resultsIn(run.output), plain(run.results));
    assert.equal(run.output.replace(/results:\n(?:[- ] .*\n)*/, ''), input.replace(OLD, NEW), 'the only other change is the results field');
  });

  describe('an existing results field is replaced, not duplicated', () => {
    const cases: Array<[string, string, string, string]> = [
      ['a block results in the middle', `${RESOURCE_LIST_HEADER}items:\n${pod('web')}`, `results:\n- message: stale-result\n  severity: warning\n  field: {path: "a[0]"}\n`, LIST_CONFIG],
      ['a flow results with a trailing comment', RESOURCE_LIST_HEADER, 'results: [{message: stale-result, severity: info}] # stale-result comment\n', `items:\n${pod('web')}${LIST_CONFIG}`],
      ['results: [] at the very end without a final newline', `${RESOURCE_LIST_HEADER}items:\n${pod('web')}${LIST_CONFIG}`, 'results: []', ''],
      ['results: (null) first', '', 'results:\n', `${RESOURCE_LIST_HEADER}items:\n${pod('web')}${LIST_CONFIG}`],
    ];
    for (const [name, before, old, after] of cases) {
      it(name, () => {
        const input = `${before}${old}${after}`;
        const run = runResourceList(input);
        const output = run.output;
        assert.equal(run.results.length, 1);
        const expectedBefore = before.replace(OLD, NEW);
        assert.equal(output.slice(0, expectedBefore.length), expectedBefore, 'everything before the old results is kept');
        const expectedAfter = after.replace(OLD, NEW);
        assert.ok(output.endsWith(expectedAfter), 'everything after the old results is kept');
        assert.ok(!output.includes('stale-result'), 'the old results are gone');
        assert.equal(output.match(/^results:/gm)?.length, 1, 'one results field');
        assert.deepEqual(resultsIn(output), plain(run.results));
        assertKptReadableFields(output);
      });
    }

    it('in CRLF', () => {
      const input = crlf(`${RESOURCE_LIST_HEADER}results:\n- message: old\n  severity: info\nitems:\n${pod('web')}${LIST_CONFIG}`);
      const run = runResourceList(input);
      assert.ok(!/(^|[^\r])\n/.test(run.output), 'no bare LF in a CRLF ResourceList');
      assert.ok(run.output.endsWith(crlf(LIST_CONFIG)));
      assert.deepEqual(resultsIn(run.output), plain(run.results));
    });
  });

  describe('a flow (JSON) ResourceList', () => {
    const json = (extra = ''): string =>
      `{"apiVersion": "config.kubernetes.io/v1", "kind": "ResourceList",${extra} "items": [{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"}, ` +
      `"spec": {"containers": [{"name": "web", "image": "${OLD}" ${MARKER}\n}]}}], "functionConfig": {"apiVersion": "kobold/v1alpha3", "kind": "List", "items": ["${NEW}"]}}\n`;

    it('gets its results in flow style before the closing brace', () => {
      const input = json();
      const run = runResourceList(input);
      const expected = input.replace(OLD, NEW);
      const close = expected.lastIndexOf('}');
      assert.equal(run.output.slice(0, close), expected.slice(0, close));
      assert.ok(run.output.endsWith('}\n'));
      const inserted = run.output.slice(close, -2);
      assert.match(inserted, /^\s*,\s*"results"\s*:\s*\[/);
      assert.ok(!inserted.includes('\n'), 'the flow results stay on one line');
      assert.deepEqual(resultsIn(run.output), plain(run.results));
      assert.equal(run.results.length, 1);
    });

    it('pure JSON in, valid JSON out', () => {
      const input = JSON.stringify({
        apiVersion: 'config.kubernetes.io/v1',
        kind: 'ResourceList',
        items: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: 'kobold is not a marker here' } }],
        functionConfig: { apiVersion: 'kobold/v1alpha3', kind: 'List', items: [NEW] },
      });
      const run = runResourceList(input);
      const parsed = JSON.parse(run.output) as { results: unknown; items: unknown };
      assert.deepEqual(parsed.results, []);
      assert.deepEqual(parsed.items, (JSON.parse(input) as { items: unknown }).items);
    });

    it('pure JSON with an existing results field: replaced in place, still valid JSON', () => {
      const input = `{"apiVersion":"config.kubernetes.io/v1","kind":"ResourceList","results":[{"message":"old","severity":"info"}],"items":[],"functionConfig":{"apiVersion":"kobold/v1alpha3","kind":"List","items":["${NEW}"]}}`;
      const run = runResourceList(input);
      const parsed = JSON.parse(run.output) as Record<string, unknown>;
      assert.deepEqual(parsed.results, []);
      assert.deepEqual(Object.keys(parsed), ['apiVersion', 'kind', 'results', 'items', 'functionConfig'], 'key order kept');
      assert.ok(run.output.endsWith(`"items":[],"functionConfig":{"apiVersion":"kobold/v1alpha3","kind":"List","items":["${NEW}"]}}`));
    });

    it('in CRLF', () => {
      const input = crlf(json());
      const run = runResourceList(input);
      assert.ok(!/(^|[^\r])\n/.test(run.output), 'no bare LF');
      assert.ok(run.output.endsWith('}\r\n'));
      assert.deepEqual(resultsIn(run.output), plain(run.results));
      assert.equal(run.results[0]?.severity, 'info');
    });

    it('an empty flow ResourceList gets a results entry too', () => {
      const input = `{"apiVersion": "config.kubernetes.io/v1", "kind": "ResourceList", "items": [], "functionConfig": {"apiVersion": "kobold/v1alpha3", "kind": "List", "items": ["${NEW}"]}}`;
      const run = runResourceList(input);
      assert.deepEqual(JSON.parse(run.output), { ...JSON.parse(input), results: [] });
    });
  });
});

describe('ResourceList: items', () => {
  const UNPARSABLE = '- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: broken, name: again}\n  data:\n    a: *undefined-anchor\n    a: duplicate key\n';

  it('passes an item without marker text through byte for byte, without parsing it (it would be rejected)', () => {
    const input = `${RESOURCE_LIST_HEADER}${LIST_CONFIG}items:\n${UNPARSABLE}${pod('web')}`;
    const run = runResourceList(input);
    assert.equal(run.hasError, false, JSON.stringify(run.results));
    assertAppended(input.replace(OLD, NEW), run.output);
    assert.equal(run.results.length, 1);
    assert.equal(run.results[0].field?.path, 'spec.containers[0].image');
  });

  it('the same item with marker text is parsed, and rejected: proof that it was not parsed before', () => {
    const marked = UNPARSABLE.replace('name: again}', `name: again} # kobold: tag: ^1; type: semver`);
    const input = `${RESOURCE_LIST_HEADER}${LIST_CONFIG}items:\n${marked}${pod('web')}`;
    const run = runResourceList(input);
    assert.equal(run.hasError, true);
    const errors = run.results.filter((r) => r.severity === 'error');
    assert.equal(errors.length, 1);
    const line = input.split('\n').findIndex((l) => l.includes('*undefined-anchor')) + 1;
    const column = input.split('\n')[line - 1].indexOf('*undefined-anchor') + 1;
    assert.equal(line, 15);
    assert.equal(errors[0].message, `stdin items[0], line ${line}, column ${column}: invalid YAML: alias *undefined-anchor has no anchor before it`);
    assertAppended(input, run.output);
  });

  it('keeps every item, in order, and changes only the marked ones', () => {
    const configMap = '- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: c # a comment\n  data:\n    image: docker.io/acme/app:1.0.0\n';
    const input = `${RESOURCE_LIST_HEADER}items:\n${pod('a')}${configMap}${pod('b')}${LIST_CONFIG}`;
    const run = runResourceList(input);
    assertAppended(`${RESOURCE_LIST_HEADER}items:\n${pod('a').replace(OLD, NEW)}${configMap}${pod('b').replace(OLD, NEW)}${LIST_CONFIG}`, run.output);
    assert.deepEqual(run.results.map((r) => r.resourceRef?.name), ['a', 'b']);
  });

  it('applies the markers annotation of an item whose first marker text is a comment', () => {
    // The annotation's rule points off the comment marker's path, where a reader that only keeps
    // that path (as for items without the annotation) would find nothing.
    const annotated = `- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: a # kobold: tag: ^1; type: semver\n    annotations:\n      kobold/markers: "spec.initContainers[0].image: tag: ^1; type: semver"\n  spec:\n    initContainers:\n    - image: ${OLD}\n`;
    // The annotation's name as a plain value in the next item: no rule, its image stays.
    const next = `- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: b\n  data:\n    note: kobold/markers\n    image: ${OLD}\n`;
    const input = `${RESOURCE_LIST_HEADER}items:\n${annotated}${next}${LIST_CONFIG}`;
    const run = runResourceList(input);
    assert.equal(run.hasError, false, JSON.stringify(run.results));
    assertAppended(`${RESOURCE_LIST_HEADER}items:\n${annotated.replace(OLD, NEW)}${next}${LIST_CONFIG}`, run.output);
    assert.deepEqual(run.results.map((r) => [r.severity, r.resourceRef?.name, r.field?.path]), [
      ['warning', 'a', 'metadata.name'],
      ['info', 'a', 'spec.initContainers[0].image'],
    ]);
  });

  it('takes items that are mappings without a plain key first, among plain ones at column 0', () => {
    const others = '- {apiVersion: v1, kind: ConfigMap, metadata: {name: flow}}\n- "apiVersion": v1\n  kind: ConfigMap\n- # a comment first\n  apiVersion: v1\n  kind: ConfigMap\n';
    const input = `${RESOURCE_LIST_HEADER}items:\n${pod('a')}${others}${pod('b')}${LIST_CONFIG}`;
    const run = runResourceList(input);
    assert.equal(run.hasError, false, JSON.stringify(run.results));
    assertAppended(`${RESOURCE_LIST_HEADER}items:\n${pod('a').replace(OLD, NEW)}${others}${pod('b').replace(OLD, NEW)}${LIST_CONFIG}`, run.output);
  });

  it('refuses a scalar item after plain ones at column 0, naming it', () => {
    const input = `${RESOURCE_LIST_HEADER}items:\n${pod('a')}${pod('b')}- just text\n${LIST_CONFIG}`;
    const run = runResourceList(input);
    assert.equal(run.hasError, true);
    assert.match(run.results[0].message, /^stdin items\[2\], line \d+, column 1: not a resource: expected a mapping/);
  });

  it('names a marked item with malformed YAML by its index among the items before it', () => {
    const broken = '- apiVersion: v1\n  kind: ConfigMap\n  data: {a: 1, a: *two} # kobold: tag: ^1; type: semver\n';
    const input = `${RESOURCE_LIST_HEADER}items:\n${pod('a')}- # a mapping, not plainly\n  kind: Pod\n${pod('b')}${broken}${pod('c')}${LIST_CONFIG}`;
    const run = runResourceList(input);
    assert.equal(run.hasError, true);
    const line = input.split('\n').findIndex((text) => text.includes('a: *two')) + 1;
    assert.match(run.results[0].message, new RegExp(`^stdin items\\[3\\], line ${line}, column \\d+: invalid YAML: alias \\*two has no anchor`));
  });

  it('finds a plain item line at column 0 after the other top-level keys: malformed YAML, the input back with an error, never an item left out', () => {
    const input = `${RESOURCE_LIST_HEADER}items:\n${pod('a')}${LIST_CONFIG}${pod('b')}`;
    const run = runResourceList(input);
    assert.equal(run.hasError, true, JSON.stringify(run.results));
    assert.equal(run.output.slice(0, input.length), input, 'the input comes back unchanged');
    assert.match(run.results[0].message, /^stdin, line \d+, column \d+: invalid YAML/);
  });

  it('finds a plain item line at column 0 before items: malformed YAML, an InputError (no ResourceList to write back), never an item left out', () => {
    const input = `${pod('b')}${RESOURCE_LIST_HEADER}items:\n${pod('a')}${LIST_CONFIG}`;
    assert.throws(() => runResourceList(input), (error: unknown) => error instanceof InputError && /^stdin, line \d+, column \d+: invalid YAML/.test(error.message));
  });

  it('items in a flow sequence inside a block ResourceList', () => {
    const input = `${RESOURCE_LIST_HEADER}items: [{apiVersion: v1, kind: Pod, metadata: {name: f}, image: ${OLD}, ${MARKER}\n  }]\n${LIST_CONFIG}`;
    const run = runResourceList(input);
    assertAppended(input.replace(OLD, NEW), run.output);
    assert.equal(run.results[0].field?.path, 'image');
  });

  it('items indented under items:', () => {
    const input = `${RESOURCE_LIST_HEADER}items:\n${pod('web').replace(/^(?=.)/gm, '  ')}${LIST_CONFIG}`;
    const run = runResourceList(input);
    assertAppended(input.replace(OLD, NEW), run.output);
    assert.equal(run.results.length, 1);
  });

  for (const [name, items] of [
    ['absent', ''],
    ['null', 'items: null\n'],
    ['~', 'items: ~\n'],
    ['empty (no value)', 'items:\n'],
    ['an empty list', 'items: []\n'],
  ] as const) {
    it(`items ${name}: no error, the ResourceList back with results: []`, () => {
      const input = `${RESOURCE_LIST_HEADER}${LIST_CONFIG}${items}`;
      const run = runResourceList(input);
      assert.deepEqual(run.results, []);
      assertAppended(input, run.output);
      assert.deepEqual(resultsIn(run.output), []);
    });
  }

  it('accepts the v1alpha1 ResourceList and keys in any order', () => {
    const input = `items:\n${pod('web')}${LIST_CONFIG}kind: ResourceList\napiVersion: config.kubernetes.io/v1alpha1\n`;
    const run = runResourceList(input);
    assertAppended(input.replace(OLD, NEW), run.output);
    assert.equal(run.results.length, 1);
  });
});

describe('ResourceList: resources and files in results', () => {
  const annotated = (annotations: string): string =>
    `${RESOURCE_LIST_HEADER}items:\n- apiVersion: apps/v1\n  kind: Deployment\n  metadata:\n    name: web\n    annotations:\n${annotations}  spec:\n    image: ${OLD} ${MARKER}\n    other: docker.io/acme/app:1.0.0 # kobold: tag: ^1; type: bogus\n${LIST_CONFIG}`;

  const fileOf = (annotations: string): unknown[] => {
    const run = runResourceList(annotated(annotations));
    assert.equal(run.results.length, 2, JSON.stringify(run.results));
    assert.deepEqual(run.results.map((r) => r.severity).sort(), ['info', 'warning']);
    return run.results.map((r) => r.file);
  };

  it('file from config.kubernetes.io/path and index (on info and warning results alike)', () => {
    const files = fileOf(`      config.kubernetes.io/path: 'deploy/web.yaml'\n      config.kubernetes.io/index: '2'\n`);
    assert.deepEqual(files, [{ path: 'deploy/web.yaml', index: 2 }, { path: 'deploy/web.yaml', index: 2 }]);
  });

  it('file from the internal.config.kubernetes.io forms', () => {
    const files = fileOf(`      internal.config.kubernetes.io/path: "web.yaml"\n      internal.config.kubernetes.io/index: "0"\n`);
    assert.deepEqual(files, [{ path: 'web.yaml', index: 0 }, { path: 'web.yaml', index: 0 }]);
  });

  it('the config.kubernetes.io annotations win over the internal ones', () => {
    const files = fileOf(
      `      internal.config.kubernetes.io/path: internal.yaml\n      internal.config.kubernetes.io/index: '5'\n      config.kubernetes.io/path: public.yaml\n      config.kubernetes.io/index: '1'\n`,
    );
    assert.deepEqual(files[0], { path: 'public.yaml', index: 1 });
  });

  it('a path without an index gives a file without an index', () => {
    assert.deepEqual(fileOf(`      config.kubernetes.io/path: web.yaml\n`)[0], { path: 'web.yaml' });
  });

  it('no annotations, no file', () => {
    assert.deepEqual(fileOf(`      other: x\n`), [undefined, undefined]);
  });

  it('the input kpt 1.0.0-beta.56 really sends: file, resourceRef and the update', function () {
    const capture = join(SHARED, 'clients', 'kpt-1.0.0-beta.56-fn-eval-input.yaml');
    if (!existsSync(capture)) skipWith(this, '../shared/clients is not beside the project');
    const input = readFileSync(capture, 'utf8');
    const run = runResourceList(input);
    assert.equal(run.hasError, false);
    assert.deepEqual(run.results, [
      {
        message: 'updated image ref "my.org/amazing/app" to "my.org/amazing/app:v1.2.3"',
        severity: 'info',
        resourceRef: { apiVersion: 'v1', kind: 'Pod', name: 'my-pod' },
        field: { path: 'spec.containers[0].image', currentValue: 'my.org/amazing/app', proposedValue: 'my.org/amazing/app:v1.2.3' },
        file: { path: 'pod.yaml', index: 0 },
      },
    ]);
    assertAppended(input.replace('image: my.org/amazing/app #', 'image: my.org/amazing/app:v1.2.3 #'), run.output);
    assertKptReadableFields(run.output);
  });
});

describe('ResourceList: functionConfig kinds', () => {
  const withConfig = (config: string): string => `${RESOURCE_LIST_HEADER}items:\n${pod('web')}${config}`;
  const kinds: Array<[string, string]> = [
    ['kobold/v1alpha3 List', `functionConfig:\n  apiVersion: kobold/v1alpha3\n  kind: List\n  items:\n  - docker.io/other/x:1.0.0\n  - ${NEW}\n`],
    ['kobold/v1alpha3 ImageRefUpdater', `functionConfig:\n  apiVersion: kobold/v1alpha3\n  kind: ImageRefUpdater\n  metadata: {name: u}\n  items: [${NEW}]\n`],
    ['v1 ConfigMap, comma separated (what kpt -- images=... sends)', `functionConfig:\n  apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: function-input}\n  data: {images: "docker.io/other/x:1.0.0,${NEW}"}\n`],
    ['v1 ConfigMap, separated by spaces', `functionConfig:\n  apiVersion: v1\n  kind: ConfigMap\n  data:\n    images: docker.io/other/x:1.0.0   ${NEW}\n`],
    ['v1 ConfigMap, one per line', `functionConfig:\n  apiVersion: v1\n  kind: ConfigMap\n  data:\n    images: |\n      docker.io/other/x:1.0.0\n\n      ${NEW}\n`],
    ['v1 ConfigMap, commas, spaces and newlines mixed', `functionConfig:\n  apiVersion: v1\n  kind: ConfigMap\n  data:\n    images: " , docker.io/other/x:1.0.0 ,\\n , ${NEW},"\n`],
    ['a flow functionConfig', `functionConfig: {apiVersion: kobold/v1alpha3, kind: List, items: [${NEW}]}\n`],
  ];
  for (const [name, config] of kinds) {
    it(`${name}: updates the marked field`, () => {
      const input = withConfig(config);
      const run = runResourceList(input);
      assert.deepEqual(run.results.map((r) => [r.severity, r.message]), [['info', INFO_MESSAGE]]);
      assertAppended(input.replace(OLD, NEW), run.output);
    });
  }

  it('an invalid reference in the functionConfig is a warning; the others still apply', () => {
    const input = withConfig(`functionConfig:\n  apiVersion: kobold/v1alpha3\n  kind: List\n  items: ['not a reference', docker.io/acme/app, ${NEW}]\n`);
    const run = runResourceList(input);
    assert.equal(run.hasError, false);
    assert.deepEqual(run.results.map((r) => r.severity), ['warning', 'warning', 'info']);
    assert.match(run.results[0].message, /not a reference/);
    assert.match(run.results[1].message, /docker\.io\/acme\/app/);
    assertAppended(input.replace(OLD, NEW), run.output);
  });
});

describe('ResourceList: configuration errors', () => {
  const ALLOWED = 'kobold/v1alpha3 List, kobold/v1alpha3 ImageRefUpdater, v1 ConfigMap';
  const errors: Array<[string, string, RegExp]> = [
    ['no functionConfig', '', new RegExp(`^no functionConfig: .*${ALLOWED}`)],
    ['functionConfig: (null)', 'functionConfig:\n', new RegExp(`^no functionConfig: .*${ALLOWED}`)],
    ['functionConfig: ~', 'functionConfig: ~\n', new RegExp(`^no functionConfig: .*${ALLOWED}`)],
    ['a scalar functionConfig', 'functionConfig: images\n', /^functionConfig must be a mapping/],
    ['a list functionConfig', `functionConfig: [${NEW}]\n`, /^functionConfig must be a mapping/],
    ['an unknown kind', `functionConfig:\n  apiVersion: kobold/v1alpha3\n  kind: Foo\n  items: [${NEW}]\n`, new RegExp(`^functionConfig apiVersion "kobold/v1alpha3" kind "Foo" is not supported: use one of ${ALLOWED}$`)],
    ['an unknown apiVersion', `functionConfig:\n  apiVersion: kobold/v1alpha2\n  kind: List\n  items: [${NEW}]\n`, new RegExp(`^functionConfig apiVersion "kobold/v1alpha2" kind "List" is not supported: use one of ${ALLOWED}$`)],
    ['a List without items', 'functionConfig:\n  apiVersion: kobold/v1alpha3\n  kind: List\n', /^functionConfig items is missing$/],
    ['a List whose items is not a list', `functionConfig:\n  apiVersion: kobold/v1alpha3\n  kind: List\n  items: ${NEW}\n`, /^functionConfig items must be array$/],
    ['a non-string item', `functionConfig:\n  apiVersion: kobold/v1alpha3\n  kind: ImageRefUpdater\n  items:\n  - ${NEW}\n  - {image: x}\n`, /^functionConfig items\[1\] must be string$/],
    ['a ConfigMap without data', 'functionConfig:\n  apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: x}\n', /^functionConfig data is missing$/],
    ['a ConfigMap without images', 'functionConfig:\n  apiVersion: v1\n  kind: ConfigMap\n  data: {other: x}\n', /^functionConfig data\.images is missing$/],
    ['an empty ConfigMap images', 'functionConfig:\n  apiVersion: v1\n  kind: ConfigMap\n  data: {images: ""}\n', /^functionConfig data\.images must name at least one image reference$/],
    ['a ConfigMap images of separators only', 'functionConfig:\n  apiVersion: v1\n  kind: ConfigMap\n  data: {images: " ,\\n, "}\n', /^functionConfig data\.images must name at least one image reference$/],
  ];
  for (const [name, config, message] of errors) {
    it(`${name}: an error result, the items unchanged`, () => {
      for (const eol of ['\n', '\r\n']) {
        const lf = `${RESOURCE_LIST_HEADER}items:\n${pod('web')}${config}`;
        const input = eol === '\n' ? lf : crlf(lf);
        const run = runResourceList(input);
        assert.equal(run.hasError, true);
        assert.equal(run.results.length, 1, JSON.stringify(run.results));
        assert.equal(run.results[0].severity, 'error');
        assert.match(run.results[0].message, message);
        assert.ok(!run.results[0].message.includes('\n'), 'one line');
        assertAppended(input, run.output, eol);
        assert.deepEqual(resultsIn(run.output), plain(run.results));
      }
    });
  }

  it('items that are not a list: an error result with line and column, the ResourceList back unchanged', () => {
    const input = `${RESOURCE_LIST_HEADER}${LIST_CONFIG}items: {apiVersion: v1, kind: Pod}\n`;
    const run = runResourceList(input);
    assert.equal(run.hasError, true);
    assert.equal(run.results.length, 1);
    assert.match(run.results[0].message, /ResourceList items must be a list/);
    assert.match(run.results[0].message, /^stdin, line 10, column 8: /);
    assertAppended(input, run.output);
  });

  it('input that is no ResourceList throws (there is no ResourceList to write back): its code, and its place in stdin', () => {
    const two = `${RESOURCE_LIST_HEADER}items: []\n---\n${RESOURCE_LIST_HEADER}items: []\n`;
    const cases: Array<[string, string, ProblemPlace, RegExp]> = [
      ['apiVersion: v1\nkind: Pod\n', 'NOT_A_RESOURCE_LIST', { input: 'stdin' }, /^not a ResourceList: found apiVersion "v1" kind "Pod"/],
      [two, 'NOT_A_RESOURCE_LIST', { input: 'stdin', position: { line: 4, column: 1, offset: two.indexOf('---') } }, /^expected one ResourceList, found 2 YAML documents$/],
      ['', 'NOT_A_RESOURCE_LIST', { input: 'stdin' }, /^empty input/],
      ['- a\n', 'NOT_A_RESOURCE_LIST', { input: 'stdin', position: { line: 1, column: 1, offset: 0 } }, /^not a ResourceList: the document is not a mapping$/],
      [`${RESOURCE_LIST_HEADER}items: []\n]\n`, 'INVALID_YAML', { input: 'stdin', position: { line: 4, column: 1, offset: RESOURCE_LIST_HEADER.length + 10 } }, /^invalid YAML: /],
    ];
    for (const [input, code, place, problem] of cases) {
      assert.throws(() => runResourceList(input), (error: InputError) => {
        assert.deepEqual([error.code, error.place], [code, place], JSON.stringify(input));
        assert.match(error.problem, problem);
        return true;
      });
    }
  });

  it('parse helpers agree: the results round-trip through yaml.parse', () => {
    const input = `${RESOURCE_LIST_HEADER}items:\n${pod('web')}`;
    const parsed = parse(runResourceList(input).output) as { results: Array<{ severity: string }> };
    assert.equal(parsed.results[0].severity, 'error');
  });
});
