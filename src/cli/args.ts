import { parseArgs } from 'util';

/**
 * Where a run's new image references come from: exactly one source per run (SPEC §8). A new source
 * (`--event FILE`, §9) is one more case here and in `loadRefSource`.
 */
export type RefSource = { kind: 'fn-config'; file: string } | { kind: 'images'; refs: string[] };

/** What a files-in-place run does with the changed files (SPEC §8). */
export type FilesAction = 'write' | 'diff' | 'list';

/** What the command line asks for. */
export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  /** A ResourceList on stdin, the updated one on stdout. */
  | { kind: 'krm' }
  /** The FILEs (stdin for none or `-`) updated and printed as one stream. */
  | { kind: 'standalone'; source: RefSource; files: string[]; quiet: boolean }
  /** Files and directories updated in place, or shown as a diff or a list. */
  | { kind: 'files'; action: FilesAction; source: RefSource; paths: string[]; quiet: boolean };

/** A command line that asks for nothing the CLI does: the message says what is wrong. */
export type ParsedArgs = { ok: true; command: Command } | { ok: false; error: string };

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  write: { type: 'boolean', short: 'w' },
  diff: { type: 'boolean', short: 'd' },
  list: { type: 'boolean', short: 'l' },
  image: { type: 'string', multiple: true },
  quiet: { type: 'boolean' },
} as const;

const ACTIONS: readonly FilesAction[] = ['write', 'diff', 'list'];

export const ACTION_FLAGS = '-w (--write), -d (--diff) or -l (--list)';

/** The references of `--image` values: each may hold several, separated by commas. */
export function imagesOf(values: readonly string[]): string[] {
  return values.flatMap((value) => value.split(',')).map((ref) => ref.trim()).filter((ref) => ref !== '');
}

/** Reads the command line (without node and the script). */
export function parseCommandLine(args: readonly string[]): ParsedArgs {
  // KRM mode, the common case under kpt, without loading node's argument parser.
  if (args.length === 0) return { ok: true, command: { kind: 'krm' } };
  const { tokens } = parseArgs({ args: args.slice(), options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  const known = new Set(Object.keys(OPTIONS));
  const options = tokens.filter((token) => token.kind === 'option');
  if (options.some((token) => token.name === 'help')) return { ok: true, command: { kind: 'help' } };
  if (options.some((token) => token.name === 'version')) return { ok: true, command: { kind: 'version' } };
  const unknown = options.find((token) => !known.has(token.name));
  if (unknown !== undefined) return { ok: false, error: `unknown option ${unknown.rawName}; see image-ref-updater --help` };
  const images: string[] = [];
  for (const token of options) {
    if (token.name !== 'image') continue;
    if (token.value === undefined || token.value.startsWith('-')) return { ok: false, error: '--image needs an image reference: --image REF or --image REF1,REF2' };
    images.push(token.value);
  }
  const actions = ACTIONS.filter((action) => options.some((token) => token.name === action));
  if (actions.length > 1) return { ok: false, error: `${ACTION_FLAGS} exclude each other: give one` };
  const positionals = tokens.flatMap((token) => (token.kind === 'positional' ? [token.value] : []));
  const quiet = options.some((token) => token.name === 'quiet');
  if (images.length === 0 && positionals.length === 0) {
    if (actions.length > 0 || quiet) return { ok: false, error: `a functionConfig file or --image REF is needed, and a PATH; see image-ref-updater --help` };
    return { ok: true, command: { kind: 'krm' } };
  }
  const refs = imagesOf(images);
  if (images.length > 0 && refs.length === 0) return { ok: false, error: '--image needs an image reference: --image REF or --image REF1,REF2' };
  const source: RefSource = images.length > 0 ? { kind: 'images', refs } : { kind: 'fn-config', file: positionals[0] };
  const rest = images.length > 0 ? positionals : positionals.slice(1);
  if (actions.length === 0) return { ok: true, command: { kind: 'standalone', source, files: rest, quiet } };
  if (rest.length === 0) return { ok: false, error: `--${actions[0]} needs at least one PATH, a file or a directory` };
  if (rest.includes('-')) return { ok: false, error: `--${actions[0]} works on files and directories, not on stdin (-)` };
  return { ok: true, command: { kind: 'files', action: actions[0], source, paths: rest, quiet } };
}

/** Whether a run of this command reads stdin: KRM mode, and standalone with `-` (as a FILE or FN_CONFIG) or without FILEs. */
export function readsStdin(command: Command): boolean {
  if (command.kind === 'krm') return true;
  if (command.kind !== 'standalone') return false;
  return command.files.length === 0 || command.files.includes('-') || (command.source.kind === 'fn-config' && command.source.file === '-');
}
