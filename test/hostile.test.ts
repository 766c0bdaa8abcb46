/**
 * Hostile input through the built CLI: each case asserts the exact one-line error (or warning) and
 * the exit code, and that nothing hangs or crashes. The cases of SPEC §7 that test/bad-input.test.ts
 * covers already (empty stdin, not YAML, alias bombs, BOM, NUL bytes, invalid UTF-8, missing FILEs)
 * are not repeated here.
 */
import { strict as assert } from 'assert';
import { closeSync, openSync, writeFileSync, writeSync } from 'fs';
import { join } from 'path';
import { Result } from '../src/output/results';
import { CLI, ensureBuilt, run, runCli, RunResult, shellQuote, TempDirs } from './support/process';
import { listFunctionConfig, RESOURCE_LIST_HEADER } from './support/samples';

const MARKED_POD = '- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: marked\n  spec:\n    image: docker.io/acme/app:1.0.0 # kobold: tag: ^1; type: semver\n';
const resourceList = (items: string, refs: readonly string[] = ['docker.io/acme/app:1.2.3']): string => `${RESOURCE_LIST_HEADER}${listFunctionConfig(refs)}items:\n${items}`;

/** The built CLI as a shell command, and a bash command line run to its end. */
const CLI_COMMAND = `${shellQuote(process.execPath)} ${shellQuote(CLI)}`;
const shell = (command: string): RunResult => run('bash', ['-c', command], { timeout: 600_000 });

/** The results a KRM run appended to its output. */
function resultsOf(run: RunResult): Result[] {
  const at = run.stdout.lastIndexOf('\nresults:');
  assert.ok(at >= 0, 'a results block is appended');
  const lines = run.stdout.slice(at + 1).split('\n');
  return lines
    .filter((line) => line.startsWith('- message: ') || line.startsWith('  severity: '))
    .reduce<Result[]>((all, line) => {
      if (line.startsWith('- message: ')) all.push({ message: JSON.parse(line.slice('- message: '.length)) as string, severity: 'info' });
      else all[all.length - 1].severity = line.slice('  severity: '.length) as Result['severity'];
      return all;
    }, []);
}

function assertOneLineError(run: RunResult, message: string): void {
  assert.equal(run.status, 1, run.stderr);
  assert.equal(run.stderr, `image-ref-updater: ${message}\n`);
}

describe('hostile input', function () {
  this.timeout(120_000);
  before(ensureBuilt);

  it('an item that is a scalar: exit 1, the item named, the ResourceList back with the error', () => {
    const input = resourceList(`${MARKED_POD}- just a string\n`);
    const run = runCli([], { input: input });
    assertOneLineError(run, 'stdin items[1], line 15, column 1: not a resource: expected a mapping, found a scalar or a sequence');
    assert.ok(run.stdout.startsWith(input), 'the ResourceList comes back unchanged');
    assert.deepEqual(resultsOf(run), [{ severity: 'error', message: 'stdin items[1], line 15, column 1: not a resource: expected a mapping, found a scalar or a sequence' }]);
  });

  it('an item that is a sequence: the same error', () => {
    const run = runCli([], { input: resourceList(`${MARKED_POD}- [a, b]\n`) });
    assertOneLineError(run, 'stdin items[1], line 15, column 1: not a resource: expected a mapping, found a scalar or a sequence');
  });

  it('duplicate keys in a marked item: a warning with the key, line and column, and the field updated (SPEC §7)', () => {
    const input = resourceList(`${MARKED_POD}  kind: Service\n`);
    const run = runCli([], { input: input });
    assert.equal(run.status, 0, run.stderr);
    assert.ok(run.stdout.startsWith(input.replace('app:1.0.0', 'app:1.2.3')), 'the marked field is updated');
    assert.deepEqual(resultsOf(run), [
      { message: 'stdin, line 15, column 3: duplicate key "kind": the last one counts', severity: 'warning' },
      { message: 'updated image ref "docker.io/acme/app:1.0.0" to "docker.io/acme/app:1.2.3"', severity: 'info' },
    ]);
  });

  it('block mappings nested 10,000 levels deep in a marked item: refused, no hang, no stack trace', () => {
    let nest = '';
    for (let level = 0; level < 10_000; level++) nest += `${' '.repeat(4 + level)}k:\n`;
    const input = resourceList(`${MARKED_POD}  nest:\n${nest}${' '.repeat(10_004)}v: 1\n`);
    const run = runCli([], { input: input });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /^image-ref-updater: stdin items\[0\], line \d+, column \d+: invalid YAML: nesting too deep to process\n$/);
    assert.ok(run.stdout.startsWith(input));
  });

  it('flow sequences nested 10,000 levels deep in a marked document (standalone): refused with one line', () => {
    const temps = new TempDirs();
    const dir = temps.make('hostile');
    try {
      const file = join(dir, 'deep.yaml');
      const fc = join(dir, 'fc.yaml');
      const input = `image: docker.io/acme/app:1.0.0 # kobold: tag: ^1; type: semver\ndeep: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`;
      writeFileSync(file, input);
      writeFileSync(fc, 'apiVersion: kobold/v1alpha3\nkind: List\nitems:\n- docker.io/acme/app:1.2.3\n');
      const run = runCli([fc, file]);
      assert.equal(run.status, 1);
      assert.match(run.stderr, /^image-ref-updater: .*deep\.yaml document 0, line 2, column \d+: invalid YAML: nesting too deep to process\n$/);
      assert.equal(run.stdout, input, 'the input is written back unchanged');
    } finally {
      temps.cleanup();
    }
  });

  it('a regex marker that backtracks catastrophically elsewhere, against a 128-character tag: finishes (RE2)', () => {
    const tag = 'a'.repeat(128);
    const input = resourceList(`${MARKED_POD.replace('tag: ^1; type: semver', 'tag: (a+)+b; type: regex')}`, [`docker.io/acme/app:${tag}`, `docker.io/acme/app:${'a'.repeat(127)}b`]);
    const run = runCli([], { input: input });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(resultsOf(run), [{ severity: 'info', message: `updated image ref "docker.io/acme/app:1.0.0" to "docker.io/acme/app:${'a'.repeat(127)}b"` }]);
  });

  it('10,000 references in the functionConfig: the highest semver match wins', () => {
    const refs = Array.from({ length: 10_000 }, (_, i) => `docker.io/acme/app${i % 50}:1.${i}.0`);
    const run = runCli([], { input: resourceList(MARKED_POD.replace('docker.io/acme/app:', 'docker.io/acme/app7:'), refs) });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(resultsOf(run), [{ severity: 'info', message: 'updated image ref "docker.io/acme/app7:1.0.0" to "docker.io/acme/app7:1.9957.0"' }]);
  });

  it('a tag of 129 characters and a repository in upper case: a warning each, exit 0, the field unchanged', () => {
    const long = 't'.repeat(129);
    const input = resourceList(MARKED_POD, [`docker.io/acme/app:${long}`, 'docker.io/Acme/App:1.2.3']);
    const run = runCli([], { input: input });
    assert.equal(run.status, 0, run.stderr);
    assert.ok(run.stdout.startsWith(input));
    assert.deepEqual(resultsOf(run), [
      { severity: 'warning', message: `image reference 0 "docker.io/acme/app:${long}" from the functionConfig is ignored: invalid tag: tag must be between 1 and 128 characters in length: ${long}` },
      { severity: 'warning', message: 'image reference 1 "docker.io/Acme/App:1.2.3" from the functionConfig is ignored: invalid tag: repository can only contain the characters `abcdefghijklmnopqrstuvwxyz0123456789_-./`: Acme/App' },
    ]);
  });

  it('stdout closed early (EPIPE): exits quietly, no stack trace', () => {
    const items = Array.from({ length: 3000 }, (_, i) => MARKED_POD.replace('name: marked', `name: pod-${i}`)).join('');
    const temps = new TempDirs();
    const dir = temps.make('hostile');
    try {
      const file = join(dir, 'list.yaml');
      writeFileSync(file, resourceList(items));
      const run = shell(`${CLI_COMMAND} < ${shellQuote(file)} | head -c 10 >/dev/null; echo "\${PIPESTATUS[0]}"`);
      assert.equal(run.stderr, '', 'nothing on stderr');
      assert.equal(run.stdout.trim(), '0');
    } finally {
      temps.cleanup();
    }
  });

  it('a 100 MB ResourceList: completes with every marked field updated', function () {
    this.timeout(600_000);
    const temps = new TempDirs();
    const dir = temps.make('hostile');
    try {
      const file = join(dir, 'big.yaml');
      const count = Math.ceil((100 * 1024 * 1024) / MARKED_POD.length / 10);
      const fd = openSync(file, 'w');
      writeSync(fd, `${RESOURCE_LIST_HEADER}${listFunctionConfig()}items:\n`);
      const plain = MARKED_POD.replace(' # kobold: tag: ^1; type: semver', ' # pinned');
      const block = `${MARKED_POD}${plain.repeat(9)}`;
      for (let i = 0; i < count; i++) writeSync(fd, block);
      closeSync(fd);
      const run = shell(`${CLI_COMMAND} < ${shellQuote(file)} | grep -c 'image: docker.io/acme/app:1.2.3 # kobold'`);
      assert.equal(run.stderr, '');
      assert.equal(Number(run.stdout.trim()), count, 'every marked field is updated');
    } finally {
      temps.cleanup();
    }
  });
});
