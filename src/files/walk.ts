import { Dirent, readdirSync, readFileSync, realpathSync, statSync } from 'fs';
import { join, normalize } from 'path';
import type { Ignore } from 'ignore';
import { InputError } from '../problem';
import { isTempFileName } from './temp-name';

/** A YAML file a run reads, and may write. */
export interface FoundFile {
  /** The argument joined with the path below it, normalised: what results, `--list` and the diff name. */
  path: string;
  /** Where it is: a link named as an argument resolved, so that a write replaces its target. */
  realPath: string;
}

export const IGNORE_FILE = '.krmignore';

/** The ignore rules of one directory, with the path of that directory below the walked argument (`''` or `a/b/`). */
interface IgnoreRules {
  below: string;
  rules: Ignore;
}

/** Whether a name is of a YAML file the walk reads. */
export function isYamlFileName(name: string): boolean {
  return (name.endsWith('.yaml') || name.endsWith('.yml')) && !isTempFileName(name);
}

const BEYOND_BMP = /[\uD800-\uFFFF]/;

/**
 * Names in the byte order of their UTF-8 encoding, the same on every machine. UTF-16 code units
 * order the same way except from the surrogates up, which are compared as bytes.
 */
export function byteOrder(a: string, b: string): number {
  if (BEYOND_BMP.test(a) || BEYOND_BMP.test(b)) return Buffer.compare(Buffer.from(a), Buffer.from(b));
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Whether `path` (below the walked argument, `/` after a directory) is ignored by the rules of its
 * enclosing directories, outermost first: as with `.gitignore` files, a deeper file's rule (a `!`
 * negation too) overrides an outer one.
 */
export function isIgnored(stack: readonly IgnoreRules[], path: string): boolean {
  let ignored = false;
  for (const { below, rules } of stack) {
    const verdict = rules.test(path.slice(below.length));
    if (verdict.ignored) ignored = true;
    else if (verdict.unignored) ignored = false;
  }
  return ignored;
}

function loadIgnoreRules(file: string, below: string): IgnoreRules {
  const ignore = require('ignore') as typeof import('ignore');
  return { below, rules: ignore().add(readFileSync(file, 'utf8')) };
}

/**
 * The YAML files below `dir` (at `below` under the argument), depth first, each directory's
 * entries in byte order of their names, calling `found` with each file's path below the argument.
 * `.git` directories and symbolic links are not entered; `.krmignore` files add their rules.
 */
function walkDirectory(dir: string, below: string, stack: IgnoreRules[], found: (below: string) => void): void {
  const entries: Dirent[] = readdirSync(dir, { withFileTypes: true });
  if (entries.some((entry) => BEYOND_BMP.test(entry.name))) entries.sort((a, b) => byteOrder(a.name, b.name));
  else entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const ignoreFile = entries.find((entry) => entry.name === IGNORE_FILE && entry.isFile());
  const rules = ignoreFile === undefined ? stack : stack.concat(loadIgnoreRules(join(dir, IGNORE_FILE), below));
  for (const entry of entries) {
    const path = below + entry.name;
    if (entry.isDirectory()) {
      if (entry.name !== '.git' && !isIgnored(rules, `${path}/`)) walkDirectory(join(dir, entry.name), `${path}/`, rules, found);
    } else if (entry.isFile() && isYamlFileName(entry.name) && !isIgnored(rules, path)) {
      found(path);
    }
  }
}

/** Why a file or directory cannot be read, as an InputError without the path, which the caller adds. */
export function fileError(error: NodeJS.ErrnoException): InputError {
  if (error.code === 'ENOENT') return new InputError('FILE_NOT_FOUND', 'no such file or directory');
  if (error.code === 'ENOTDIR') return new InputError('FILE_NOT_FOUND', 'no such file or directory (a part of the path is a file)');
  if (error.code === 'EACCES' || error.code === 'EPERM') return new InputError('PERMISSION_DENIED', 'permission denied');
  if (error.code === 'EISDIR') return new InputError('IS_A_DIRECTORY', 'is a directory');
  return new InputError('NOT_A_FILE', `cannot be read: ${error.message}`);
}

/**
 * The files the PATH arguments name, in order: a file as it is (a link read through), a directory
 * walked. A file reached twice, by overlapping arguments, comes once, where it came first.
 */
export function collectFiles(args: readonly string[]): FoundFile[] {
  const files: FoundFile[] = [];
  const seen = new Set<string>();
  const add = (path: string, realPath: string): void => {
    if (seen.has(realPath)) return;
    seen.add(realPath);
    files.push({ path, realPath });
  };
  for (const arg of args) {
    let realArg: string;
    let isDirectory: boolean;
    try {
      realArg = realpathSync(arg);
      const stat = statSync(realArg);
      if (!stat.isDirectory() && !stat.isFile()) throw new InputError('NOT_A_FILE', 'is neither a file nor a directory', { input: arg });
      isDirectory = stat.isDirectory();
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw fileError(error as NodeJS.ErrnoException).withInput(arg);
    }
    if (!isDirectory) {
      add(normalize(arg), realArg);
      continue;
    }
    // Names below the argument are plain (no `.`, `..` or `//`): joined without normalising each.
    const shown = normalize(arg).replace(/\/+$/, '');
    const prefix = shown === '.' ? '' : `${shown}/`;
    const realPrefix = realArg.endsWith('/') ? realArg : `${realArg}/`;
    walkDirectory(realArg, '', [], (below) => add(prefix + below, realPrefix + below));
  }
  return files;
}
