#!/usr/bin/env node
/**
 * The command's entry point (dist/cli.js): runs the CLI bundle (dist/cli-bundle.js) with V8's code
 * cache of it (dist/cli-bundle.cache, made by scripts/build.js from a sample run), so that a run
 * does not parse and compile again the functions every run uses: about 4 ms, a tenth of what the
 * CLI adds to node's own start-up. A cache made by another V8 is rejected by V8, and the bundle is
 * compiled as usual; a missing one is the same.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { Script } from 'vm';

export const BUNDLE = 'cli-bundle.js';
export const CODE_CACHE = 'cli-bundle.cache';

/** The bundle in `dir` as a CommonJS module function, compiled with the code cache given. */
export function bundleScript(dir: string, cachedData?: Buffer): Script {
  const file = join(dir, BUNDLE);
  return new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`, { filename: file, cachedData });
}

/** Runs the bundle as node runs a module: with this module's `require`, which finds the same packages. */
export function runBundle(script: Script, dir: string): void {
  const bundle = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void)(bundle.exports, require, bundle, join(dir, BUNDLE), dir);
}

function readCodeCache(dir: string): Buffer | undefined {
  try {
    return readFileSync(join(dir, CODE_CACHE));
  } catch {
    return undefined;
  }
}

if (require.main === module) runBundle(bundleScript(__dirname, readCodeCache(__dirname)), __dirname);
