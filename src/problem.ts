import { lastAtOrBefore } from './sorted-offsets';

/** What is wrong with input, for a program to tell; the problem's words say it for a person. */
export type InputErrorCode =
  /** Not text: NUL bytes, control characters, not UTF-8. */
  | 'NOT_YAML_TEXT'
  /** The yaml library's composer or parser rejects it. */
  | 'INVALID_YAML'
  /** An alias whose anchor is not before it. */
  | 'UNKNOWN_ALIAS'
  /** A directive (`%YAML`, `%TAG`, reserved) not followed by a `---` line. */
  | 'DIRECTIVE_WITHOUT_DOCUMENT'
  /** A directive line after a document that has no `...` line to end it. */
  | 'DIRECTIVE_IN_DOCUMENT'
  /** Two `%YAML` directives before one document. */
  | 'DUPLICATE_YAML_DIRECTIVE'
  /** Nesting the composer cannot follow without running out of stack. */
  | 'NESTING_TOO_DEEP'
  /** More alias expansion than the composer allows (an alias bomb). */
  | 'TOO_MANY_ALIASES'
  /** A ResourceList of the wrong shape, or no ResourceList at all. */
  | 'NOT_A_RESOURCE_LIST'
  /** An item of a ResourceList that is no mapping. */
  | 'NOT_A_RESOURCE'
  /** No input to read: stdin is a terminal. */
  | 'NO_INPUT'
  /** A file or path argument that does not exist. */
  | 'FILE_NOT_FOUND'
  /** A file or directory the run may not read. */
  | 'PERMISSION_DENIED'
  /** A directory where a file is expected. */
  | 'IS_A_DIRECTORY'
  /** A path that is neither a file nor a directory, or that cannot be read for another reason. */
  | 'NOT_A_FILE'
  /** A functionConfig file of no accepted kind, or of the wrong shape (SPEC §2). */
  | 'INVALID_FUNCTION_CONFIG'
  /** An `--event-format` that names no format. */
  | 'UNKNOWN_EVENT_FORMAT'
  /** A payload, or a field of one, that is not UTF-8 text (or not base64 of it). */
  | 'PAYLOAD_NOT_TEXT'
  /** A payload, or a field of one, that starts as JSON and does not parse. */
  | 'INVALID_JSON'
  /** A JSON payload that no format recognises (under `auto`). */
  | 'UNRECOGNISED_PAYLOAD'
  /** A payload that does not have the shape of the format it is read as. */
  | 'WRONG_PAYLOAD_SHAPE'
  /** A payload read as lines with no line that is an image reference. */
  | 'NO_IMAGE_REFERENCE'
  /** A payload of its format's shape whose content contradicts itself. */
  | 'INVALID_PAYLOAD';

/** A problem with input that only costs a warning: the run goes on. */
export type WarningCode =
  /** A mapping key written twice: the last one counts (SPEC §7). */
  | 'DUPLICATE_KEY'
  /** Embedded YAML whose root is a scalar, not a mapping or a sequence (SPEC §10). */
  | 'NOT_A_COLLECTION'
  /** Embedded YAML nested deeper than is read (SPEC §10). */
  | 'EMBEDDED_TOO_DEEP'
  /** A payload that announces no pushed image (SPEC §9). */
  | 'NO_PUSHED_IMAGE'
  /** A reference a payload builds that is not a valid image reference: it is left out. */
  | 'INVALID_PUSHED_REFERENCE'
  /** A payload format that sends no digest: only the tag is known. */
  | 'NO_DIGEST';

/** Why a run could not write a file it changed (files in place, SPEC §8). */
export type WriteErrorCode =
  /** A file, or its directory, that the run may not write: checked before any file is written. */
  | 'NOT_WRITABLE'
  /** A write that failed (a full disk): the run stops there. */
  | 'WRITE_FAILED';

export type ProblemCode = InputErrorCode | WarningCode | WriteErrorCode;

/** A place in a text: 1-based line and column, and the 0-based offset. */
export interface TextPosition {
  line: number;
  column: number;
  offset: number;
}

/**
 * The part of an input a problem is in: a document of a stream (`document 2`), an item of a
 * ResourceList (`items[3]`), or a field whose content is read as a text of its own (a payload's
 * `message.data`), the position then being in that content.
 */
export type UnitPlace = { kind: 'document' | 'item'; index: number } | { kind: 'field'; path: string };

/** Where a problem is. Each part is there when known: `input` is added by the caller that knows the input's name. */
export interface ProblemPlace {
  /** The input: `stdin`, a file's path, `event payload FILE`, `embedded YAML`. */
  input?: string;
  unit?: UnitPlace;
  /** In the input (or, for a field unit, in the field's content). */
  position?: TextPosition;
}

/** What is wrong, as data: a code, the words without any place, and the place. */
export interface Problem {
  readonly code: ProblemCode;
  readonly problem: string;
  readonly place: ProblemPlace;
}

function unitLabel(unit: UnitPlace): string {
  if (unit.kind === 'field') return `field ${unit.path}`;
  return unit.kind === 'document' ? `document ${unit.index}` : `items[${unit.index}]`;
}

/**
 * The one line a person reads for a problem: its place, then what is wrong:
 * `deploy.yaml document 1, line 3, column 5: invalid YAML: ...`, `stdin items[2], line 9, column 1: ...`,
 * `a-directory: is a directory: ...`, or the words alone when there is no place.
 */
export function formatProblem({ problem, place: { input, unit, position } }: Problem): string {
  let where = input ?? '';
  if (unit !== undefined) where = where === '' ? unitLabel(unit) : `${where} ${unitLabel(unit)}`;
  if (position !== undefined) where = `${where === '' ? '' : `${where}, `}line ${position.line}, column ${position.column}`;
  return where === '' ? problem : `${where}: ${problem}`;
}

/**
 * Input the function cannot work on: malformed YAML, a ResourceList of the wrong shape, binary
 * text, a payload it cannot read. Made where the problem is found, without the input's name, which
 * the caller that knows it adds (withInput); its message is formatProblem's line.
 */
export class InputError extends Error implements Problem {
  constructor(
    readonly code: InputErrorCode,
    readonly problem: string,
    readonly place: ProblemPlace = {},
  ) {
    super(formatProblem({ code, problem, place }));
    this.name = 'InputError';
  }

  /** The same error, in the input named `input`. */
  withInput(input: string): InputError {
    return new InputError(this.code, this.problem, { ...this.place, input });
  }

  /** The same error, in the unit `unit` of its input. */
  inUnit(unit: UnitPlace): InputError {
    return new InputError(this.code, this.problem, { ...this.place, unit });
  }
}

/**
 * The starts of the lines of the last text asked about: an error needs its line and column, and
 * a run with many (duplicate keys, say) must not count lines from the start for each.
 */
let indexedText = '';
let lineStarts: number[] = [0];

function lineStartsOf(text: string): number[] {
  if (text !== indexedText) {
    indexedText = text;
    lineStarts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  }
  return lineStarts;
}

/** The line and column of an offset in a text, by a binary search of its line starts. */
export function positionOf(text: string, offset: number): TextPosition {
  const starts = lineStartsOf(text);
  const line = lastAtOrBefore(starts, offset);
  return { line: line + 1, column: offset - starts[line] + 1, offset };
}

/** An InputError at `offset` of `text` (in `unit`, when the text has units). */
export function inputErrorAt(code: InputErrorCode, problem: string, text: string, offset: number, unit?: UnitPlace): InputError {
  const position = positionOf(text, offset);
  return new InputError(code, problem, unit === undefined ? { position } : { unit, position });
}

/**
 * The errors the yaml library throws instead of reporting, as input errors: nesting too deep for
 * the stack, alias expansion past its limit (an alias bomb), and an alias without an anchor before
 * it (found when a document is turned into values). Anything else is not input's fault.
 */
export function inputErrorOf(error: unknown): InputError | undefined {
  if (error instanceof InputError) return error;
  if (error instanceof RangeError && /call stack/i.test(error.message)) return new InputError('NESTING_TOO_DEEP', 'nesting too deep to process');
  if (error instanceof ReferenceError && /excessive alias/i.test(error.message)) return new InputError('TOO_MANY_ALIASES', `too many aliases to expand (${error.message})`);
  if (error instanceof ReferenceError && /unresolved alias/i.test(error.message)) return new InputError('UNKNOWN_ALIAS', `invalid YAML: ${error.message}`);
  return undefined;
}

/** Runs `read` on the input named `input`: an InputError it throws gets that name. */
export function readingInput<T>(input: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw error instanceof InputError ? error.withInput(input) : error;
  }
}
