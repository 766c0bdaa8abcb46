import { strict as assert } from 'assert';
import { applyEdits } from '../src/output/edits';
import { checkImageRefs } from '../src/krm/fn-config';
import { LiteNode } from '../src/yaml/lite-tree';
import { annotation, resourceOrigin } from '../src/update/resource-origin';
import { MARKERS_ANNOTATION } from '../src/markers/prescreen';
import { FieldDecider } from '../src/match/field-decider';
import { FileRef, Result } from '../src/output/results';
import { readSimpleYaml } from '../src/yaml/fast-reader';
import { updateResource } from '../src/update/resource';
import { composedTree, digestOf } from './support/samples';

const D1 = digestOf('1');
const D2 = digestOf('2');



interface Run {
  output: string;
  results: Result[];
}

function runOn(tree: LiteNode, source: string, refs: readonly string[], fallbackFile?: FileRef): Run {
  const checked = checkImageRefs(refs);
  assert.deepEqual(checked.warnings, [], 'test references should be valid');
  const { edits, results } = updateResource(source, tree, new FieldDecider(checked.refs), fallbackFile);
  return { output: applyEdits(source, edits), results };
}

/**
 * Updates one resource composed by the yaml library; when the simple block reader also takes the
 * resource, it must give the same output and results.
 */
function run(source: string, refs: readonly string[], fallbackFile?: FileRef): Run {
  const composed = runOn(composedTree(source), source, refs, fallbackFile);
  const simple = readSimpleYaml(source, 0, source.length, false);
  if (simple !== null) assert.deepEqual(runOn(simple, source, refs, fallbackFile), composed, 'the simple reader and the composer should agree');
  return composed;
}

/** [field path, message] of each result. */
function fieldMessages(results: readonly Result[]): Array<[string | undefined, string]> {
  return results.map((result) => [result.field?.path, result.message]);
}

function messages(results: readonly Result[], severity?: Result['severity']): string[] {
  return results.filter((result) => severity === undefined || result.severity === severity).map((result) => result.message);
}

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
  namespace: prod
  annotations:
    config.kubernetes.io/path: deploy.yaml
    config.kubernetes.io/index: '2'
spec:
  template:
    spec:
      containers:
        - name: app
          image: docker.io/foo/baz:1.0.0 # kobold: tag: ^1; type: semver
`;

const DEPLOYMENT_REF = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'app', namespace: 'prod' };

describe('updateResource', () => {
  describe('edits and info results', () => {
    it('replaces only the changed scalar and reports it in kpt v1 shape', () => {
      const { output, results } = run(DEPLOYMENT, ['docker.io/foo/baz:1.2.3']);
      assert.equal(output, DEPLOYMENT.replace('docker.io/foo/baz:1.0.0 #', 'docker.io/foo/baz:1.2.3 #'));
      assert.deepEqual(results, [
        {
          message: 'updated image ref "docker.io/foo/baz:1.0.0" to "docker.io/foo/baz:1.2.3"',
          severity: 'info',
          resourceRef: DEPLOYMENT_REF,
          field: {
            path: 'spec.template.spec.containers[0].image',
            currentValue: 'docker.io/foo/baz:1.0.0',
            proposedValue: 'docker.io/foo/baz:1.2.3',
          },
          file: { path: 'deploy.yaml', index: 2 },
        },
      ]);
    });

    it('changes nothing and reports nothing when no reference applies', () => {
      assert.deepEqual(run(DEPLOYMENT, ['docker.io/foo/baz:2.0.0', 'docker.io/foo/other:1.5.0']), { output: DEPLOYMENT, results: [] });
      assert.deepEqual(run(DEPLOYMENT, []), { output: DEPLOYMENT, results: [] });
    });

    it('keeps the quotes of a quoted scalar', () => {
      const source = 'a: "busybox:1.0" # kobold: tag: ^1; type: semver\nb: \'busybox:1.0\' # kobold: tag: ^1; type: semver\n';
      assert.equal(run(source, ['busybox:1.2']).output, 'a: "busybox:1.2" # kobold: tag: ^1; type: semver\nb: \'busybox:1.2\' # kobold: tag: ^1; type: semver\n');
    });

    it('double-quotes a plain value that would read as a number', () => {
      const source = 'tag: 1 # kobold: tag: ^1; type: semver; part: tag; context: busybox\n';
      const { output, results } = run(source, ['busybox:1.10']);
      assert.equal(output, 'tag: "1.10" # kobold: tag: ^1; type: semver; part: tag; context: busybox\n');
      assert.deepEqual(results[0].field, { path: 'tag', currentValue: '1', proposedValue: '1.10' });
    });

    it('updates inside flow collections, keeping the flow layout', () => {
      const source = 'z: {k: busybox:1 # kobold: tag: .*; type: regex\n  , other: x}\nl: [busybox:1.0, "busybox:1.0" # kobold: tag: ^1; type: semver\n  ]\n';
      const { output, results } = run(source, ['busybox:1.10']);
      assert.equal(output, 'z: {k: busybox:1.10 # kobold: tag: .*; type: regex\n  , other: x}\nl: [busybox:1.0, "busybox:1.10" # kobold: tag: ^1; type: semver\n  ]\n');
      assert.deepEqual(results.map((result) => result.field?.path).sort(), ['l[1]', 'z.k']);
    });

    it('updates a digest part and a tag+digest part', () => {
      const source = [
        `digest: ${D1} # kobold: tag: 1.2; type: exact; part: digest; context: busybox`,
        `both: 1.0@${D1} # kobold: tag: ^1; type: semver; part: tag+digest; context: docker.io/library/busybox`,
        '',
      ].join('\n');
      const { output } = run(source, [`busybox:1.2@${D2}`]);
      assert.equal(output, source.replace(`digest: ${D1}`, `digest: ${D2}`).replace(`both: 1.0@${D1}`, `both: 1.2@${D2}`));
    });

    it('updates a sequence item and writes its index in the path', () => {
      const source = 'images:\n  - busybox:1.0 # kobold: tag: ^1; type: semver\n  - nginx:1.0 # kobold: tag: ^1; type: semver\n';
      const { output, results } = run(source, ['nginx:1.1']);
      assert.equal(output, 'images:\n  - busybox:1.0 # kobold: tag: ^1; type: semver\n  - nginx:1.1 # kobold: tag: ^1; type: semver\n');
      assert.deepEqual(results, [
        {
          message: 'updated image ref "nginx:1.0" to "nginx:1.1"',
          severity: 'info',
          field: { path: 'images[1]', currentValue: 'nginx:1.0', proposedValue: 'nginx:1.1' },
        },
      ]);
    });

    it('keeps CRLF line ends', () => {
      const source = 'image: busybox:1.0 # kobold: tag: ^1; type: semver\r\nother: x\r\n';
      assert.equal(run(source, ['busybox:1.1']).output, 'image: busybox:1.1 # kobold: tag: ^1; type: semver\r\nother: x\r\n');
    });

    it('reports results in document order', () => {
      const source = 'a: busybox:1.0 # kobold: tag: ^1; type: semver\nb:\n  c: busybox:1.0 # kobold: tag: ^1; type: semver\nd: "busybox:1.0" # kobold: tag: ^1; type: semver\n';
      assert.deepEqual(run(source, ['busybox:1.1']).results.map((result) => result.field?.path), ['a', 'b.c', 'd']);
    });
  });

  describe('warnings', () => {
    it('an invalid marker: a warning with the field, no edit', () => {
      const source = 'image: "docker.io/foo/bar:1.0.0" # kobold: tag: ^1; type: semver; foo: x\n';
      assert.deepEqual(run(source, ['docker.io/foo/bar:1.2.3']), {
        output: source,
        results: [
          {
            message: 'invalid marker: unknown key "foo": expected one of type, tag, part, context',
            severity: 'warning',
            field: { path: 'image', currentValue: 'docker.io/foo/bar:1.0.0' },
          },
        ],
      });
    });

    it('a marker pair without a colon', () => {
      const source = 'image: busybox:1.0 # kobold: tag: ^1; semver\n';
      assert.deepEqual(fieldMessages(run(source, ['busybox:1.2']).results), [['image', 'invalid marker: invalid key value pair " semver": expected "key: value"']]);
    });

    it('a marker that does not compile, even without a reference for it', () => {
      assert.deepEqual(fieldMessages(run('image: busybox:1.0 # kobold: tag: ^1; type: Semver\n', []).results), [
        ['image', 'invalid marker: type "Semver" is not supported: use exact, semver, regex (lower case)'],
      ]);
      assert.deepEqual(fieldMessages(run('tag: "1.0" # kobold: tag: ^1; type: semver; part: tag\n', []).results), [
        ['tag', 'invalid marker: part: tag needs context: the image repository the field belongs to'],
      ]);
      assert.deepEqual(fieldMessages(run('image: busybox:1.0 # kobold: tag: (?<n>x); type: regex\n', []).results), [
        ['image', 'invalid marker: invalid regex: invalid or unsupported Perl syntax: `(?<` (write named groups as (?P<name>...))'],
      ]);
    });

    it('a current value that is not a reference', () => {
      const source = 'image: not a ref # kobold: tag: ^1; type: semver\n';
      assert.deepEqual(run(source, ['busybox:1.2']).results, [
        {
          message: "the field's value is not an image reference: could not parse reference: not a ref",
          severity: 'warning',
          field: { path: 'image', currentValue: 'not a ref' },
        },
      ]);
    });

    it('a digest part without a digest in the reference (D2)', () => {
      const source = `digest: ${D1} # kobold: tag: 1.2; type: exact; part: digest; context: busybox\n`;
      const { output, results } = run(source, ['busybox:1.2']);
      assert.equal(output, source);
      assert.deepEqual(fieldMessages(results), [['digest', '"busybox:1.2" matches but has no digest for this part: digest field']]);
    });

    it('a marker on an alias or a block scalar: a warning naming the field', () => {
      const source = 'a: &x busybox:1.0\nb: *x # kobold: tag: ^1; type: semver\nc: |- # kobold: tag: ^1; type: semver\n  busybox:1.0\n';
      const { output, results } = run(source, ['busybox:1.2']);
      assert.equal(output, source);
      assert.deepEqual(
        results.sort((x, y) => String(x.field?.path).localeCompare(String(y.field?.path))),
        [
          { message: 'a marker on the alias *x is not supported: put it on the anchored value', severity: 'warning', field: { path: 'b' } },
          { message: 'a marker on a block scalar (| or >) is not supported: write the value as a plain or quoted scalar', severity: 'warning', field: { path: 'c' } },
        ],
      );
    });

    it('a marker on an empty value: a warning, whichever reader read the resource', () => {
      const source = 'image: # kobold: tag: ^1; type: semver\nother: x\n';
      const expected = [
        { message: 'a marker on an empty value is not supported: write the current value, even ""', severity: 'warning', field: { path: 'image' } },
      ];
      const simple = readSimpleYaml(source, 0, source.length, false);
      assert.ok(simple !== null);
      assert.deepEqual(runOn(simple, source, ['busybox:1.2']), { output: source, results: expected }, 'simple reader');
      assert.deepEqual(runOn(composedTree(source), source, ['busybox:1.2']), { output: source, results: expected }, 'composer');
    });

    it('carries the resource and file on warnings too', () => {
      const source = DEPLOYMENT.replace('type: semver', 'type: semver; bad');
      const [warning] = run(source, []).results;
      assert.equal(warning.severity, 'warning');
      assert.deepEqual(warning.resourceRef, DEPLOYMENT_REF);
      assert.deepEqual(warning.file, { path: 'deploy.yaml', index: 2 });
    });
  });

  describe('resource and file', () => {
    it('takes the file from the internal.config.kubernetes.io annotations', () => {
      const source = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    internal.config.kubernetes.io/path: a.yaml\n    internal.config.kubernetes.io/index: "1"\nimage: busybox:1 # kobold: tag: ^1; type: semver\n';
      const [info] = run(source, ['busybox:1.5']).results;
      assert.deepEqual(info.resourceRef, { apiVersion: 'v1', kind: 'Pod', name: 'p' });
      assert.deepEqual(info.file, { path: 'a.yaml', index: 1 });
    });

    it('falls back to the file the caller knows', () => {
      const [info] = run('image: busybox:1 # kobold: tag: ^1; type: semver\n', ['busybox:1.5'], { path: 'f.yaml', index: 3 }).results;
      assert.deepEqual(info, {
        message: 'updated image ref "busybox:1" to "busybox:1.5"',
        severity: 'info',
        field: { path: 'image', currentValue: 'busybox:1', proposedValue: 'busybox:1.5' },
        file: { path: 'f.yaml', index: 3 },
      });
    });

    it('prefers the annotations over the fallback', () => {
      const [info] = run(DEPLOYMENT, ['docker.io/foo/baz:1.2.3'], { path: 'other.yaml', index: 7 }).results;
      assert.deepEqual(info.file, { path: 'deploy.yaml', index: 2 });
    });
  });

  describe('a v1 List (kubectl output): each item its own resource', () => {
    const LIST = `apiVersion: v1
kind: List
metadata:
  annotations:
    config.kubernetes.io/path: list.yaml
items:
- apiVersion: v1
  kind: Pod
  metadata:
    name: one
    namespace: ns
  image: busybox:1 # kobold: tag: ^1; type: semver
  tag: "1" # kobold: tag: ^1; type: semverx
- just a string # kobold: tag: ^1; type: semver
- apiVersion: v1
  kind: Pod
  metadata:
    name: two
    annotations:
      kobold/markers: |
        image: tag: ^1; type: semver
        nowhere: tag: ^1; type: semver
  image: busybox:1
`;

    it('names each item in resourceRef, paths from the item, its annotation read; the List keeps what is outside its items', () => {
      const { output, results } = run(LIST, ['busybox:1.5']);
      assert.equal(output, LIST.replace('image: busybox:1 #', 'image: busybox:1.5 #').replace('image: busybox:1\n', 'image: busybox:1.5\n'));
      assert.deepEqual(
        results.map((result) => [result.severity, result.resourceRef?.name, result.field?.path, result.file?.path]),
        [
          ['info', 'one', 'image', 'list.yaml'],
          ['warning', 'one', 'tag', 'list.yaml'],
          ['warning', 'two', undefined, 'list.yaml'],
          ['info', 'two', 'image', 'list.yaml'],
          ['warning', '', 'items[1]', 'list.yaml'],
        ],
      );
    });

    it('is an ordinary resource when it is no v1 List', () => {
      const { results } = run(LIST.replace('apiVersion: v1\nkind: List', 'apiVersion: example.com/v1\nkind: List'), ['busybox:1.5']);
      assert.deepEqual(results.filter((result) => result.severity === 'info').map((result) => [result.resourceRef?.name, result.field?.path]), [['', 'items[0].image']]);
    });
  });

  describe('annotation markers (kobold/markers)', () => {
    const POD = `apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    kobold/markers: |
      spec.containers[*].image: tag: ^1; type: semver
      spec.containers[name=b].image: tag: ~2; type: semver

      # a comment line
      spec.initContainers[name=migrate].image: tag: ~2.3; type: semver
spec:
  initContainers:
    - name: migrate
      image: ghcr.io/org/migrate:2.3.0
  containers:
    - name: a
      image: busybox:1.0 # kobold: tag: 1.0.1; type: exact
    - name: b
      image: nginx:1.0
    - name: c
      image: 'redis:1.0'
`;

    it('applies each line to every scalar its path reaches; the comment marker wins; the annotation is kept', () => {
      const { output, results } = run(POD, ['busybox:1.0.1', 'busybox:1.2', 'nginx:1.5', 'nginx:2.0', 'redis:1.9', 'ghcr.io/org/migrate:2.3.4']);
      assert.equal(
        output,
        POD.replace('image: busybox:1.0 #', 'image: busybox:1.0.1 #')
          .replace('image: nginx:1.0', 'image: nginx:1.5')
          .replace("image: 'redis:1.0'", "image: 'redis:1.9'")
          .replace('image: ghcr.io/org/migrate:2.3.0', 'image: ghcr.io/org/migrate:2.3.4'),
      );
      assert.deepEqual(
        results.map((result) => [result.severity, result.field?.path, result.field?.proposedValue]).sort(),
        [
          ['info', 'spec.containers[0].image', 'busybox:1.0.1'],
          ['info', 'spec.containers[1].image', 'nginx:1.5'],
          ['info', 'spec.containers[2].image', 'redis:1.9'],
          ['info', 'spec.initContainers[0].image', 'ghcr.io/org/migrate:2.3.4'],
        ],
      );
      assert.deepEqual(results.map((result) => result.resourceRef), Array(4).fill({ apiVersion: 'v1', kind: 'Pod', name: 'p' }));
    });

    it('warns about a path that reaches nothing and a malformed line, counting every line', () => {
      const source = `metadata:
  annotations:
    kobold/markers: |
      spec.nothing: tag: x; type: exact

      bad line
      image: tag: ^1; type: semver
image: busybox:1.0
`;
      const { output, results } = run(source, ['busybox:1.1']);
      assert.equal(output, source.replace('image: busybox:1.0', 'image: busybox:1.1'));
      assert.deepEqual(results.filter((result) => result.severity === 'warning'), [
        { message: `${MARKERS_ANNOTATION} line 1: the path spec.nothing reaches no plain or quoted scalar`, severity: 'warning' },
        { message: `${MARKERS_ANNOTATION} line 3: expected ":" after the path at column 5`, severity: 'warning' },
      ]);
      assert.deepEqual(messages(results, 'info'), ['updated image ref "busybox:1.0" to "busybox:1.1"']);
    });

    it('names the whole path, ":" in a [key=value] included, when it reaches nothing', () => {
      const source = 'metadata:\n  annotations:\n    kobold/markers: "spec.c[image=x:1].image: tag: x; type: regex"\n';
      assert.deepEqual(messages(run(source, ['busybox:1.0.1']).results), [
        `${MARKERS_ANNOTATION} line 1: the path spec.c[image=x:1].image reaches no plain or quoted scalar`,
      ]);
    });

    it('warns, and does not throw, for a quoted key with a bad escape', () => {
      const source = "metadata:\n  annotations:\n    kobold/markers: 'data[\"a\\q\"]: tag: x'\n";
      let result: Run | undefined;
      assert.doesNotThrow(() => {
        result = runOn(composedTree(source), source, []);
      });
      assert.equal(result?.output, source);
      assert.deepEqual(result?.results, [{ message: `${MARKERS_ANNOTATION} line 1: quoted key at column 6 has an invalid escape: "a\\q"`, severity: 'warning' }]);
    });

    it('skips block scalars and empty values: a path reaching only those is a warning', () => {
      const source = 'metadata:\n  annotations:\n    kobold/markers: |\n      values: tag: ^1; type: semver\n      empty: tag: ^1; type: semver\nvalues: |\n  busybox:1.0\nempty:\n';
      const { output, results } = run(source, ['busybox:1.1']);
      assert.equal(output, source);
      assert.deepEqual(messages(results), [
        `${MARKERS_ANNOTATION} line 1: the path values reaches no plain or quoted scalar`,
        `${MARKERS_ANNOTATION} line 2: the path empty reaches no plain or quoted scalar`,
      ]);
    });

    it('a later line does not override an earlier one for the same field', () => {
      const source = 'metadata:\n  annotations:\n    kobold/markers: |\n      image: tag: 1.1; type: exact\n      image: tag: ^1; type: semver\nimage: busybox:1.0\n';
      assert.equal(run(source, ['busybox:1.1', 'busybox:1.5']).output, source.replace('image: busybox:1.0', 'image: busybox:1.1'));
    });

    it('reports an invalid marker text of a line on the field', () => {
      const source = 'metadata:\n  annotations:\n    kobold/markers: "image: tag: ^1; typo: semver"\nimage: busybox:1.0\n';
      assert.deepEqual(run(source, ['busybox:1.1']).results, [
        {
          message: 'invalid marker: unknown key "typo": expected one of type, tag, part, context',
          severity: 'warning',
          field: { path: 'image', currentValue: 'busybox:1.0' },
        },
      ]);
    });

    it('never changes the annotation itself, even when a line points at it', () => {
      const source = 'metadata:\n  annotations:\n    kobold/markers: "metadata.annotations[\\"kobold/markers\\"]: tag: .*; type: regex"\n';
      const { output, results } = run(source, ['busybox:1.0.1']);
      assert.equal(output, source);
      assert.deepEqual(messages(results, 'info'), []);
    });

    it('reaches keys with dots through ["..."]', () => {
      const source = 'metadata:\n  annotations:\n    kobold/markers: |\n      data["image.ref"]: tag: ^1; type: semver\ndata:\n  image.ref: busybox:1.0\n';
      const { output, results } = run(source, ['busybox:1.1']);
      assert.equal(output, source.replace('image.ref: busybox:1.0', 'image.ref: busybox:1.1'));
      assert.equal(results[0].field?.path, 'data["image.ref"]');
    });
  });
});

describe('resourceOrigin', () => {
  it('gives apiVersion, kind, name and namespace', () => {
    assert.deepEqual(resourceOrigin(composedTree('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\n  namespace: prod\n')), {
      resourceRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'app', namespace: 'prod' },
    });
  });

  it('leaves out a missing namespace and uses an empty name when there is none', () => {
    assert.deepEqual(resourceOrigin(composedTree('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n')), {
      resourceRef: { apiVersion: 'v1', kind: 'ConfigMap', name: 'cm' },
    });
    assert.deepEqual(resourceOrigin(composedTree('apiVersion: v1\nkind: ConfigMap\n')), { resourceRef: { apiVersion: 'v1', kind: 'ConfigMap', name: '' } });
  });

  it('gives no resourceRef without apiVersion or kind', () => {
    assert.deepEqual(resourceOrigin(composedTree('kind: X\nmetadata:\n  name: n\n')), {});
    assert.deepEqual(resourceOrigin(composedTree('apiVersion: v1\n')), {});
    assert.deepEqual(resourceOrigin(composedTree('- a\n')), {});
  });

  it('reads the file from config.kubernetes.io/path and index', () => {
    const source = "metadata:\n  annotations:\n    config.kubernetes.io/path: 'dir/deploy.yaml'\n    config.kubernetes.io/index: '0'\n";
    assert.deepEqual(resourceOrigin(composedTree(source)), { file: { path: 'dir/deploy.yaml', index: 0 } });
  });

  it('reads the internal. forms', () => {
    const source = 'metadata:\n  annotations:\n    internal.config.kubernetes.io/path: a.yaml\n    internal.config.kubernetes.io/index: "4"\n';
    assert.deepEqual(resourceOrigin(composedTree(source)), { file: { path: 'a.yaml', index: 4 } });
  });

  it('prefers config.kubernetes.io over internal.config.kubernetes.io', () => {
    const source = 'metadata:\n  annotations:\n    internal.config.kubernetes.io/path: b.yaml\n    config.kubernetes.io/path: a.yaml\n    config.kubernetes.io/index: "1"\n    internal.config.kubernetes.io/index: "2"\n';
    assert.deepEqual(resourceOrigin(composedTree(source)), { file: { path: 'a.yaml', index: 1 } });
  });

  it('leaves out an index that is not a number', () => {
    const source = 'metadata:\n  annotations:\n    config.kubernetes.io/path: a.yaml\n    config.kubernetes.io/index: x\n';
    assert.deepEqual(resourceOrigin(composedTree(source)), { file: { path: 'a.yaml' } });
  });

  it('uses the fallback file without a path annotation, even with an index annotation', () => {
    const fallback = { path: 'f.yaml', index: 5 };
    assert.deepEqual(resourceOrigin(composedTree('a: b\n'), fallback), { file: fallback });
    assert.deepEqual(resourceOrigin(composedTree('metadata:\n  annotations:\n    config.kubernetes.io/index: "1"\n'), fallback), { file: fallback });
    assert.deepEqual(resourceOrigin(composedTree('a: b\n')), {});
  });

  it('reads annotations with annotation()', () => {
    const root = composedTree('metadata:\n  annotations:\n    kobold/markers: |\n      a: tag: x\n    other: "1"\n');
    assert.equal(annotation(root, MARKERS_ANNOTATION), 'a: tag: x\n');
    assert.equal(annotation(root, 'other'), '1');
    assert.equal(annotation(root, 'missing'), undefined);
    assert.equal(annotation(composedTree('metadata: {}\n'), 'other'), undefined);
  });
});
