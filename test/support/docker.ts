import { chownSync, readFileSync } from 'fs';
import { join } from 'path';
import { describeRun, onPath, REPO, run, RunOptions, RunResult, skipWith } from './process';

/**
 * The image the tests build from the Dockerfile, once per test run. A full name (with a registry
 * host), because kpt prefixes a name without `/` with gcr.io/kpt-fn/.
 */
export const TEST_IMAGE = 'localhost/image-ref-updater:test';

/** The base image of the Dockerfile's last stage (the runtime). */
export const RUNTIME_BASE = [...readFileSync(join(REPO, 'Dockerfile'), 'utf8').matchAll(/^FROM\s+(\S+)/gm)].at(-1)![1];

let missing: string | undefined | null = null;
let build: RunResult | undefined;

/** Why there is no Docker engine to use here, or undefined when `docker info` answers (asked once). */
function dockerMissing(): string | undefined {
  if (missing === null) {
    if (!onPath('docker')) missing = 'docker is not on PATH';
    else {
      const info = run('docker', ['info', '--format', '{{.ServerVersion}}'], { timeout: 30_000 });
      missing = info.status === 0 ? undefined : `docker info does not answer: ${(info.stderr.trim().split('\n').at(-1) ?? '').trim()}`;
    }
  }
  return missing;
}

/**
 * Makes TEST_IMAGE ready for a test (call it from the test or a beforeEach hook): skips the test,
 * with the reason in its name, when no Docker engine answers, and otherwise builds the Dockerfile
 * (the first call of the run; a failed build fails every caller).
 */
export function needImage(context: Mocha.Context): void {
  const why = dockerMissing();
  if (why !== undefined) skipWith(context, `no Docker engine: ${why}`);
  context.timeout(Math.max(context.timeout(), 900_000));
  // The classic builder: BuildKit would pull its frontend; --network host: containers have no bridge network on the CI machine.
  build ??= run('docker', ['build', '--network', 'host', '-t', TEST_IMAGE, '.'], { env: { ...process.env, DOCKER_BUILDKIT: '0' }, timeout: 900_000 });
  if (build.status !== 0) throw new Error(describeRun(`docker build -t ${TEST_IMAGE} .`, build));
}

/** `docker ARGS...`, failing the test with an account of the run unless it exits 0. */
export function docker(args: readonly string[], options: RunOptions = {}): RunResult {
  const result = run('docker', args, options);
  if (result.status !== 0) throw new Error(describeRun(`docker ${args.join(' ')}`, result));
  return result;
}

/** The uid:gid the container tests run a mounted directory's owner as: this process's own, or 1234 when that is root. */
export function mountOwner(): { uid: number; gid: number } {
  const uid = process.getuid?.() ?? 1234;
  return uid === 0 ? { uid: 1234, gid: 1234 } : { uid, gid: process.getgid?.() ?? uid };
}

/** Gives `paths` to `owner` when this process is root (otherwise they are its own already). */
export function chownAll(paths: readonly string[], owner: { uid: number; gid: number }): void {
  if (process.getuid?.() !== 0) return;
  for (const path of paths) chownSync(path, owner.uid, owner.gid);
}
