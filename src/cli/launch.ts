#!/usr/bin/env node
/**
 * The command's entry point (dist/cli.js): runs the CLI bundle (dist/cli-bundle.js) with V8's code
 * cache of it (dist/cli-bundle.cache, made by scripts/build.js from a sample run), so that a run
 * does not parse and compile again the functions every run uses: about 4 ms, a tenth of what the
 * CLI adds to node's own start-up. The yaml library, which only runs that compose some YAML need,
 * is a bundle of its own (dist/yaml-bundle.js, with dist/yaml-bundle.cache), run on the CLI's first
 * `require('yaml')`. A cache made by another V8 is rejected by V8, and the bundle is compiled as
 * usual; a missing one is the same.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { Script } from 'vm';

export const BUNDLE = 'cli-bundle.js';
export const YAML_BUNDLE = 'yaml-bundle.js';
/** The bundles, each with its code cache beside it. */
export const BUNDLES = [BUNDLE, YAML_BUNDLE] as const;
export type Bundle = (typeof BUNDLES)[number];

/** The file of a bundle's code cache. */
export function codeCacheFile(bundle: Bundle): string {
  return bundle.replace(/\.js$/, '.cache');
}

/** A bundle in `dir` as a CommonJS module function, compiled with the code cache given. */
export function bundleScript(dir: string, bundle: Bundle, cachedData?: Buffer): Script {
  const file = join(dir, bundle);
  return new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`, { filename: file, cachedData });
}

/** Runs a bundle as node runs a module, with the `require` given; its exports. */
function runBundle(script: Script, dir: string, bundle: Bundle, requireModule: (id: string) => unknown): unknown {
  const module = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, requireModule, module, join(dir, bundle), dir);
  return module.exports;
}

/**
 * Runs the CLI bundle of `dir`, each bundle's script made by `scriptOf`: the CLI's `require('yaml')`
 * runs the yaml bundle, once; any other module comes from this module's `require`, which finds the
 * same packages.
 */
export function runCli(dir: string, scriptOf: (bundle: Bundle) => Script): void {
  let yaml: unknown;
  const requireModule = (id: string): unknown => (id === 'yaml' ? (yaml ??= runBundle(scriptOf(YAML_BUNDLE), dir, YAML_BUNDLE, require)) : require(id));
  runBundle(scriptOf(BUNDLE), dir, BUNDLE, requireModule);
}

function readCodeCache(dir: string, bundle: Bundle): Buffer | undefined {
  try {
    return readFileSync(join(dir, codeCacheFile(bundle)));
  } catch {
    return undefined;
  }
}

if (require.main === module) runCli(__dirname, (bundle) => bundleScript(__dirname, bundle, readCodeCache(__dirname, bundle)));
