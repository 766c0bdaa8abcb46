/**
 * The standalone mode of the built CLI, `image-ref-updater FN_CONFIG [FILE...|-]`, on files kpt
 * would refuse (not KRM): a docker compose file and plain Helm values. The updated documents go to
 * stdout, byte for byte as they came in except the changed values; the results go to stderr as YAML;
 * the files themselves are never written.
 */
import { strict as assert } from 'assert';
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';
import { PACKAGE_JSON } from '../support/package-files';
import { E2E_FIXTURES, ensureBuilt, readTree, runCli, RunResult, TempDirs } from '../support/process';
import { FN_CONFIG_KINDS } from '../support/samples';
import { withReplacements } from '../support/text';

const compose = readFileSync(join(E2E_FIXTURES, 'standalone', 'compose.yaml'), 'utf8');
const values = readFileSync(join(E2E_FIXTURES, 'standalone', 'values.yaml'), 'utf8');

/** compose.yaml after the run: two spaces and three spaces before the comments stay as they are. */
const composeUpdated = withReplacements(compose, [
  ['image: docker.io/foo/web:1.0.0  # kobold:', 'image: docker.io/foo/web:1.2.0  # kobold:'],
  ['image: "postgres:15.2"   # kobold:', 'image: "postgres:15.4"   # kobold:'],
  // redis:7.0.0 (^7) is offered only redis:8.0.0: left alone; nginx has no marker
]);

/** values.yaml after the run: each tag keeps its quoting; the plain 1.9 becomes "1.10", quoted to stay a string. */
const valuesUpdated = withReplacements(values, [
  ['tag: "1.0.0" # kobold:', 'tag: "1.2.0" # kobold:'],
  ['tag: 1.9 # kobold:', 'tag: "1.10" # kobold:'],
  ["tag: 'v2.0.0' # kobold:", "tag: 'v2.3.1' # kobold:"],
  // metrics: no incoming reference for quay.io/acme/metrics, left alone
]);

interface FieldChange {
  path: string;
  currentValue: string;
  proposedValue: string;
}

const COMPOSE_CHANGES: FieldChange[] = [
  { path: 'services.web.image', currentValue: 'docker.io/foo/web:1.0.0', proposedValue: 'docker.io/foo/web:1.2.0' },
  { path: 'services.db.image', currentValue: 'postgres:15.2', proposedValue: 'postgres:15.4' },
];

const VALUES_CHANGES: FieldChange[] = [
  { path: 'image.tag', currentValue: '1.0.0', proposedValue: '1.2.0' },
  { path: 'worker.image.tag', currentValue: '1.9', proposedValue: '1.10' },
  { path: 'api.image.tag', currentValue: 'v2.0.0', proposedValue: 'v2.3.1' },
];

/** The info result for one changed field of a plain (non-KRM) file: no resourceRef. */
function info(change: FieldChange, file?: string): Record<string, unknown> {
  return {
    message: `updated image ref ${JSON.stringify(change.currentValue)} to ${JSON.stringify(change.proposedValue)}`,
    severity: 'info',
    field: change,
    ...(file !== undefined && { file: { path: file, index: 0 } }),
  };
}

/** The results on stderr, parsed (a YAML list). */
function stderrResults(outcome: RunResult): Array<Record<string, unknown>> {
  const results = parse(outcome.stderr) as unknown;
  assert.ok(Array.isArray(results), `stderr is not a YAML list of results:\n${outcome.stderr}`);
  return results as Array<Record<string, unknown>>;
}

describe('e2e: standalone mode (FN_CONFIG FILE...)', function () {
  const temp = new TempDirs();

  before(function () {
    this.timeout(180_000);
    ensureBuilt();
  });

  afterEach(() => temp.cleanup());

  /** A temp dir holding the standalone fixtures, the working directory of the run. */
  function workdir(): { dir: string; original: Record<string, string> } {
    const { path } = temp.copyFixture('standalone', 'work');
    return { dir: path, original: readTree(path) };
  }

  it('a docker compose file: only the marked, matching images change; results on stderr', function () {
    const { dir, original } = workdir();
    const outcome = runCli(['fn-config.yaml', 'compose.yaml'], { cwd: dir });
    assert.equal(outcome.status, 0, outcome.stderr);
    assert.equal(outcome.stdout, composeUpdated);
    assert.deepEqual(stderrResults(outcome), COMPOSE_CHANGES.map((change) => info(change, 'compose.yaml')));
    assert.deepEqual(readTree(dir), original, 'standalone mode prints, it never writes the files');
  });

  it('plain Helm values with part: tag: quoting kept, a plain 1.10 written double-quoted', function () {
    const { dir } = workdir();
    const outcome = runCli(['fn-config.yaml', 'values.yaml'], { cwd: dir });
    assert.equal(outcome.status, 0, outcome.stderr);
    assert.equal(outcome.stdout, valuesUpdated);
    assert.equal(parse(outcome.stdout).worker.image.tag, '1.10', 'the new tag reads back as the string 1.10');
    assert.deepEqual(stderrResults(outcome), VALUES_CHANGES.map((change) => info(change, 'values.yaml')));
  });

  it('several FILE arguments: one YAML stream on stdout, a --- between the files', function () {
    const { dir, original } = workdir();
    const outcome = runCli(['fn-config.yaml', 'compose.yaml', 'values.yaml'], { cwd: dir });
    assert.equal(outcome.status, 0, outcome.stderr);
    assert.equal(outcome.stdout, `${composeUpdated}---\n${valuesUpdated}`);
    assert.deepEqual(stderrResults(outcome), [
      ...COMPOSE_CHANGES.map((change) => info(change, 'compose.yaml')),
      ...VALUES_CHANGES.map((change) => info(change, 'values.yaml')),
    ]);
    assert.deepEqual(readTree(dir), original);
  });

  it('- reads a FILE from stdin, among other FILE arguments', function () {
    const { dir } = workdir();
    const outcome = runCli(['fn-config.yaml', 'compose.yaml', '-'], { cwd: dir, input: values });
    assert.equal(outcome.status, 0, outcome.stderr);
    assert.equal(outcome.stdout, `${composeUpdated}---\n${valuesUpdated}`);
    const results = stderrResults(outcome);
    assert.deepEqual(results.map((result) => result.field), [...COMPOSE_CHANGES, ...VALUES_CHANGES]);
    assert.deepEqual(results.map((result) => (result.file as { path?: string } | undefined)?.path), [
      'compose.yaml', 'compose.yaml', undefined, undefined, undefined,
    ], 'stdin has no file name');
  });

  it('no FILE argument: stdin to stdout', function () {
    const { dir } = workdir();
    const outcome = runCli(['fn-config.yaml'], { cwd: dir, input: compose });
    assert.equal(outcome.status, 0, outcome.stderr);
    assert.equal(outcome.stdout, composeUpdated);
    assert.deepEqual(stderrResults(outcome).map((result) => result.field), COMPOSE_CHANGES);
  });

  it('nothing to change: the input back byte for byte, and nothing on stderr', function () {
    const { dir } = workdir();
    const outcome = runCli(['fn-config.yaml', '-'], { cwd: dir, input: composeUpdated });
    assert.equal(outcome.status, 0, outcome.stderr);
    assert.equal(outcome.stdout, composeUpdated);
    assert.equal(outcome.stderr, '');
  });

  it('a configuration error (kind Foo): exit 1, the error on stderr, the input unchanged on stdout', function () {
    const { dir, original } = workdir();
    const outcome = runCli(['bad-fn-config.yaml', 'compose.yaml'], { cwd: dir });
    assert.equal(outcome.status, 1);
    assert.equal(outcome.stdout, compose, 'nothing is lost: the input is written back unchanged');
    assert.equal(outcome.stderr, `image-ref-updater: bad-fn-config.yaml: functionConfig apiVersion "kobold/v1alpha3" kind "Foo" is not supported: use one of ${FN_CONFIG_KINDS}\n`);
    assert.deepEqual(readTree(dir), original);
  });

  it('--help prints usage with examples and exits 0', function () {
    const outcome = runCli(['--help']);
    assert.equal(outcome.status, 0);
    assert.equal(outcome.stderr, '');
    assert.match(outcome.stdout, /Usage/);
    assert.match(outcome.stdout, /kpt fn eval/);
    assert.match(outcome.stdout, /FN_CONFIG/);
  });

  it('--help shows markers inside embedded YAML: an Argo CD Application, a ConfigMap, and a rule through |, each of which works as shown', function () {
    const help = runCli(['--help']).stdout;
    const lines = help.split('\n');
    const block = (title: string): string => {
      const start = lines.findIndex((line) => line.trim() === title) + 1;
      assert.ok(start > 0, `--help has ${title}`);
      const end = lines.findIndex((line, index) => index >= start && (line.trim() === '' || line.trim().startsWith('#')));
      return lines.slice(start, end).map((line) => line.slice(2)).join('\n') + '\n';
    };
    const application = block('# an Argo CD Application');
    const configMap = block('# a ConfigMap whose values a Flux HelmRelease reads (valuesFrom)');
    const rule = lines.find((line) => line.trim().startsWith('spec.source.helm.values|image.tag: '))!.trim();
    const dir = temp.make();
    writeFileSync(join(dir, 'fn-config.yaml'), 'apiVersion: kobold/v1alpha3\nkind: List\nitems: [my.org/amazing/app:v1.2.3]\n');
    const annotated = `metadata:\n  annotations:\n    kobold/markers: |\n      ${rule}\n${application.replace(' # kobold: tag: ^1; type: semver; part: tag; context: my.org/amazing/app', '')}`;
    for (const [text, from, to] of [
      [application, 'tag: v1.0.0', 'tag: v1.2.3'],
      [configMap, 'app:v1.0.0', 'app:v1.2.3'],
      [annotated, 'tag: v1.0.0', 'tag: v1.2.3'],
    ]) {
      assert.ok(text.includes(from), `the example has ${from}:\n${text}`);
      writeFileSync(join(dir, 'in.yaml'), text);
      const outcome = runCli([join(dir, 'fn-config.yaml'), join(dir, 'in.yaml')]);
      assert.equal(outcome.status, 0, outcome.stderr);
      assert.equal(outcome.stdout, text.replace(from, to), `the example works as shown:\n${text}`);
      assert.match(outcome.stderr, /path: "(spec\.source\.helm\.values\|image\.tag|data\[\\"values\.yaml\\"\]\|image)"/);
    }
  });

  it('--version prints the package version and exits 0', function () {
    const outcome = runCli(['--version']);
    assert.equal(outcome.status, 0);
    assert.equal(outcome.stderr, '');
    assert.equal(outcome.stdout, `${PACKAGE_JSON.version}\n`);
  });
});
