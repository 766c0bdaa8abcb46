/**
 * What real clients send: the built CLI in KRM mode (a ResourceList on stdin) on the stdin captures
 * of kpt and kustomize in ../shared/clients/ (skipped when that folder is absent), on a copy of the
 * kustomize capture with a kobold/markers annotation and on one with a block scalar of embedded YAML
 * (test/fixtures/e2e/clients/), and a real
 * `kustomize build --enable-alpha-plugins --enable-exec` (skipped when kustomize is not on PATH).
 */
import { strict as assert } from 'assert';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { parse, parseAllDocuments } from 'yaml';
import { CLI, E2E_FIXTURES, ensureBuilt, onPath, run, runCli, SHARED, skipWith, TempDirs } from '../support/process';
import { withReplacements } from '../support/text';

/** ../shared/clients next to the repository (/work/shared/clients on the development machine). */
const CLIENTS_DIR = existsSync(join(SHARED, 'clients')) ? join(SHARED, 'clients') : undefined;
const KPT_CAPTURE = 'kpt-1.0.0-beta.56-fn-eval-input.yaml';
const KUSTOMIZE_CAPTURE = 'kustomize-v5.0.3-transformer-input.yaml';
const KUSTOMIZE_WITH_MARKERS = join(E2E_FIXTURES, 'clients', 'kustomize-v5.0.3-transformer-input.markers.yaml');
const KUSTOMIZE_WITH_EMBEDDED = join(E2E_FIXTURES, 'clients', 'kustomize-v5.0.3-transformer-input.embedded.yaml');

/** The lines the fixture adds to the kustomize capture (SPEC 3b). */
const MARKER_ANNOTATION_LINES = '      kobold/markers: |\n        spec.containers[*].image: tag: ^1; type: semver\n';

/**
 * The lines the embedded fixture adds to the kustomize capture (SPEC 10): a block scalar of Helm
 * values, whose content keeps its comments under kustomize, and an annotation rule that reaches inside.
 */
const EMBEDDED_LINES = `      example.com/helm-values: |
        image:
          repository: my.org/amazing/app
          tag: v1.0.0
        sidecar: my.org/amazing/app:v1.0.0 # kobold: tag: ^1; type: semver
      kobold/markers: |
        metadata.annotations["example.com/helm-values"]|image.tag: tag: ^1; type: semver; part: tag; context: my.org/amazing/app
`;

const DIGEST = 'sha256:220611111e8c9bbe242e9dc1367c0fa89eef83f26203ee3f7c3764046e02b248';

function capture(name: string): string {
  return readFileSync(join(CLIENTS_DIR!, name), 'utf8');
}

/**
 * Splits the CLI's output into the part that must equal `expectedPrefix` byte for byte and the
 * appended `results:` block, parsed; YAML aliases are refused, since kpt rejects them.
 */
function splitResults(stdout: string, expectedPrefix: string): unknown[] {
  assert.equal(stdout.slice(0, expectedPrefix.length), expectedPrefix, 'everything before the results block must be the input with only the image changed');
  const block = stdout.slice(expectedPrefix.length);
  assert.match(block, /^results:/, `expected a results block appended at the end, got:\n${block}`);
  const parsed = parse(block, { maxAliasCount: 0 }) as { results: unknown[] };
  assert.deepEqual(Object.keys(parsed), ['results']);
  return parsed.results;
}

describe('e2e: real client input', function () {
  const temp = new TempDirs();

  before(function () {
    this.timeout(180_000);
    ensureBuilt();
  });

  afterEach(() => temp.cleanup());

  describe('captures in shared/clients', function () {
    beforeEach(function () {
      if (CLIENTS_DIR === undefined) skipWith(this, 'the captures folder ../shared/clients (/work/shared/clients) does not exist');
    });

    it('kpt fn eval input: byte-identical except the updated image line and an appended results block', function () {
      const input = capture(KPT_CAPTURE);
      const outcome = runCli([], { input });
      assert.equal(outcome.status, 0, outcome.stderr);
      assert.equal(outcome.stderr, '');
      const expected = withReplacements(input, [
        ['image: my.org/amazing/app # kobold: tag: ^1; type: semver\n', 'image: my.org/amazing/app:v1.2.3 # kobold: tag: ^1; type: semver\n'],
      ]);
      assert.deepEqual(splitResults(outcome.stdout, expected), [
        {
          message: 'updated image ref "my.org/amazing/app" to "my.org/amazing/app:v1.2.3"',
          severity: 'info',
          resourceRef: { apiVersion: 'v1', kind: 'Pod', name: 'my-pod' },
          field: { path: 'spec.containers[0].image', currentValue: 'my.org/amazing/app', proposedValue: 'my.org/amazing/app:v1.2.3' },
          file: { path: 'pod.yaml', index: 0 },
        },
      ]);
    });

    it('kustomize transformer input as captured: no comment survives kustomize, so nothing changes', function () {
      const input = capture(KUSTOMIZE_CAPTURE);
      assert.ok(!input.includes('#'), 'the capture has no comments');
      const outcome = runCli([], { input });
      assert.equal(outcome.status, 0, outcome.stderr);
      assert.deepEqual(splitResults(outcome.stdout, input), []);
    });

    it('the fixture copy is the kustomize capture plus the kobold/markers annotation, nothing else', function () {
      const fixture = readFileSync(KUSTOMIZE_WITH_MARKERS, 'utf8');
      assert.equal(fixture.split(MARKER_ANNOTATION_LINES).length, 2, 'the annotation lines occur once');
      assert.equal(fixture.replace(MARKER_ANNOTATION_LINES, ''), capture(KUSTOMIZE_CAPTURE));
    });

    it('the embedded fixture copy is the kustomize capture plus a block scalar and its annotation rule, nothing else', function () {
      const fixture = readFileSync(KUSTOMIZE_WITH_EMBEDDED, 'utf8');
      assert.equal(fixture.split(EMBEDDED_LINES).length, 2, 'the added lines occur once');
      assert.equal(fixture.replace(EMBEDDED_LINES, ''), capture(KUSTOMIZE_CAPTURE));
    });
  });

  it('kustomize transformer input with a kobold/markers annotation: the image is updated (SPEC 3b)', function () {
    const input = readFileSync(KUSTOMIZE_WITH_MARKERS, 'utf8');
    const outcome = runCli([], { input });
    assert.equal(outcome.status, 0, outcome.stderr);
    assert.equal(outcome.stderr, '');
    const next = `my.org/amazing/app:v1.2.3@${DIGEST}`;
    const expected = withReplacements(input, [['    - image: my.org/amazing/app\n', `    - image: ${next}\n`]]);
    assert.deepEqual(splitResults(outcome.stdout, expected), [
      {
        message: `updated image ref "my.org/amazing/app" to "${next}"`,
        severity: 'info',
        resourceRef: { apiVersion: 'v1', kind: 'Pod', name: 'my-pod' },
        field: { path: 'spec.containers[0].image', currentValue: 'my.org/amazing/app', proposedValue: next },
      },
    ]);
  });

  it('kustomize transformer input with embedded YAML: the comment marker inside the block scalar and the annotation rule through | both work (SPEC 10)', function () {
    const input = readFileSync(KUSTOMIZE_WITH_EMBEDDED, 'utf8');
    const outcome = runCli([], { input });
    assert.equal(outcome.status, 0, outcome.stderr);
    assert.equal(outcome.stderr, '');
    const next = `my.org/amazing/app:v1.2.3@${DIGEST}`;
    const expected = withReplacements(input, [
      ['          tag: v1.0.0\n', '          tag: v1.2.3\n'],
      ['sidecar: my.org/amazing/app:v1.0.0 #', `sidecar: ${next} #`],
    ]);
    const pod = { apiVersion: 'v1', kind: 'Pod', name: 'my-pod' };
    assert.deepEqual(splitResults(outcome.stdout, expected), [
      {
        message: `updated image ref "my.org/amazing/app:v1.0.0" to "${next}"`,
        severity: 'info',
        resourceRef: pod,
        field: { path: 'metadata.annotations["example.com/helm-values"]|sidecar', currentValue: 'my.org/amazing/app:v1.0.0', proposedValue: next },
      },
      {
        message: 'updated image ref "v1.0.0" to "v1.2.3"',
        severity: 'info',
        resourceRef: pod,
        field: { path: 'metadata.annotations["example.com/helm-values"]|image.tag', currentValue: 'v1.0.0', proposedValue: 'v1.2.3' },
      },
    ]);
    const values = parse(parse(expected).items[0].metadata.annotations['example.com/helm-values']);
    assert.deepEqual(values, { image: { repository: 'my.org/amazing/app', tag: 'v1.2.3' }, sidecar: next });
  });

  it('kustomize build --enable-alpha-plugins --enable-exec with an ImageRefUpdater transformer', function () {
    if (!onPath('kustomize')) skipWith(this, 'kustomize is not on PATH');
    const { path: base } = temp.copyFixture(join('kustomize-build', 'base'), 'base');
    const template = readFileSync(join(E2E_FIXTURES, 'kustomize-build', 'image-ref-updater.template.yaml'), 'utf8');
    writeFileSync(join(base, 'image-ref-updater.yaml'), template.replaceAll('{{EXEC}}', CLI));

    const outcome = run('kustomize', ['build', base, '--enable-alpha-plugins', '--enable-exec']);
    assert.equal(outcome.status, 0, `kustomize exited ${outcome.status}:\n${outcome.stderr}`);
    const docs = parseAllDocuments(outcome.stdout).map((doc) => doc.toJS());
    assert.equal(docs.length, 1, outcome.stdout);

    // kustomize drops comments and reorders keys, so the output is compared as data: the source
    // Deployment with the three marked images updated and nothing else changed, the annotation included.
    const expected = parse(readFileSync(join(base, 'deployment.yaml'), 'utf8'));
    const spec = expected.spec.template.spec;
    spec.containers[0].image = 'docker.io/foo/baz:1.2.3';
    spec.containers[1].image = 'ghcr.io/acme/proxy:1.5.0';
    spec.initContainers[0].image = 'docker.io/foo/migrate:2.3.4'; // ~2.3: not 2.4.0
    assert.deepEqual(docs[0], expected);
  });
});
