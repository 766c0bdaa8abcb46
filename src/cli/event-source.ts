import { decodeEvent } from '../events/decode-event';
import { InputError } from '../input-error';
import { Result } from '../output/results';

/** `--event FILE|-` and `--event-format NAME|auto`: where the new image references come from (SPEC §9). */
export interface EventOptions {
  /** The payload's file, or `-` for stdin. */
  event: string;
  format: string;
}

export type EventArguments = { ok: true; options: EventOptions | undefined; rest: string[] } | { ok: false; error: string };

/** An option's value, given as `--name VALUE` or `--name=VALUE`, and how many arguments it took. */
function optionValue(args: readonly string[], index: number, name: string): { value: string | undefined; taken: number } | undefined {
  const arg = args[index];
  if (arg.startsWith(`${name}=`)) return { value: arg.slice(name.length + 1), taken: 1 };
  if (arg === name) return { value: args[index + 1], taken: 2 };
  return undefined;
}

/**
 * Takes `--event` and `--event-format` out of the arguments; `rest` is the others, in order. The
 * format without an event, or an option without its value, is an error.
 */
export function takeEventOptions(args: readonly string[]): EventArguments {
  const rest: string[] = [];
  let event: string | undefined;
  let format: string | undefined;
  for (let i = 0; i < args.length; ) {
    const option = optionValue(args, i, '--event') ?? optionValue(args, i, '--event-format');
    if (option === undefined) {
      rest.push(args[i++]);
      continue;
    }
    const name = args[i].startsWith('--event-format') ? '--event-format' : '--event';
    if (option.value === undefined || option.value === '') return { ok: false, error: `${name} needs a value: ${name === '--event' ? 'a payload FILE, or - for stdin' : 'a format name, or auto'}` };
    if (name === '--event' && event !== undefined) return { ok: false, error: '--event is given twice: the new image references come from one payload' };
    if (name === '--event') event = option.value;
    else format = option.value;
    i += option.taken;
  }
  if (event === undefined) return format === undefined ? { ok: true, options: undefined, rest } : { ok: false, error: '--event-format needs --event FILE|-' };
  return { ok: true, options: { event, format: format ?? 'auto' }, rest };
}

/** Where a payload was read from, for messages. */
export function payloadName(file: string): string {
  return file === '-' ? 'event payload on stdin' : `event payload ${file}`;
}

/** The new image references a payload announces, its decoder's warnings, and the line that names the format taken. */
export interface EventReferences {
  imageRefs: string[];
  warnings: Result[];
  /** `# event: distribution, 3 image references`: a YAML comment for stderr. */
  formatLine: string;
}

/** Decodes a payload; a payload the function cannot read is an input error naming it. */
export function eventReferences(payload: Uint8Array, options: EventOptions): EventReferences {
  const decoded = decodeEvent(payload, options.format);
  if (!decoded.ok) throw new InputError(decoded.error, payloadName(options.event));
  const count = decoded.references.length;
  return {
    imageRefs: decoded.references,
    warnings: decoded.warnings.map((message) => ({ severity: 'warning', message: `${payloadName(options.event)}: ${message}` })),
    formatLine: `# event: ${decoded.format}, ${count} image reference${count === 1 ? '' : 's'}\n`,
  };
}
