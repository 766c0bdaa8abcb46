/**
 * End to end through kpt: `kpt fn eval` and `kpt fn render` run the built CLI (dist/cli.js) on a
 * copy of test/fixtures/e2e/kpt-pkg, and the tests check every file byte for byte afterwards, the
 * results kpt prints, and the exit code. Skipped, with a note in the test title, when kpt is not on
 * PATH.
 *
 * The package is written in kpt's own canonical form (one space before a comment, sequences
 * indented the way kpt keeps them), because kpt re-serialises every file it writes back; the test
 * "kpt's own normalisation" shows that this is kpt's doing, not the function's.
 */
import { strict as assert } from 'assert';
import { parse } from 'yaml';
import { readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { join } from 'path';
import { CLI, describeRun, E2E_FIXTURES, ensureBuilt, onPath, readTree, REPO, run, runCli, RunResult, skipWith, TempDirs } from '../support/process';
import { kptResultLines, withReplacements } from '../support/text';

/** The image references every functionConfig of these tests carries, in this order. */
const IMAGE_REFS = [
  'docker.io/foo/baz:1.4.0',
  'docker.io/foo/baz:1.10.2',
  'docker.io/foo/baz:1.9.0',
  'ghcr.io/acme/proxy:v2.1.7',
  'quay.io/acme/metrics:3.1.0',
  'docker.io/foo/legacy:1.1.0',
  'busybox:1.36.1',
  'ghcr.io/stefanprodan/podinfo:6.7.1@sha256:2222222222222222222222222222222222222222222222222222222222222222',
  'redis:7.10',
  'registry.example.com/team/guestbook:v1.3.0',
];

const OLD_DIGEST = `sha256:${'1'.repeat(64)}`;
const NEW_DIGEST = `sha256:${'2'.repeat(64)}`;

/**
 * The only changes the function may make to kpt-pkg, per file. Every other byte, comments included,
 * must stay as it is. Left alone on purpose: the metrics container (its marker ^4 does not match
 * 3.1.0), the worker container (1.20.0 is above every incoming version: no downgrade), the legacy
 * container (invalid marker type), and everything without a marker.
 */
const PACKAGE_CHANGES: Record<string, ReadonlyArray<readonly [string, string]>> = {
  'deployment.yaml': [
    // SPEC D3: 1.4.0, 1.10.2 and 1.9.0 all match ^1; the highest wins, not the last
    ['image: docker.io/foo/baz:1.0.0 # kobold:', 'image: docker.io/foo/baz:1.10.2 # kobold:'],
    ['image: "ghcr.io/acme/proxy:v2.1.0" # kobold:', 'image: "ghcr.io/acme/proxy:v2.1.7" # kobold:'],
  ],
  'jobs/cronjob.yaml': [
    ['image: docker.io/foo/baz:1.0.0 # kobold:', 'image: docker.io/foo/baz:1.10.2 # kobold:'],
    ['image: busybox:1.36.0 # kobold:', 'image: busybox:1.36.1 # kobold:'],
  ],
  'apps/helmrelease.yaml': [
    ['tag: "6.5.0" # kobold:', 'tag: "6.7.1" # kobold:'],
    [`digest: ${OLD_DIGEST} # kobold:`, `digest: ${NEW_DIGEST} # kobold:`],
    // a plain 1.10-like value would read back as the number 7.1: it must be quoted
    ['tag: 7.2 # kobold:', 'tag: "7.10" # kobold:'],
  ],
  'apps/argocd/application.yaml': [['tag: v1.0.0 # kobold:', 'tag: v1.3.0 # kobold:']],
  'kustomize/kustomization.yaml': [['newTag: 1.0.0 # kobold:', 'newTag: 1.10.2 # kobold:']],
};

/** The info results kpt prints for one run of the function on kpt-pkg (order aside). */
const INFO_LINES = [
  '[info] apps/v1/Deployment/prod/app spec.template.spec.containers[0].image: updated image ref "docker.io/foo/baz:1.0.0" to "docker.io/foo/baz:1.10.2"',
  '[info] apps/v1/Deployment/prod/app spec.template.spec.containers[1].image: updated image ref "ghcr.io/acme/proxy:v2.1.0" to "ghcr.io/acme/proxy:v2.1.7"',
  '[info] batch/v1/CronJob/prod/nightly spec.jobTemplate.spec.template.spec.initContainers[0].image: updated image ref "docker.io/foo/baz:1.0.0" to "docker.io/foo/baz:1.10.2"',
  '[info] batch/v1/CronJob/prod/nightly spec.jobTemplate.spec.template.spec.containers[0].image: updated image ref "busybox:1.36.0" to "busybox:1.36.1"',
  '[info] helm.toolkit.fluxcd.io/v2/HelmRelease/apps/podinfo spec.values.image.tag: updated image ref "6.5.0" to "6.7.1"',
  `[info] helm.toolkit.fluxcd.io/v2/HelmRelease/apps/podinfo spec.values.image.digest: updated image ref "${OLD_DIGEST}" to "${NEW_DIGEST}"`,
  '[info] helm.toolkit.fluxcd.io/v2/HelmRelease/apps/podinfo spec.values.redis.tag: updated image ref "7.2" to "7.10"',
  '[info] argoproj.io/v1alpha1/Application/argocd/guestbook spec.source.helm.valuesObject.image.tag: updated image ref "v1.0.0" to "v1.3.0"',
  '[info] kustomize.config.k8s.io/v1beta1/Kustomization/overlay images[0].newTag: updated image ref "1.0.0" to "1.10.2"',
].sort();

/** The field of the legacy container, whose marker type is invalid, and kpt's line for its warning. */
const LEGACY_FIELD = 'spec.template.spec.containers[4].image';
const WARNING_LINE = `[warning] apps/v1/Deployment/prod/app ${LEGACY_FIELD}: invalid marker: type "semantic" is not supported: use exact, semver, regex (lower case)`;

/** The package tree as it must be after one run: the original with only PACKAGE_CHANGES applied. */
function expectedTree(original: Record<string, string>): Record<string, string> {
  const expected = { ...original };
  for (const [file, changes] of Object.entries(PACKAGE_CHANGES)) {
    assert.ok(file in expected, `test setup: ${file} is not in the package`);
    expected[file] = withReplacements(expected[file], changes);
  }
  return expected;
}

function kptOutput(outcome: RunResult): string {
  return `${outcome.stdout}\n${outcome.stderr}`;
}

/** Asserts the result lines of a successful run on kpt-pkg: exactly the info lines, and the one warning. */
function assertPackageResults(outcome: RunResult): void {
  const lines = kptResultLines(kptOutput(outcome));
  assert.deepEqual(lines.filter((line) => line.startsWith('[info]')).sort(), INFO_LINES, describeRun('kpt', outcome));
  assert.deepEqual(lines.filter((line) => line.startsWith('[warning]')), [WARNING_LINE], `one warning, the invalid marker type:\n${describeRun('kpt', outcome)}`);
  assert.equal(lines.filter((line) => line.startsWith('[error]')).length, 0, describeRun('kpt', outcome));
}

function kptEval(pkg: string, args: readonly string[], cwd?: string): RunResult {
  return run('kpt', ['fn', 'eval', pkg, '--exec', CLI, '--truncate-output=false', ...args], { cwd });
}

describe('e2e: kpt', function () {
  const temp = new TempDirs();

  before(function () {
    this.timeout(180_000);
    ensureBuilt();
  });

  beforeEach(function () {
    if (!onPath('kpt')) skipWith(this, 'kpt is not on PATH');
  });

  afterEach(() => temp.cleanup());

  /** A fresh copy of kpt-pkg at TMP/pkg, with its original tree. */
  function freshPackage(): { dir: string; pkg: string; original: Record<string, string> } {
    const { dir, path } = temp.copyFixture('kpt-pkg', 'pkg');
    return { dir, pkg: path, original: readTree(path) };
  }

  describe('kpt fn eval --fn-config', function () {
    const kinds = [
      { file: 'list.yaml', what: 'kobold/v1alpha3 List' },
      { file: 'image-ref-updater.yaml', what: 'kobold/v1alpha3 ImageRefUpdater' },
      { file: 'configmap.yaml', what: 'v1 ConfigMap with data.images' },
    ];
    for (const { file, what } of kinds) {
      it(`updates the marked fields, and only them, with a ${what} functionConfig`, function () {
        const { dir, pkg, original } = freshPackage();
        const resultsDir = join(dir, 'results');
        const outcome = kptEval(pkg, ['--fn-config', join(E2E_FIXTURES, 'fn-configs', file), '--results-dir', resultsDir]);
        assert.equal(outcome.status, 0, describeRun('kpt', outcome));
        assert.deepEqual(readTree(pkg), expectedTree(original));
        assertPackageResults(outcome);
      });
    }

    it('hands kpt structured results with resourceRef, field and file (path and index)', function () {
      const { dir, pkg } = freshPackage();
      const resultsDir = join(dir, 'results');
      const outcome = kptEval(pkg, ['--fn-config', join(E2E_FIXTURES, 'fn-configs', 'list.yaml'), '--results-dir', resultsDir]);
      assert.equal(outcome.status, 0, describeRun('kpt', outcome));
      const list = parse(readFileSync(join(resultsDir, 'results.yaml'), 'utf8')) as {
        exitCode: number;
        items: Array<{ exec: string; exitCode: number; results: Array<Record<string, unknown>> }>;
      };
      assert.equal(list.exitCode, 0);
      assert.equal(list.items.length, 1);
      assert.equal(list.items[0].exec, CLI);
      const results = list.items[0].results;
      assert.equal(results.filter((result) => result.severity === 'info').length, INFO_LINES.length);
      const digest = results.find((result) => (result.field as { path?: string } | undefined)?.path === 'spec.values.image.digest');
      // The HelmRelease is the second document of apps/helmrelease.yaml: index 1.
      assert.deepEqual(digest, {
        message: `updated image ref "${OLD_DIGEST}" to "${NEW_DIGEST}"`,
        severity: 'info',
        resourceRef: { apiVersion: 'helm.toolkit.fluxcd.io/v2', kind: 'HelmRelease', name: 'podinfo', namespace: 'apps' },
        field: { path: 'spec.values.image.digest', currentValue: OLD_DIGEST, proposedValue: NEW_DIGEST },
        file: { path: 'apps/helmrelease.yaml', index: 1 },
      });
      const init = results.find((result) => (result.field as { path?: string } | undefined)?.path === 'spec.jobTemplate.spec.template.spec.initContainers[0].image');
      assert.deepEqual(init?.resourceRef, { apiVersion: 'batch/v1', kind: 'CronJob', name: 'nightly', namespace: 'prod' });
      // kpt leaves index 0 out of results.yaml
      assert.deepEqual(init?.file, { path: 'jobs/cronjob.yaml' });
    });
  });

  it('kpt fn eval -- images=REF1,REF2,... (kpt sends a v1 ConfigMap with data.images)', function () {
    const { pkg, original } = freshPackage();
    const outcome = kptEval(pkg, ['--', `images=${IMAGE_REFS.join(',')}`]);
    assert.equal(outcome.status, 0, describeRun('kpt', outcome));
    assert.deepEqual(readTree(pkg), expectedTree(original));
    assertPackageResults(outcome);
  });

  it('prints the field path of a warning once (kpt already prefixes results with field.path)', function () {
    const { pkg } = freshPackage();
    const outcome = kptEval(pkg, ['--fn-config', join(E2E_FIXTURES, 'fn-configs', 'list.yaml')]);
    assert.equal(outcome.status, 0, describeRun('kpt', outcome));
    const warnings = kptResultLines(kptOutput(outcome)).filter((line) => line.startsWith('[warning]'));
    // WARNING_LINE has the path once, in kpt's prefix: the message does not repeat it.
    assert.deepEqual(warnings, [WARNING_LINE], describeRun('kpt', outcome));
  });

  it('a second run with the same functionConfig changes nothing', function () {
    const { pkg, original } = freshPackage();
    const fnConfig = join(E2E_FIXTURES, 'fn-configs', 'list.yaml');
    const first = kptEval(pkg, ['--fn-config', fnConfig]);
    assert.equal(first.status, 0, describeRun('kpt', first));
    assert.deepEqual(readTree(pkg), expectedTree(original));

    const second = kptEval(pkg, ['--fn-config', fnConfig]);
    assert.equal(second.status, 0, describeRun('kpt', second));
    assert.deepEqual(readTree(pkg), expectedTree(original));
    const lines = kptResultLines(kptOutput(second));
    // No update any more; the invalid marker is still reported, on every run.
    assert.deepEqual(lines, [WARNING_LINE], describeRun('kpt', second));
  });

  describe('configuration errors', function () {
    it('functionConfig kind Foo: exit non-zero, the error printed, every file untouched', function () {
      const { pkg, original } = freshPackage();
      const outcome = kptEval(pkg, ['--fn-config', join(E2E_FIXTURES, 'fn-configs', 'kind-foo.yaml')]);
      assert.notEqual(outcome.status, 0, describeRun('kpt', outcome));
      assert.deepEqual(readTree(pkg), original);
      const output = kptOutput(outcome);
      const errors = kptResultLines(output).filter((line) => line.startsWith('[error]'));
      assert.equal(errors.length, 1, describeRun('kpt', outcome));
      for (const expected of ['kind "Foo"', 'kobold/v1alpha3 List', 'kobold/v1alpha3 ImageRefUpdater', 'v1 ConfigMap']) {
        assert.ok(errors[0].includes(expected), `the error should mention ${expected}: ${errors[0]}`);
      }
      assert.match(output, /Exit code: 1\b/, 'kpt reports the function exit code 1');
      assert.equal(kptResultLines(output).filter((line) => line.startsWith('[info]')).length, 0);
    });

    it('no functionConfig at all: exit non-zero, an error result, every file untouched', function () {
      const { pkg, original } = freshPackage();
      const outcome = kptEval(pkg, []);
      assert.notEqual(outcome.status, 0, describeRun('kpt', outcome));
      assert.deepEqual(readTree(pkg), original);
      const errors = kptResultLines(kptOutput(outcome)).filter((line) => line.startsWith('[error]'));
      assert.equal(errors.length, 1, describeRun('kpt', outcome));
      assert.match(errors[0], /functionConfig/);
      assert.match(kptOutput(outcome), /Exit code: 1\b/);
    });
  });

  describe('kpt fn render --allow-exec with a Kptfile pipeline', function () {
    /** kpt-pkg plus fn-config.yaml and a Kptfile whose mutator execs `exec`. */
    function renderPackage(exec: string): { pkg: string; original: Record<string, string> } {
      const { pkg } = freshPackage();
      writeFileSync(join(pkg, 'fn-config.yaml'), readFileSync(join(E2E_FIXTURES, 'kpt-render', 'fn-config.yaml')));
      const template = readFileSync(join(E2E_FIXTURES, 'kpt-render', 'Kptfile.template'), 'utf8');
      writeFileSync(join(pkg, 'Kptfile'), template.replaceAll('{{EXEC}}', exec));
      return { pkg, original: readTree(pkg) };
    }

    it('runs the pipeline mutator on the package (absolute exec path)', function () {
      const { pkg, original } = renderPackage(CLI);
      const outcome = run('kpt', ['fn', 'render', pkg, '--allow-exec', '--truncate-output=false']);
      assert.equal(outcome.status, 0, describeRun('kpt', outcome));
      // Kptfile and fn-config.yaml are passed to the function too, and come back unchanged.
      assert.deepEqual(readTree(pkg), expectedTree(original));
      assertPackageResults(outcome);
      assert.match(kptOutput(outcome), /Successfully executed 1 function\(s\) in 1 package\(s\)\./);
    });

    it('a relative exec path is resolved against kpt\'s working directory, not the Kptfile\'s (kpt behaviour)', function () {
      // The package lives in a temp dir with no dist/ in it: the run only works because kpt runs in the repo root.
      const { pkg, original } = renderPackage('./dist/cli.js');
      const outcome = run('kpt', ['fn', 'render', pkg, '--allow-exec', '--truncate-output=false'], { cwd: REPO });
      assert.equal(outcome.status, 0, describeRun('kpt', outcome));
      assert.deepEqual(readTree(pkg), expectedTree(original));
      assertPackageResults(outcome);
    });
  });

  describe("kpt's own normalisation (not the function's)", function () {
    const original = readFileSync(join(E2E_FIXTURES, 'kpt-normalise', 'pkg', 'pod.yaml'), 'utf8');
    const canonical = readFileSync(join(E2E_FIXTURES, 'kpt-normalise', 'pod.kpt-canonical.yaml'), 'utf8');

    it('kpt rewrites a file into its canonical form even when the function changes nothing', function () {
      // kpt: indentation to 2 spaces, sequences re-indented, one space before a comment, blank
      // lines dropped, flow sequences re-spaced, a folded block scalar turned into a quoted string.
      const { path: pkg } = temp.copyFixture(join('kpt-normalise', 'pkg'), 'pkg');
      const outcome = kptEval(pkg, ['--', 'images=docker.io/foo/unrelated:1.0.0']);
      assert.equal(outcome.status, 0, describeRun('kpt', outcome));
      assert.equal(kptResultLines(kptOutput(outcome)).length, 0, 'the function reported no change');
      assert.equal(readFileSync(join(pkg, 'pod.yaml'), 'utf8'), canonical);
    });

    it('with an update: kpt\'s canonical form plus the changed value; the function alone changes only the value', function () {
      const { path: pkg } = temp.copyFixture(join('kpt-normalise', 'pkg'), 'pkg');
      const outcome = kptEval(pkg, ['--', 'images=docker.io/foo/baz:1.2.0']);
      assert.equal(outcome.status, 0, describeRun('kpt', outcome));
      assert.equal(
        readFileSync(join(pkg, 'pod.yaml'), 'utf8'),
        withReplacements(canonical, [['image: docker.io/foo/baz:1.0.0 #', 'image: docker.io/foo/baz:1.2.0 #']]),
      );
      assert.deepEqual(kptResultLines(kptOutput(outcome)), [
        '[info] v1/Pod/odd spec.containers[0].image: updated image ref "docker.io/foo/baz:1.0.0" to "docker.io/foo/baz:1.2.0"',
      ]);

      // The same file through the function without kpt: every other byte is kept, the six spaces
      // before the comment included.
      const { dir } = temp.copyFixture(join('kpt-normalise', 'pkg'), 'pkg');
      writeFileSync(join(dir, 'fn-config.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fc\ndata:\n  images: docker.io/foo/baz:1.2.0\n');
      const alone = runCli(['fn-config.yaml', 'pkg/pod.yaml'], { cwd: dir });
      assert.equal(alone.status, 0, alone.stderr);
      assert.equal(alone.stdout, withReplacements(original, [['image: docker.io/foo/baz:1.0.0      #', 'image: docker.io/foo/baz:1.2.0      #']]));
    });
  });
});

describe('e2e: the built CLI as kpt executes it', function () {
  it('a clean `npm run build` yields an executable dist/cli.js (kpt --exec runs the file itself)', function () {
    this.timeout(180_000);
    // Removed first: the build script must set the mode itself, not inherit it from an old file.
    const cli = join(REPO, 'dist', 'cli.js');
    rmSync(cli, { force: true });
    const build = run('npm', ['run', 'build', '--silent']);
    assert.equal(build.status, 0, `${build.stdout}${build.stderr}`);
    const mode = statSync(cli).mode;
    assert.ok((mode & 0o111) !== 0, `dist/cli.js is built with mode ${(mode & 0o777).toString(8)}: kpt --exec fails with "permission denied"`);
    assert.ok(readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n'), 'dist/cli.js needs its shebang line');
  });
});
