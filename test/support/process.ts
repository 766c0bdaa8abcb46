/**
 * The one test harness for everything that runs a process: the repository and its built CLI, runs
 * of commands and of the CLI, temporary directories, tools on PATH, stand-in commands, and skips
 * that say why.
 */
import { spawnSync } from 'child_process';
import { accessSync, chmodSync, constants, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { delimiter, join, relative, resolve } from 'path';

/** The repository root. */
export const REPO = resolve(__dirname, '..', '..');
/** The built CLI, by absolute path: what kpt and kustomize execute. */
export const CLI = join(REPO, 'dist', 'cli.js');
/** `../shared` beside the repository (the corpora, kobold's decisions, captured client input), when there. */
export const SHARED = join(REPO, '..', 'shared');
/** The end-to-end fixtures, copied into temporary directories by `TempDirs.copyFixture`. */
export const E2E_FIXTURES = join(REPO, 'test', 'fixtures', 'e2e');

export interface RunResult {
  status: number | null;
  stdout: string;
  /** stdout exactly as written, for byte-level checks. */
  stdoutBytes: Buffer;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  input?: string | Buffer;
  env?: NodeJS.ProcessEnv;
  timeout?: number;
}

/**
 * Runs a command to its end, without a shell. A command that cannot start, or is still running
 * at `timeout` (spawnSync blocks mocha's own timeout) gives status null and the reason on stderr.
 */
export function run(command: string, args: readonly string[], options: RunOptions = {}): RunResult {
  const child = spawnSync(command, args, {
    cwd: options.cwd ?? REPO,
    input: options.input ?? '',
    env: options.env ?? process.env,
    maxBuffer: 256 * 1024 * 1024,
    timeout: options.timeout ?? 120_000,
  });
  const stdoutBytes = child.stdout ?? Buffer.alloc(0);
  const stderr = `${child.stderr?.toString('utf8') ?? ''}${child.error ? String(child.error) : ''}`;
  return { status: child.status, stdout: stdoutBytes.toString('utf8'), stdoutBytes, stderr };
}

/** Runs the built CLI with this node (so the test does not depend on its executable bit). */
export function runCli(args: readonly string[], options: RunOptions = {}): RunResult {
  return run(process.execPath, [CLI, ...args], options);
}

/** A readable account of a run, for assertion messages. */
export function describeRun(what: string, result: Pick<RunResult, 'status' | 'stdout' | 'stderr'>): string {
  return `${what} exited ${result.status}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
}

/** The newest modification time of any file under `dir`. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

let built = false;

/**
 * Makes sure dist/cli.js is the build of the current sources: runs `npm run build` once per test
 * process when dist/cli.js is missing or older than a file in src/ (`npm test` builds first, so
 * there it is a no-op). A failed build fails the calling hook with the compiler's output.
 */
export function ensureBuilt(): void {
  if (built) return;
  if (!existsSync(CLI) || statSync(CLI).mtimeMs < newestMtime(join(REPO, 'src'))) {
    const build = run('npm', ['run', 'build', '--silent'], { timeout: 300_000 });
    if (build.status !== 0) throw new Error(describeRun('npm run build', build));
  }
  if (!existsSync(CLI)) throw new Error(`${CLI} does not exist after npm run build`);
  built = true;
}

/** Whether an executable called `name` is on `path` (PATH by default). */
export function onPath(name: string, path = process.env.PATH ?? ''): boolean {
  return path.split(delimiter).some((dir) => {
    if (dir === '') return false;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return statSync(join(dir, name)).isFile();
    } catch {
      return false;
    }
  });
}

/**
 * Skips the current test, with `reason` added to its title so the reporter says why (mocha's
 * skip() takes no message). Call from a test or a beforeEach hook.
 */
export function skipWith(ctx: Mocha.Context, reason: string): never {
  const test = ctx.currentTest ?? ctx.test;
  if (test) test.title += ` [skipped: ${reason}]`;
  ctx.skip();
  throw new Error('unreachable: skip() throws');
}

/** Fresh temporary directories, removed again by `cleanup()` (call it in afterEach or after). */
export class TempDirs {
  private readonly dirs: string[] = [];

  make(prefix = 'test'): string {
    const dir = mkdtempSync(join(tmpdir(), `image-ref-updater-${prefix}-`));
    this.dirs.push(dir);
    return dir;
  }

  /** A fresh copy of a fixture (a file or a directory under test/fixtures/e2e) at `dir/name`. */
  copyFixture(fixture: string, name: string): { dir: string; path: string } {
    const dir = this.make('e2e');
    const path = join(dir, name);
    cpSync(join(E2E_FIXTURES, fixture), path, { recursive: true });
    return { dir, path };
  }

  cleanup(): void {
    for (const dir of this.dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  }
}

/** Every file under `dir`, by path relative to it (with `/`), with its exact text. */
export function readTree(dir: string): Record<string, string> {
  const tree: Record<string, string> = {};
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else tree[relative(dir, path).split('\\').join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return Object.fromEntries(Object.entries(tree).sort(([a], [b]) => a.localeCompare(b)));
}

export function writeExecutable(path: string, text: string): void {
  mkdirSync(resolve(path, '..'), { recursive: true });
  writeFileSync(path, text);
  chmodSync(path, 0o755);
}

/** Quotes a word for a POSIX shell. */
export function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A PATH with the given directories first. */
export function pathWith(...dirs: string[]): string {
  return [...dirs, process.env.PATH ?? ''].join(delimiter);
}

/** Writes `BIN/image-ref-updater`, a wrapper that runs this repository's dist/cli.js with this node. */
export function cliOnPath(binDir: string): void {
  writeExecutable(join(binDir, 'image-ref-updater'), `#!/bin/sh\nexec ${shellQuote(process.execPath)} ${shellQuote(CLI)} "$@"\n`);
}

/**
 * Writes `BIN/npx`, which runs this repository's CLI for `npx [--yes] [--package=P] image-ref-updater
 * ARGS` and logs its arguments, one call a line, to `BIN/npx-calls.log`.
 */
export function npxOnPath(bin: string): { bin: string; log: string } {
  const log = join(bin, 'npx-calls.log');
  writeFileSync(log, '');
  writeExecutable(
    join(bin, 'npx'),
    `#!/bin/sh
printf '%s\\n' "$*" >> ${shellQuote(log)}
while [ "$#" -gt 0 ]; do
  case "$1" in
    -y|--yes|--no|--no-install|--package=*) shift ;;
    -p|--package) shift 2 ;;
    image-ref-updater) shift; exec ${shellQuote(process.execPath)} ${shellQuote(CLI)} "$@" ;;
    *) echo "npx (stub): unexpected argument $1" >&2; exit 127 ;;
  esac
done
echo "npx (stub): no command" >&2
exit 127
`,
  );
  return { bin, log };
}
