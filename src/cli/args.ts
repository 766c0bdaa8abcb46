import { parseArgs } from 'util';
import { decodeReadsStdin } from './decode-command';
import type { Parsed } from '../parsed';

/**
 * Where a run's new image references come from: exactly one source per run (SPEC §8): a
 * functionConfig file, `--image` values, or a registry's payload (`--event FILE|-`, §9).
 */
export type RefSource = { kind: 'fn-config'; file: string } | { kind: 'images'; refs: string[] } | { kind: 'event'; file: string; format: string };

/** What a files-in-place run does with the changed files (SPEC §8). */
export type FilesAction = 'write' | 'diff' | 'list';

/** What the command line asks for. */
export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  /** A ResourceList on stdin, the updated one on stdout. */
  | { kind: 'krm' }
  /** `decode [OPTIONS] [PAYLOAD|-]`: a payload's references printed (its own arguments, read by decode-command.ts). */
  | { kind: 'decode'; args: string[] }
  /** The FILEs (stdin for none or `-`) updated and printed as one stream. */
  | { kind: 'standalone'; source: RefSource; files: string[]; quiet: boolean }
  /** Files and directories updated in place, or shown as a diff or a list. */
  | { kind: 'files'; action: FilesAction; source: RefSource; paths: string[]; quiet: boolean };

/** A command line that asks for nothing the CLI does: the message says what is wrong. */
export type ParsedArgs = Parsed<Command>;

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  write: { type: 'boolean', short: 'w' },
  diff: { type: 'boolean', short: 'd' },
  list: { type: 'boolean', short: 'l' },
  image: { type: 'string', multiple: true },
  event: { type: 'string', multiple: true },
  'event-format': { type: 'string' },
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
  if (args.length === 0) return { ok: true, value: { kind: 'krm' } };
  if (args[0] === 'decode') return { ok: true, value: { kind: 'decode', args: args.slice(1) } };
  const { tokens } = parseArgs({ args: args.slice(), options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  const known = new Set(Object.keys(OPTIONS));
  const options = tokens.filter((token) => token.kind === 'option');
  if (options.some((token) => token.name === 'help')) return { ok: true, value: { kind: 'help' } };
  if (options.some((token) => token.name === 'version')) return { ok: true, value: { kind: 'version' } };
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
  const event = eventOf(options);
  if (!event.ok) return event;
  if (images.length > 0 && event.value !== undefined) return { ok: false, error: 'give one source of image references: a functionConfig file, --image REF or --event FILE, not several' };
  if (images.length === 0 && event.value === undefined && positionals.length === 0) {
    if (actions.length > 0 || quiet) return { ok: false, error: `a functionConfig file, --image REF or --event FILE is needed, and a PATH; see image-ref-updater --help` };
    return { ok: true, value: { kind: 'krm' } };
  }
  const refs = imagesOf(images);
  if (images.length > 0 && refs.length === 0) return { ok: false, error: '--image needs an image reference: --image REF or --image REF1,REF2' };
  const source: RefSource = event.value ?? (images.length > 0 ? { kind: 'images', refs } : { kind: 'fn-config', file: positionals[0] });
  const rest = source.kind === 'fn-config' ? positionals.slice(1) : positionals;
  if (actions.length === 0) {
    if (source.kind === 'event' && source.file === '-' && (rest.length === 0 || rest.includes('-'))) {
      return { ok: false, error: '--event - reads the payload from stdin, so the YAML must come from FILE arguments' };
    }
    return { ok: true, value: { kind: 'standalone', source, files: rest, quiet } };
  }
  if (rest.length === 0) return { ok: false, error: `--${actions[0]} needs at least one PATH, a file or a directory` };
  if (rest.includes('-')) return { ok: false, error: `--${actions[0]} works on files and directories, not on stdin (-)` };
  return { ok: true, value: { kind: 'files', action: actions[0], source, paths: rest, quiet } };
}

type OptionToken = { name: string; rawName: string; value?: string | undefined };

/** `--event FILE|-` with `--event-format NAME|auto` as a source, if given: once, each with a value. */
function eventOf(options: readonly OptionToken[]): Parsed<RefSource | undefined> {
  const events = options.filter((token) => token.name === 'event');
  const formats = options.filter((token) => token.name === 'event-format');
  if (events.length > 1) return { ok: false, error: '--event is given twice: the new image references come from one payload' };
  if (events.length === 1 && (events[0].value === undefined || events[0].value === '')) return { ok: false, error: '--event needs a value: a payload FILE, or - for stdin' };
  if (formats.some((token) => token.value === undefined || token.value === '' || token.value.startsWith('-'))) return { ok: false, error: '--event-format needs a value: a format name, or auto' };
  if (events.length === 0) return formats.length === 0 ? { ok: true, value: undefined } : { ok: false, error: '--event-format needs --event FILE|-' };
  return { ok: true, value: { kind: 'event', file: events[0].value!, format: formats[0]?.value ?? 'auto' } };
}

/** Whether a run of this command reads stdin: KRM mode, a source read from `-`, standalone with `-` as a FILE or without FILEs, and decode from `-`. */
export function readsStdin(command: Command): boolean {
  if (command.kind === 'krm') return true;
  if (command.kind === 'decode') return decodeReadsStdin(command.args);
  if (command.kind === 'help' || command.kind === 'version') return false;
  if (command.source.kind !== 'images' && command.source.file === '-') return true;
  return command.kind === 'standalone' && (command.files.length === 0 || command.files.includes('-'));
}
