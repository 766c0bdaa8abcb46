import { lastAtOrBefore } from './sorted-offsets';

/** What is wrong with input, for a program to tell; the message says it for a person. */
export type InputErrorCode =
  /** Not text: NUL bytes, control characters, not UTF-8, a terminal or a directory given as input. */
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
  | 'NOT_A_RESOURCE';

/** A place in a text: 1-based line and column. */
export interface LinePosition {
  line: number;
  column: number;
}

/**
 * Input the function cannot work on: malformed YAML, a ResourceList of the wrong shape, binary
 * text. The message is one line that names what is wrong and where; `code` and `position` say the
 * same for a program.
 */
export class InputError extends Error {
  constructor(
    readonly what: string,
    readonly where: string,
    readonly code: InputErrorCode = 'NOT_YAML_TEXT',
    readonly position?: LinePosition,
  ) {
    super(where ? `${where}: ${what}` : what);
    this.name = 'InputError';
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
export function positionOf(text: string, offset: number): LinePosition {
  const starts = lineStartsOf(text);
  const line = lastAtOrBefore(starts, offset);
  return { line: line + 1, column: offset - starts[line] + 1 };
}

/** `line L, column C` of an offset in a text. */
export function describeOffset(text: string, offset: number): string {
  const { line, column } = positionOf(text, offset);
  return `line ${line}, column ${column}`;
}

/** An InputError at `offset` of `text`, its place written after `where`. */
export function inputErrorAt(code: InputErrorCode, what: string, where: string, text: string, offset: number): InputError {
  const position = positionOf(text, offset);
  return new InputError(what, `${where}, line ${position.line}, column ${position.column}`, code, position);
}

/**
 * The errors the yaml library throws instead of reporting, as input errors: nesting too deep for
 * the stack, and alias expansion past its limit (an alias bomb). Anything else is not input's fault.
 */
export function inputErrorOf(error: unknown, where: string): InputError | undefined {
  if (error instanceof InputError) return error;
  if (error instanceof RangeError && /call stack/i.test(error.message)) return new InputError('nesting too deep to process', where, 'NESTING_TOO_DEEP');
  if (error instanceof ReferenceError && /alias/i.test(error.message)) return new InputError(`too many aliases to expand (${error.message})`, where, 'TOO_MANY_ALIASES');
  return undefined;
}
