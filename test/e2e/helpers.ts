/**
 * Helpers for the end-to-end tests: they run the built CLI (dist/cli.js) for real, through kpt,
 * kustomize or directly, on copies of the fixtures in test/fixtures/e2e/.
 */
import { spawnSync } from 'child_process';
import { accessSync, constants, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { delimiter, join, relative, resolve } from 'path';
import { parse } from 'yaml';

export const REPO_ROOT = resolve(__dirname, '..', '..');
/** The built CLI, by absolute path: what kpt and kustomize execute. */
export const CLI = join(REPO_ROOT, 'dist', 'cli.js');
export const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'e2e');

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
  const stale = !existsSync(CLI) || statSync(CLI).mtimeMs < newestMtime(join(REPO_ROOT, 'src'));
  if (stale) {
    const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`npm run build failed (exit ${build.status}):\n${build.stdout}${build.stderr}`);
  }
  if (!existsSync(CLI)) throw new Error(`${CLI} does not exist after npm run build`);
  built = true;
}

/** Whether an executable called `name` is on PATH. */
export function onPath(name: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
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

export interface RunOutcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end, without a shell; a command that cannot start throws. */
export function run(command: string, args: readonly string[], options: { cwd?: string; input?: string } = {}): RunOutcome {
  const child = spawnSync(command, args, {
    cwd: options.cwd ?? REPO_ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 50_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.error) throw child.error;
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

/** Runs the built CLI with node (so the test does not depend on its executable bit). */
export function runCli(args: readonly string[], options: { cwd?: string; input?: string } = {}): RunOutcome {
  return run(process.execPath, [CLI, ...args], options);
}

/** Fresh temporary directories, removed again by `cleanup()` (call it in afterEach). */
export class TempDirs {
  private readonly dirs: string[] = [];

  make(): string {
    const dir = mkdtempSync(join(tmpdir(), 'image-ref-updater-e2e-'));
    this.dirs.push(dir);
    return dir;
  }

  /** A fresh copy of a fixture (a file or a directory under test/fixtures/e2e) at `dir/name`. */
  copyFixture(fixture: string, name: string): { dir: string; path: string } {
    const dir = this.make();
    const path = join(dir, name);
    cpSync(join(FIXTURES, fixture), path, { recursive: true });
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

/** How `from` occurs in `text`: the number of occurrences. */
function occurrences(text: string, from: string): number {
  let count = 0;
  for (let at = text.indexOf(from); at >= 0; at = text.indexOf(from, at + 1)) count++;
  return count;
}

/**
 * The expected text after an update: `original` with each `[from, to]` replaced, where every
 * `from` must occur exactly once (so an expectation can never silently match the wrong place).
 * Everything else stays byte-for-byte as it was.
 */
export function withReplacements(original: string, replacements: ReadonlyArray<readonly [string, string]>): string {
  let text = original;
  for (const [from, to] of replacements) {
    const count = occurrences(text, from);
    if (count !== 1) throw new Error(`test setup: ${JSON.stringify(from)} occurs ${count} times, expected exactly once`);
    text = text.replace(from, () => to);
  }
  return text;
}

/** The result lines kpt prints (`[info] ...`, `[warning] ...`, `[error]: ...`), trimmed. */
export function kptResultLines(output: string): string[] {
  return output.split('\n').map((line) => line.trim()).filter((line) => /^\[(info|warning|error)\]/.test(line));
}

/** Reads a YAML file or text into plain data. */
export function yamlData(text: string): unknown {
  return parse(text);
}
