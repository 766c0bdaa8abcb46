/**
 * Files and directories in place (SPEC §8), end to end through the built CLI on real temporary
 * directories: -w/--write, -d/--diff, -l/--list, --image, --quiet and the summary, the walk
 * (.krmignore, .git, links, order), paths, and nothing lost (all decided before any write, mode,
 * owner and mtime kept, no temporary file left, a full disk, read-only files and directories, a
 * signal in the middle of a write).
 */
import { strict as assert } from 'assert';
import { spawn } from 'child_process';
import { chmodSync, chownSync, cpSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, truncateSync, utimesSync, writeFileSync, openSync, writeSync, closeSync } from 'fs';
import { dirname, join } from 'path';
import { parse } from 'yaml';
import { CLI, ensureBuilt, onPath, readTree, run, runCli, RunResult, skipWith, TempDirs } from '../support/process';
import { withReplacements } from '../support/text';
import { MARKER, NEW, OLD } from '../support/samples';

const IMAGE = ['--image', NEW];

const deployment = (name: string, image = OLD, marker = MARKER): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        image: ${image} ${marker}\n`;
const updated = (text: string): string => withReplacements(text, [[`${OLD} ${MARKER}`, `${NEW} ${MARKER}`]]);

const dirs = new TempDirs();

/** Writes `files` (path below `root` → text) and returns `root`. */
function writeTree(root: string, files: Record<string, string>): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** The results on stderr: YAML, the summary a comment in it. */
function stderrResults(outcome: RunResult): Array<{ severity: string; file?: { path: string }; resourceRef?: { name: string }; field?: { path: string } }> {
  return (parse(outcome.stderr) ?? []) as ReturnType<typeof stderrResults>;
}

function lastLine(text: string): string {
  return text.trimEnd().split('\n').pop()!;
}

function mtimes(root: string): Record<string, number> {
  return Object.fromEntries(Object.keys(readTree(root)).map((path) => [path, statSync(join(root, path)).mtimeMs]));
}

/** Every temporary file of the function under `root`. */
function tempFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((path) => /(^|\/)\..*\.image-ref-updater-/.test(path));
}

/** A tree in which the past is recognisable: every file's mtime a day ago. */
function agedTree(files: Record<string, string>): string {
  const root = writeTree(dirs.make(), files);
  const dayAgo = new Date(Date.now() - 86_400_000);
  for (const path of Object.keys(files)) utimesSync(join(root, path), dayAgo, dayAgo);
  return root;
}

const TREE: Record<string, string> = {
  'apps/a.yaml': deployment('a'),
  'apps/b.yml': deployment('b'),
  'apps/crlf.yaml': deployment('crlf').replace(/\n/g, '\r\n'),
  'apps/no-newline.yaml': deployment('no-newline').trimEnd(),
  'apps/unmarked.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\n',
  'apps/other.yaml': deployment('other', 'docker.io/acme/other:1.0.0'),
  'apps/notes.json': deployment('json'),
  'base/c.yaml': `${deployment('c1')}---\n${deployment('c2')}`,
};
const CHANGED = ['apps/a.yaml', 'apps/b.yml', 'apps/crlf.yaml', 'apps/no-newline.yaml', 'base/c.yaml'];

/** TREE as --write leaves it. */
function treeAfterWrite(): Record<string, string> {
  return Object.fromEntries(Object.entries(TREE).map(([path, text]) => [path, CHANGED.includes(path) ? (path === 'base/c.yaml' ? `${deployment('c1', NEW)}---\n${deployment('c2', NEW)}` : updated(text)) : text]));
}

describe('files in place: -w, -d, -l on files and directories (SPEC §8)', function () {
  before(() => ensureBuilt());
  afterEach(() => dirs.cleanup());

  describe('--write', () => {
    it('rewrites every changed file byte for byte, touches no other, prints nothing, and ends with the summary', () => {
      const root = agedTree(TREE);
      const before = mtimes(root);
      const outcome = runCli([...IMAGE, '--write', '.'], { cwd: root });
      assert.equal(outcome.status, 0, outcome.stderr);
      assert.equal(outcome.stdout, '');
      assert.deepEqual(readTree(root), treeAfterWrite());
      const after = mtimes(root);
      for (const path of Object.keys(TREE)) assert.equal(after[path] === before[path], !CHANGED.includes(path), `mtime of ${path}`);
      assert.equal(lastLine(outcome.stderr), '# 6 fields updated in 5 files');
      const infos = stderrResults(outcome).filter((result) => result.severity === 'info');
      assert.deepEqual(infos.map((result) => result.file?.path), ['apps/a.yaml', 'apps/b.yml', 'apps/crlf.yaml', 'apps/no-newline.yaml', 'base/c.yaml', 'base/c.yaml']);
      assert.deepEqual(tempFiles(root), []);
    });

    it('keeps the permission bits, and as root the owner and group, of a rewritten file', function () {
      if (process.getuid?.() !== 0) skipWith(this, 'not root: cannot give a file another owner');
      const root = writeTree(dirs.make(), { 'a.yaml': deployment('a'), 'b.yaml': deployment('b') });
      chmodSync(join(root, 'a.yaml'), 0o640);
      chmodSync(join(root, 'b.yaml'), 0o2755);
      chownSync(join(root, 'a.yaml'), 1234, 5678);
      const outcome = runCli([...IMAGE, '-w', root]);
      assert.equal(outcome.status, 0, outcome.stderr);
      const a = statSync(join(root, 'a.yaml'));
      assert.equal(readFileSync(join(root, 'a.yaml'), 'utf8'), updated(deployment('a')));
      assert.equal(a.mode & 0o7777, 0o640);
      assert.deepEqual([a.uid, a.gid], [1234, 5678]);
      assert.equal(statSync(join(root, 'b.yaml')).mode & 0o7777, 0o2755);
    });

    it('flushes the temporary file (fsync) before it is renamed over the original, as strace sees the system calls', function () {
      if (!onPath('strace')) skipWith(this, 'strace is not on PATH');
      const root = writeTree(dirs.make(), { 'a.yaml': deployment('a') });
      const log = join(dirs.make('strace'), 'calls');
      const traced = run('strace', ['-f', '-qq', '-o', log, '-e', 'trace=openat,fsync,fdatasync,rename,renameat,renameat2', process.execPath, CLI, ...IMAGE, '-w', 'a.yaml'], { cwd: root });
      assert.equal(traced.status, 0, traced.stderr);
      assert.equal(readFileSync(join(root, 'a.yaml'), 'utf8'), updated(deployment('a')));
      const calls = readFileSync(log, 'utf8').split('\n');
      const opened = calls.map((line) => /openat\(AT_FDCWD, "[^"]*\/\.a\.yaml\.image-ref-updater-[^"]*", [^)]*O_CREAT[^)]*\) = (\d+)$/.exec(line)).find((match) => match !== null);
      assert.ok(opened, 'the temporary file .a.yaml.image-ref-updater-* is created in the file\'s directory');
      const synced = calls.findIndex((line) => new RegExp(`\\b(fsync|fdatasync)\\(${opened[1]}\\) += 0$`).test(line));
      const renamed = calls.findIndex((line) => /rename(at2?)?\(.*\.a\.yaml\.image-ref-updater-[^"]*".*"[^"]*\/a\.yaml"/.test(line));
      assert.ok(synced >= 0, `fsync of the temporary file (fd ${opened[1]})`);
      assert.ok(renamed > synced, 'the rename comes after the fsync');
    });

    it('writes through a link named as an argument: the target changes, the link stays a link', () => {
      const root = writeTree(dirs.make(), { 'real/a.yaml': deployment('a') });
      symlinkSync(join(root, 'real', 'a.yaml'), join(root, 'link.yaml'));
      const outcome = runCli([...IMAGE, '-w', 'link.yaml'], { cwd: root });
      assert.equal(outcome.status, 0, outcome.stderr);
      assert.ok(lstatSync(join(root, 'link.yaml')).isSymbolicLink());
      assert.equal(readFileSync(join(root, 'real', 'a.yaml'), 'utf8'), updated(deployment('a')));
      assert.deepEqual(stderrResults(outcome).map((result) => result.file?.path), ['link.yaml']);
    });

    it('one malformed file: nothing is written, exit 1, the error names the file', () => {
      const root = agedTree({ 'a.yaml': deployment('a'), 'b.yaml': `${deployment('b')}  bad: [unclosed\n`, 'c.yaml': deployment('c') });
      const before = readTree(root);
      const times = mtimes(root);
      const outcome = runCli([...IMAGE, '-w', '.'], { cwd: root });
      assert.equal(outcome.status, 1);
      assert.match(outcome.stderr, /^image-ref-updater: b\.yaml document 0, line \d+, column \d+: invalid YAML: /m);
      assert.match(lastLine(outcome.stderr), /^# nothing written/);
      assert.deepEqual(readTree(root), before);
      assert.deepEqual(mtimes(root), times);
    });
  });

  describe('--diff', () => {
    it('writes nothing and prints a unified diff that git apply and patch -p1 both apply at the root', function () {
      if (!onPath('patch')) skipWith(this, 'patch is not on PATH');
      const root = agedTree(TREE);
      const times = mtimes(root);
      const outcome = runCli([...IMAGE, '--diff', '.'], { cwd: root });
      assert.equal(outcome.status, 0, outcome.stderr);
      assert.deepEqual(readTree(root), TREE);
      assert.deepEqual(mtimes(root), times);
      assert.equal(lastLine(outcome.stderr), '# 6 fields would be updated in 5 files');
      assert.match(outcome.stdout, /^--- a\/apps\/a\.yaml\n\+\+\+ b\/apps\/a\.yaml\n@@ -7,4 \+7,4 @@\n/);
      assert.ok(outcome.stdout.includes('\\ No newline at end of file\n'));
      const patchFile = join(dirs.make(), 'update.patch');
      writeFileSync(patchFile, outcome.stdout);
      for (const [tool, args] of [['git', ['apply', patchFile]], ['patch', ['-p1', '-s', '-i', patchFile]]] as const) {
        const copy = dirs.make();
        cpSync(root, copy, { recursive: true });
        const applied = run(tool, args, { cwd: copy });
        assert.equal(applied.status, 0, `${tool}: ${applied.stderr}`);
        assert.deepEqual(readTree(copy), treeAfterWrite(), tool);
      }
    });

    it('names files by the argument joined with the path below it, `..` resolved', () => {
      const root = writeTree(dirs.make(), { 'deploy/apps/a.yaml': deployment('a') });
      const relative = runCli([...IMAGE, '-d', 'deploy/../deploy'], { cwd: root });
      assert.match(relative.stdout, /^--- a\/deploy\/apps\/a\.yaml\n\+\+\+ b\/deploy\/apps\/a\.yaml\n/);
      const absolute = runCli([...IMAGE, '-l', join(root, 'deploy')]);
      assert.equal(absolute.stdout, `${join(root, 'deploy', 'apps', 'a.yaml')}\n`);
    });

    it('exits 0 when nothing would change, with an empty diff', () => {
      const root = writeTree(dirs.make(), { 'a.yaml': deployment('a', NEW) });
      const outcome = runCli([...IMAGE, '-d', root]);
      assert.equal(outcome.status, 0);
      assert.equal(outcome.stdout, '');
      assert.equal(outcome.stderr, '# 0 fields would be updated in 0 files\n');
    });
  });

  describe('--list and the walk', () => {
    it('lists each file that would change, one a line, in walk order: depth first, names in byte order, arguments in order, each file once', () => {
      const names = ['B.yaml', 'a.yaml', 'a/z.yaml', 'a-b.yaml', 'é.yaml', 'z.yml', 'ä/x.yaml'];
      const root = writeTree(dirs.make(), Object.fromEntries(names.map((name) => [`t/${name}`, deployment(name.replace(/\W/g, ''))])));
      const outcome = runCli([...IMAGE, '--list', 't/z.yml', 't', 't/a'], { cwd: root });
      assert.equal(outcome.status, 0, outcome.stderr);
      assert.equal(outcome.stdout, ['t/z.yml', 't/B.yaml', 't/a/z.yaml', 't/a-b.yaml', 't/a.yaml', 't/ä/x.yaml', 't/é.yaml'].map((path) => `${path}\n`).join(''));
      assert.deepEqual(readTree(root), Object.fromEntries(names.map((name) => [`t/${name}`, deployment(name.replace(/\W/g, ''))])));
    });

    it('skips .git, links met in the walk, files not named *.yaml or *.yml, and temporary files of the function', () => {
      const outside = writeTree(dirs.make(), { 'o.yaml': deployment('o'), 'dir/p.yaml': deployment('p') });
      const root = writeTree(dirs.make(), {
        'a.yaml': deployment('a'),
        '.git/config.yaml': deployment('git'),
        'sub/.git/x.yaml': deployment('subgit'),
        'a.yaml.bak': deployment('bak'),
        '.a.yaml.image-ref-updater-123-abc.yaml': deployment('temp'),
      });
      symlinkSync(join(outside, 'o.yaml'), join(root, 'link.yaml'));
      symlinkSync(join(outside, 'dir'), join(root, 'linked-dir'));
      const outcome = runCli([...IMAGE, '-l', '.'], { cwd: root });
      assert.equal(outcome.status, 0, outcome.stderr);
      assert.equal(outcome.stdout, 'a.yaml\n');
    });

    it('.krmignore: *, **, ! negation, trailing /, leading / anchoring, and the files of enclosing directories add up', () => {
      const files = ['keep.yaml', 'drop-1.yaml', 'drop-2.yaml', 'build/x.yaml', 'deep/a/b/gen.yaml', 'deep/gen.yaml', 'anchored.yaml', 'sub/anchored.yaml', 'sub/drop-3.yaml', 'sub/inner/drop-4.yaml', 'sub/inner/keep-me.yaml'];
      const root = writeTree(dirs.make(), {
        ...Object.fromEntries(files.map((path) => [path, deployment(path.replace(/\W/g, ''))])),
        '.krmignore': '# comment\ndrop-*.yaml\nbuild/\ndeep/**/gen.yaml\n/anchored.yaml\n',
        'sub/.krmignore': '!drop-3.yaml\n',
        'sub/inner/.krmignore': '*\n!keep-*.yaml\n',
      });
      const outcome = runCli([...IMAGE, '-l', '.'], { cwd: root });
      assert.equal(outcome.status, 0, outcome.stderr);
      assert.equal(outcome.stdout, ['keep.yaml', 'sub/anchored.yaml', 'sub/drop-3.yaml', 'sub/inner/keep-me.yaml'].map((path) => `${path}\n`).join(''));
    });

    it('--quiet keeps only warnings, errors and the summary', () => {
      const root = writeTree(dirs.make(), { 'a.yaml': deployment('a'), 'w.yaml': deployment('w', OLD, '# kobold: tag: ^1; type: nonsense') });
      const outcome = runCli([...IMAGE, '-l', '--quiet', '.'], { cwd: root });
      assert.equal(outcome.status, 0, outcome.stderr);
      assert.deepEqual(stderrResults(outcome).map((result) => [result.severity, result.file?.path]), [['warning', 'w.yaml']]);
      assert.equal(lastLine(outcome.stderr), '# 1 field would be updated in 1 file, 1 warning');
    });
  });

  describe('one source of references, the flags', () => {
    it('--help names the three flags, --image and --quiet', () => {
      const outcome = runCli(['--help']);
      assert.equal(outcome.status, 0);
      for (const flag of ['-w, --write', '-d, --diff', '-l, --list', '--image REF', '--quiet', '.krmignore']) assert.ok(outcome.stdout.includes(flag), flag);
    });

    it('--image is repeatable and takes commas; a functionConfig file as the first argument works the same', () => {
      const root = writeTree(dirs.make(), { 'a.yaml': deployment('a'), 'b.yaml': deployment('b', 'docker.io/acme/b:1.0.0'), 'fc.yml': `apiVersion: kobold/v1alpha3\nkind: List\nitems: [${NEW}, 'docker.io/acme/b:1.1.0']\n` });
      const byImages = runCli(['--image', `${NEW},docker.io/acme/b:1.1.0`, '-l', 'a.yaml', 'b.yaml'], { cwd: root });
      const repeated = runCli(['--image', NEW, '--image=docker.io/acme/b:1.1.0', '-l', 'a.yaml', 'b.yaml'], { cwd: root });
      const byConfig = runCli(['fc.yml', '-l', 'a.yaml', 'b.yaml'], { cwd: root });
      for (const outcome of [byImages, repeated, byConfig]) assert.equal(outcome.stdout, 'a.yaml\nb.yaml\n', outcome.stderr);
    });

    for (const [name, args, message] of [
      ['two of the flags', ['-w', '-d', '.'], '-w (--write), -d (--diff) or -l (--list) exclude each other: give one'],
      ['a directory without a flag', ['.'], '.: is a directory: to update the files in it, give -w (--write), -d (--diff) or -l (--list)'],
      ['a flag without a PATH', ['--list'], '--list needs at least one PATH, a file or a directory'],
      ['--image without a reference', ['--image', '-l', '.'], '--image needs an image reference: --image REF or --image REF1,REF2'],
      ['a PATH that does not exist', ['-l', 'nope'], 'nope: no such file or directory'],
    ] as const) {
      it(`${name}: exit 1, one line naming it, nothing written`, () => {
        const root = agedTree({ 'a.yaml': deployment('a') });
        const outcome = runCli(name === '--image without a reference' ? [...args] : [...IMAGE, ...args], { cwd: root });
        assert.equal(outcome.status, 1);
        assert.equal(outcome.stderr, `image-ref-updater: ${message}\n`);
        assert.equal(outcome.stdout, '');
        assert.deepEqual(readTree(root), { 'a.yaml': deployment('a') });
      });
    }
  });

  describe('a v1 List holds resources, each its own for resourceRef and kobold/markers', () => {
    const LIST = `apiVersion: v1\nkind: List\nitems:\n- apiVersion: apps/v1\n  kind: Deployment\n  metadata:\n    name: one\n  spec:\n    image: ${OLD} ${MARKER}\n- apiVersion: apps/v1\n  kind: Deployment\n  metadata:\n    name: two\n    annotations:\n      kobold/markers: |\n        spec.image: tag: ^1; type: semver\n  spec:\n    image: ${OLD}\n`;
    const listUpdated = LIST.split(OLD).join(NEW);
    const expected = [['one', 'spec.image'], ['two', 'spec.image']];
    const refsOf = (outcome: RunResult): string[][] => stderrResults(outcome).map((result) => [result.resourceRef!.name, result.field!.path]);

    it('in place and standalone', () => {
      const root = writeTree(dirs.make(), { 'list.yaml': LIST });
      const standalone = runCli([...IMAGE, 'list.yaml'], { cwd: root });
      assert.equal(standalone.stdout, listUpdated);
      assert.deepEqual(refsOf(standalone), expected);
      const written = runCli([...IMAGE, '-w', '.'], { cwd: root });
      assert.equal(written.status, 0, written.stderr);
      assert.deepEqual(refsOf(written), expected);
      assert.equal(readFileSync(join(root, 'list.yaml'), 'utf8'), listUpdated);
    });

    it('without annotations too, where the reader would keep only what the markers need', () => {
      const plain = LIST.replace('    annotations:\n      kobold/markers: |\n        spec.image: tag: ^1; type: semver\n', '').replace(`image: ${OLD}\n`, `image: ${OLD} ${MARKER}\n`);
      const root = writeTree(dirs.make(), { 'list.yaml': plain });
      const outcome = runCli([...IMAGE, '-d', 'list.yaml'], { cwd: root });
      assert.equal(outcome.status, 0, outcome.stderr);
      assert.deepEqual(refsOf(outcome), expected);
    });

    it('in KRM mode, where the List is an item of the ResourceList', () => {
      const item = LIST.replace(/^/gm, '  ').replace(/^ {2}/, '- ').replace(/\n {2}$/, '\n');
      const input = `apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n${item}functionConfig:\n  apiVersion: kobold/v1alpha3\n  kind: List\n  items: [${NEW}]\n`;
      const outcome = runCli([], { input });
      assert.equal(outcome.status, 0, outcome.stderr);
      const results = (parse(outcome.stdout) as { results: Array<{ resourceRef: { name: string }; field: { path: string } }> }).results;
      assert.deepEqual(results.map((result) => [result.resourceRef.name, result.field.path]), expected);
      assert.ok(outcome.stdout.startsWith(input.split(OLD).join(NEW)));
    });
  });
});

/** Runs the CLI as the user nobody, who has to respect permission bits. */
function runAsNobody(args: readonly string[], cwd: string): RunResult {
  return run('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, CLI, ...args], { cwd });
}

describe('files in place: nothing lost when a write cannot happen (SPEC §8)', function () {
  before(() => ensureBuilt());
  afterEach(() => dirs.cleanup());

  describe('read-only files and directories, as a non-root user', () => {
    beforeEach(function () {
      if (process.getuid?.() !== 0) skipWith(this, 'not root: cannot switch to another user');
      if (!onPath('setpriv')) skipWith(this, 'setpriv is not on PATH');
    });

    /** A tree nobody can read, with a.yaml and b.yaml to change. */
    function nobodysTree(): string {
      const root = agedTree({ 'a.yaml': deployment('a'), 'b.yaml': deployment('b') });
      chmodSync(dirname(root), 0o755);
      chownSync(root, 65534, 65534);
      for (const name of ['a.yaml', 'b.yaml']) chownSync(join(root, name), 65534, 65534);
      return root;
    }

    it('a read-only file: not written, the error names it, and nothing else is written either', () => {
      const root = nobodysTree();
      chmodSync(join(root, 'b.yaml'), 0o444);
      const times = mtimes(root);
      const outcome = runAsNobody([...IMAGE, '-w', '.'], root);
      assert.equal(outcome.status, 1);
      assert.match(outcome.stderr, /^image-ref-updater: b\.yaml: cannot be written: no permission to write the file \(EACCES\)$/m);
      assert.deepEqual(readTree(root), { 'a.yaml': deployment('a'), 'b.yaml': deployment('b') });
      assert.deepEqual(mtimes(root), times);
    });

    it('a read-only directory: no file in it is written, the error names them', () => {
      const root = nobodysTree();
      chmodSync(root, 0o555);
      const outcome = runAsNobody([...IMAGE, '-w', '.'], root);
      chmodSync(root, 0o755);
      assert.equal(outcome.status, 1);
      for (const name of ['a.yaml', 'b.yaml']) assert.match(outcome.stderr, new RegExp(`^image-ref-updater: ${name.replace('.', '\\.')}: cannot be written: no permission to write its directory \\(EACCES\\)$`, 'm'));
      assert.deepEqual(readTree(root), { 'a.yaml': deployment('a'), 'b.yaml': deployment('b') });
      assert.deepEqual(tempFiles(root), []);
    });
  });

  describe('a full disk (a 64 KiB tmpfs)', () => {
    let mountPoint: string | undefined;

    beforeEach(function () {
      if (process.getuid?.() !== 0) skipWith(this, 'not root: cannot mount a tmpfs');
      mountPoint = dirs.make();
      const mounted = run('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mountPoint]);
      if (mounted.status !== 0) {
        mountPoint = undefined;
        skipWith(this, `cannot mount a tmpfs: ${mounted.stderr.trim()}`);
      }
    });

    afterEach(() => {
      if (mountPoint !== undefined) run('umount', [mountPoint]);
      mountPoint = undefined;
    });

    it('a read-only file system: nothing is written, the error names each file', () => {
      const root = mountPoint!;
      writeTree(root, { 'a.yaml': deployment('a'), 'b.yaml': deployment('b') });
      const remounted = run('mount', ['-o', 'remount,ro', root]);
      assert.equal(remounted.status, 0, remounted.stderr);
      const outcome = runCli([...IMAGE, '-w', '.'], { cwd: root });
      assert.equal(outcome.status, 1);
      for (const name of ['a', 'b']) assert.match(outcome.stderr, new RegExp(`^image-ref-updater: ${name}\\.yaml: cannot be written: the file is on a read-only file system$`, 'm'));
      assert.deepEqual(readTree(root), { 'a.yaml': deployment('a'), 'b.yaml': deployment('b') });
    });

    it('stops at the first write that fails, says which files were written, each whole, and leaves no temporary file', () => {
      const root = mountPoint!;
      const small = deployment('a');
      const large = deployment('b') + `# ${'x'.repeat(100)}\n`.repeat(150);
      writeTree(root, { 'a.yaml': small, 'b.yaml': large });
      // Fill the disk, then free two pages: room for a.yaml's new copy, not for b.yaml's.
      const fd = openSync(join(root, 'filler'), 'w');
      const page = Buffer.alloc(4096, 1);
      let size = 0;
      try {
        for (;;) size += writeSync(fd, page);
      } catch (error) {
        assert.equal((error as NodeJS.ErrnoException).code, 'ENOSPC');
      } finally {
        closeSync(fd);
      }
      truncateSync(join(root, 'filler'), size - 8192);
      const outcome = runCli([...IMAGE, '-w', '.'], { cwd: root });
      assert.equal(outcome.status, 1);
      assert.match(outcome.stderr, /^image-ref-updater: b\.yaml: not written: ENOSPC: no space left on device.*; written before, each whole: a\.yaml$/m);
      assert.equal(readFileSync(join(root, 'a.yaml'), 'utf8'), updated(small));
      assert.equal(readFileSync(join(root, 'b.yaml'), 'utf8'), large);
      assert.deepEqual(tempFiles(root), []);
    });
  });

  it('SIGTERM in the middle of a large write: the temporary file is removed, the file is whole, the run says so', async function () {
    this.timeout(120_000);
    const root = dirs.make();
    const big = deployment('big') + `# ${'x'.repeat(10_000)}\n`.repeat(20_000);
    writeTree(root, { 'big.yaml': big, 'small.yaml': deployment('small') });
    const child = spawn(process.execPath, [CLI, ...IMAGE, '-w', 'small.yaml', 'big.yaml'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    let sawTemp = false;
    const poll = setInterval(() => {
      if (tempFiles(root).some((name) => name.startsWith('.big.yaml.'))) {
        sawTemp = true;
        child.kill('SIGTERM');
        clearInterval(poll);
      }
    }, 2);
    const { code, signal } = await exited;
    clearInterval(poll);
    assert.ok(sawTemp, `the run ended (exit ${code}) before its temporary file was seen:\n${stderr}`);
    assert.equal(signal, 'SIGTERM', `exit ${code}: ${stderr}`);
    assert.equal(stderr, 'image-ref-updater: interrupted by SIGTERM; written before, each whole: small.yaml\n');
    assert.deepEqual(tempFiles(root), []);
    const bigNow = readFileSync(join(root, 'big.yaml'), 'utf8');
    assert.ok(bigNow === big || bigNow === updated(big), 'big.yaml is neither what it was nor what it should be');
    assert.equal(readFileSync(join(root, 'small.yaml'), 'utf8'), updated(deployment('small')));
  });
});
