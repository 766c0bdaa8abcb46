import { spawnSync } from 'child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { delimiter, join, resolve } from 'path';

/** The repository root, and the built CLI the examples run. */
export const REPO = resolve(__dirname, '..', '..', '..');
export const CLI = join(REPO, 'dist', 'cli.js');

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  input?: string;
  env?: NodeJS.ProcessEnv;
  timeout?: number;
}

/** Runs a command to completion; a command that cannot start gives status null and the reason on stderr. */
export function run(command: string, args: readonly string[], options: RunOptions = {}): RunResult {
  const result = spawnSync(command, args, {
    cwd: options.cwd ?? REPO,
    input: options.input ?? '',
    env: options.env ?? process.env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: options.timeout ?? 120_000,
  });
  return { status: result.status, stdout: result.stdout ?? '', stderr: `${result.stderr ?? ''}${result.error ? String(result.error) : ''}` };
}

/** A readable account of a run, for assertion messages. */
export function describeRun(what: string, result: RunResult): string {
  return `${what} exited ${result.status}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
}

/** Whether a command is on PATH. */
export function onPath(command: string, path = process.env.PATH ?? ''): boolean {
  return path.split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, command)));
}

/** Temporary directories of a test file, removed together. */
export class TempDirs {
  private readonly dirs: string[] = [];

  make(prefix: string): string {
    const dir = mkdtempSync(join(tmpdir(), `image-ref-updater-${prefix}-`));
    this.dirs.push(dir);
    return dir;
  }

  removeAll(): void {
    for (const dir of this.dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  }
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

/** Builds dist/ when it is missing; `npm test` builds it before mocha runs. */
export function ensureBuilt(): void {
  if (existsSync(CLI)) return;
  const build = run('npm', ['run', 'build', '--silent'], { timeout: 170_000 });
  if (build.status !== 0) throw new Error(describeRun('npm run build', build));
}
