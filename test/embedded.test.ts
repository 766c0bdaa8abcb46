/**
 * Markers inside embedded YAML (SPEC 10): literal block scalars whose content is YAML with markers,
 * through the library on whole streams, and what the results and annotation rules say about them.
 */
import { strict as assert } from 'assert';
import { parse, parseAllDocuments } from 'yaml';
import { Result, updateImageRefs } from '../src/index';
import { MAX_EMBEDDED_DEPTH, scalarRootWarning } from '../src/update/embedded';
import { MARKER } from './support/samples';
import { withReplacements } from './support/text';

const OLD = 'my.org/app:1.0.0';
const NEW = 'my.org/app:1.2.3';

/** [severity, field path, message] of each result. */
function summary(results: readonly Result[]): Array<[string, string | undefined, string]> {
  return results.map((result) => [result.severity, result.field?.path, result.message]);
}

/** Runs the library on `source`; the output must parse, and a second run must change nothing. */
function run(source: string, refs: readonly string[] = [NEW]): { output: string; results: Result[] } {
  const first = updateImageRefs(source, refs, 'in.yaml');
  for (const doc of parseAllDocuments(first.output) as Array<{ errors: unknown[] }>) assert.deepEqual(doc.errors, [], 'the output parses');
  const second = updateImageRefs(first.output, refs, 'in.yaml');
  assert.equal(second.output, first.output, 'a second run changes nothing');
  assert.deepEqual(second.results.filter((result) => result.severity === 'info'), [], 'a second run reports no change');
  return first;
}

const UPDATED = `updated image ref ${JSON.stringify(OLD)} to ${JSON.stringify(NEW)}`;

const APPLICATION = `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: app
  namespace: argocd
spec:
  source:
    repoURL: https://charts.example.org
    chart: app
    helm:
      values: |
        # values of the chart
        image:
          repository: my.org/app
          tag: v1.0.0 # kobold: tag: ^1; type: semver; part: tag; context: my.org/app
        replicas: 2
`;

describe('markers inside embedded YAML', () => {
  it('updates a marker in an Argo CD Application\'s helm values, naming the field OUTER|inner and the outer resource', () => {
    const { output, results } = run(APPLICATION, ['my.org/app:v1.2.0']);
    assert.equal(output, APPLICATION.replace('tag: v1.0.0 #', 'tag: v1.2.0 #'));
    assert.deepEqual(results, [
      {
        message: 'updated image ref "v1.0.0" to "v1.2.0"',
        severity: 'info',
        resourceRef: { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', name: 'app', namespace: 'argocd' },
        field: { path: 'spec.source.helm.values|image.tag', currentValue: 'v1.0.0', proposedValue: 'v1.2.0' },
        file: { path: 'in.yaml', index: 0 },
      },
    ]);
    assert.equal(parse(parse(output).spec.source.helm.values).image.tag, 'v1.2.0');
  });

  describe('every chomping and indentation indicator', () => {
    const headers: Record<string, [string, string]> = {
      '|': ['|', '    '],
      '|-': ['|-', '    '],
      '|+': ['|+', '    '],
      '|2 (content at the indicated indentation)': ['|2', '    '],
      '|1 (content a space deeper than indicated)': ['|1', '    '],
      '|-2': ['|-2', '    '],
      '|2+': ['|2+', '    '],
      '| with content indented by 6': ['|', '      '],
    };
    for (const [name, [header, indent]] of Object.entries(headers)) {
      it(`${name}: the marker inside is updated, the block scalar's value stays what it was but for the image`, () => {
        const source = `kind: ConfigMap\ndata:\n  values.yaml: ${header}\n${indent}image: ${OLD} ${MARKER}\n${indent}other: x\n\n  next: y\n`;
        const { output, results } = run(source);
        assert.equal(output, source.replace(`image: ${OLD}`, `image: ${NEW}`));
        assert.deepEqual(summary(results), [['info', 'data["values.yaml"]|image', UPDATED]]);
        const before = parse(source).data['values.yaml'] as string;
        assert.equal(parse(output).data['values.yaml'], before.replace(OLD, NEW));
      });
    }
  });

  it('keeps CRLF line breaks', () => {
    const source = `kind: ConfigMap\r\ndata:\r\n  values.yaml: |\r\n    image: ${OLD} ${MARKER}\r\n\r\n    tag: x\r\n`;
    const { output, results } = run(source);
    assert.equal(output, source.replace(OLD, NEW));
    assert.deepEqual(summary(results), [['info', 'data["values.yaml"]|image', UPDATED]]);
  });

  it('a marker on the last line of the input, without a line break', () => {
    const source = `values: |-\n  image: ${OLD} ${MARKER}`;
    assert.equal(run(source).output, source.replace(OLD, NEW));
  });

  it('tabs inside the content: after the indentation and before a comment', () => {
    const source = `values: |\n  a:\t1\n  image: ${OLD}\t${MARKER}\n`;
    assert.equal(run(source).output, source.replace(OLD, NEW));
  });

  it('a block scalar that is a sequence item, and one in a sequence inside embedded YAML', () => {
    const source = `args:\n- |\n  image: ${OLD} ${MARKER}\n- |\n  - |\n    image: ${OLD} ${MARKER}\n`;
    const { output, results } = run(source);
    assert.equal(output, source.replaceAll(OLD, NEW));
    assert.deepEqual(
      summary(results).map(([, path]) => path),
      ['args[0]|image', 'args[1]|[0]|image'],
    );
  });

  it('an embedded stream of several documents (---): each one is read', () => {
    const source = `values: |\n  a: ${OLD} ${MARKER}\n  ---\n  # no marker here\n  x: 1\n  ---\n  - ${OLD} ${MARKER}\n`;
    const { output, results } = run(source);
    assert.equal(output, source.replaceAll(OLD, NEW));
    assert.deepEqual(
      summary(results).map(([, path]) => path),
      ['values|a', 'values|[0]'],
    );
  });

  it('an anchor inside: one result and one change, which the alias reads', () => {
    const source = `values: |\n  base: &img ${OLD} ${MARKER}\n  copy: *img\n`;
    const { output, results } = run(source);
    assert.equal(output, source.replace(OLD, NEW));
    assert.deepEqual(summary(results), [['info', 'values|base', UPDATED]]);
    assert.deepEqual(parse(parse(output).values), { base: NEW, copy: NEW });
  });

  it('follows the quoting rules of SPEC 6 for the embedded document', () => {
    const source = [
      'values: |',
      '  plain: 1.0 # kobold: tag: ^1; type: semver; part: tag; context: my.org/app',
      "  single: '1.0' # kobold: tag: ^1; type: semver; part: tag; context: my.org/app",
      '  flow: [1.0, 2] # not marked',
      '  inFlow: {t: 1.0, # kobold: tag: ^1; type: semver; part: tag; context: my.org/app',
      '    }',
      '',
    ].join('\n');
    const { output } = run(source, ['my.org/app:1.10']);
    const values = parse(parse(output).values);
    assert.deepEqual(values, { plain: '1.10', single: '1.10', flow: [1.0, 2], inFlow: { t: '1.10' } });
    assert.equal(output, withReplacements(source, [['plain: 1.0 #', 'plain: "1.10" #'], ["single: '1.0' #", "single: '1.10' #"], ['{t: 1.0, #', '{t: "1.10", #']]));
  });

  it('reports an invalid marker and a marker on an alias inside, with the path inside', () => {
    const source = `values: |\n  bad: x # kobold: tag: ^1; typo: semver\n  a: &a ${OLD}\n  b: *a ${MARKER}\n`;
    const { output, results } = run(source);
    assert.equal(output, source);
    assert.deepEqual(summary(results), [
      ['warning', 'values|b', 'a marker on the alias *a is not supported: put it on the anchored value'],
      ['warning', 'values|bad', 'invalid marker: unknown key "typo": expected one of type, tag, part, context'],
    ]);
  });

  describe('content that is no YAML with fields: left alone with a warning naming the field, line and column inside', () => {
    const cases: Record<string, [string, string]> = {
      'content that does not parse': [`values: |\n  ok: 1\n  image: a: ${OLD} ${MARKER}\n`, 'embedded YAML document 0, line 2, column 8: invalid YAML: Nested mappings are not allowed in compact mappings'],
      'a scalar root': [`values: |\n  ${OLD} ${MARKER}\n`, 'embedded YAML document 0, line 1, column 1: its root is a scalar, not a mapping or a sequence'],
      'a scalar root after a mapping, in its own document': [`values: |\n  a: 1\n  ---\n  \n  text ${MARKER}\n`, 'embedded YAML document 1, line 4, column 1: its root is a scalar, not a mapping or a sequence'],
      'a directive without a document after it (the stream cannot be split)': [`values: |\n  %YAML 1.2\n  a: ${OLD} ${MARKER}\n`, 'embedded YAML document 0, line 1, column 1: a directive must be followed by a --- line'],
    };
    for (const [name, [source, message]] of Object.entries(cases)) {
      it(name, () => {
        const { output, results } = run(source);
        assert.equal(output, source);
        assert.equal(results.length, 1, JSON.stringify(results));
        assert.equal(results[0].severity, 'warning');
        assert.equal(results[0].field?.path, 'values');
        assert.equal(results[0].message, message);
      });
    }
  });

  it('a scalar root is a warning as data: NOT_A_COLLECTION, in embedded YAML, the document and the position in the content', () => {
    const content = 'a: 1\n---\ntext\n';
    assert.deepEqual(scalarRootWarning(content, { start: 5, end: content.length, kind: 'document', index: 1 }, 9), {
      code: 'NOT_A_COLLECTION',
      problem: 'its root is a scalar, not a mapping or a sequence',
      place: { input: 'embedded YAML', unit: { kind: 'document', index: 1 }, position: { line: 3, column: 1, offset: 9 } },
    });
  });

  it('says nothing about a document of only comments, a marker commented out: there is no field', () => {
    for (const source of [`values: |\n  # image: ${OLD} ${MARKER}\n`, `values: |\n  a: 1\n  ---\n  # image: ${OLD} ${MARKER}\n`]) {
      assert.deepEqual(run(source), { output: source, results: [] });
    }
  });

  it('warns about an alias at the root', () => {
    const source = `values: |\n  *a ${MARKER}\n`;
    const { results } = run(source);
    assert.deepEqual(summary(results), [['warning', 'values', 'embedded YAML document 0, line 1, column 1: invalid YAML: alias *a has no anchor before it']]);
  });

  it('leaves a folded block scalar alone without a word: its content is text', () => {
    const source = `values: >\n  image: ${OLD} ${MARKER}\n`;
    assert.deepEqual(run(source), { output: source, results: [] });
  });

  it('still warns about a marker on the block scalar\'s own header', () => {
    const source = `values: | ${MARKER}\n  image: ${OLD} ${MARKER}\n`;
    const { output, results } = run(source);
    assert.equal(output, source.replace(`image: ${OLD}`, `image: ${NEW}`));
    assert.deepEqual(summary(results), [
      ['warning', 'values', 'a marker on a block scalar (| or >) is not supported: write the value as a plain or quoted scalar'],
      ['info', 'values|image', UPDATED],
    ]);
  });

  describe('nesting', () => {
    /** A block scalar `levels` deep with a marker in the innermost one, and the path of that field. */
    function nested(levels: number): { source: string; path: string } {
      let body = [`image: ${OLD} ${MARKER}`];
      for (let level = 1; level < levels; level++) body = ['values: |', ...body.map((line) => `  ${line}`)];
      return { source: ['values: |', ...body.map((line) => `  ${line}`), ''].join('\n'), path: [...Array<string>(levels).fill('values'), 'image'].join('|') };
    }

    for (let levels = 1; levels <= MAX_EMBEDDED_DEPTH; levels++) {
      it(`${levels} level${levels === 1 ? '' : 's'} deep: updated`, () => {
        const { source, path } = nested(levels);
        const { output, results } = run(source);
        assert.equal(output, source.replace(OLD, NEW));
        assert.deepEqual(summary(results), [['info', path, UPDATED]]);
      });
    }

    it(`${MAX_EMBEDDED_DEPTH + 1} levels deep: left alone with a warning on the block scalar that is too deep`, () => {
      const { source, path } = nested(MAX_EMBEDDED_DEPTH + 1);
      const { output, results } = run(source);
      assert.equal(output, source);
      assert.deepEqual(summary(results), [['warning', path.replace(/\|image$/, ''), 'embedded YAML more than 4 block scalars deep is not read: its markers are left alone']]);
    });
  });

  describe('kobold/markers rules through |', () => {
    /** An Application with the annotation `rules` and helm values without comment markers. */
    const annotated = (rules: string[], values = ['image:', '  repository: my.org/app', '  tag: v1.0.0']): string =>
      [
        'apiVersion: argoproj.io/v1alpha1',
        'kind: Application',
        'metadata:',
        '  name: app',
        '  annotations:',
        '    kobold/markers: |',
        ...rules.map((rule) => `      ${rule}`),
        'spec:',
        '  source:',
        '    helm:',
        '      values: |',
        ...values.map((line) => `        ${line}`),
        '',
      ].join('\n');
    const TAG_RULE = 'spec.source.helm.values|image.tag: tag: ^1; type: semver; part: tag; context: my.org/app';

    it('reads a block scalar without marker text that a rule reaches into', () => {
      const source = annotated([TAG_RULE]);
      const { output, results } = run(source, ['my.org/app:v1.2.0']);
      assert.equal(output, source.replace('  tag: v1.0.0', '  tag: v1.2.0'));
      assert.deepEqual(summary(results), [['info', 'spec.source.helm.values|image.tag', 'updated image ref "v1.0.0" to "v1.2.0"']]);
    });

    it('reaches nested embedded YAML, and every item with [*]', () => {
      const source = annotated(['spec.source.helm.values|jobs[*].values|image: tag: ^1; type: semver'], ['jobs:', '- values: |', `    image: ${OLD}`, '- values: |', `    image: ${OLD}`]);
      const { output, results } = run(source);
      assert.equal(output, source.replaceAll(OLD, NEW));
      assert.deepEqual(
        summary(results).map(([, path]) => path),
        ['spec.source.helm.values|jobs[0].values|image', 'spec.source.helm.values|jobs[1].values|image'],
      );
    });

    it('a comment marker inside wins over a rule for the same field', () => {
      const source = annotated(['spec.source.helm.values|image.tag: tag: v1.1.0; type: exact; part: tag; context: my.org/app'], ['image:', '  tag: v1.0.0 # kobold: tag: ^1; type: semver; part: tag; context: my.org/app']);
      const { output } = run(source, ['my.org/app:v1.1.0', 'my.org/app:v1.2.0']);
      assert.equal(output, source.replace('tag: v1.0.0 #', 'tag: v1.2.0 #'));
    });

    it('warns about a path that reaches no literal block scalar, and one that reaches nothing inside, naming the line', () => {
      const source = annotated(['spec.source.helm|image: tag: ^1; type: semver', 'spec.source.helm.values|image.nothing: tag: ^1; type: semver']);
      const { output, results } = run(source);
      assert.equal(output, source);
      assert.deepEqual(summary(results), [
        ['warning', undefined, 'kobold/markers line 1: the path spec.source.helm|image reaches no literal block scalar (|) to read as YAML'],
        ['warning', 'spec.source.helm.values', 'kobold/markers line 2: the path spec.source.helm.values|image.nothing reaches no plain or quoted scalar'],
      ]);
    });

    it('a rule that reaches a field in one document of an embedded stream is no warning for the others', () => {
      const source = annotated(['spec.source.helm.values|image: tag: ^1; type: semver'], [`image: ${OLD}`, '---', 'other: 1']);
      const { output, results } = run(source);
      assert.equal(output, source.replace(OLD, NEW));
      assert.deepEqual(summary(results), [['info', 'spec.source.helm.values|image', UPDATED]]);
    });

    it('warns about content that a rule reads and that does not parse', () => {
      const source = annotated([TAG_RULE], ['image: [unclosed']);
      const { results } = run(source);
      assert.equal(results.length, 1);
      assert.equal(results[0].field?.path, 'spec.source.helm.values');
      assert.equal(results[0].message, 'embedded YAML document 0, line 2, column 1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]');
    });
  });

  it('a stream of 200,000 documents with one marker, in the last: each document is looked at once (linear time)', function () {
    this.timeout(60_000);
    const documents = Array.from({ length: 200_000 }, (_, index) => `  a: ${index}\n  ---\n`).join('');
    const source = `values: |\n${documents}  image: ${OLD} ${MARKER}\n`;
    const started = Date.now();
    const { output, results } = updateImageRefs(source, [NEW]);
    assert.ok(Date.now() - started < 6_000, `took ${Date.now() - started} ms`);
    assert.equal(output, source.replace(OLD, NEW));
    assert.deepEqual(summary(results), [['info', 'values|image', UPDATED]]);
  });

  it('only block scalars with marker text are read: others may hold anything', () => {
    const source = `script: |\n  not: [yaml\nvalues: |\n  image: ${OLD} ${MARKER}\n`;
    const { output, results } = run(source);
    assert.equal(output, source.replace(OLD, NEW));
    assert.deepEqual(summary(results), [['info', 'values|image', UPDATED]]);
  });
});
