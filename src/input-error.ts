/**
 * Input the function cannot work on: malformed YAML, a ResourceList of the wrong shape, binary
 * text. The message is one line that names what is wrong and where.
 */
export class InputError extends Error {
  constructor(
    readonly what: string,
    readonly where: string,
  ) {
    super(where ? `${where}: ${what}` : what);
    this.name = 'InputError';
  }
}

/** `line L, column C` of an offset in a text. */
export function describeOffset(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

/**
 * The errors the yaml library throws instead of reporting, as input errors: nesting too deep for
 * the stack, and alias expansion past its limit (an alias bomb). Anything else is not input's fault.
 */
export function inputErrorOf(error: unknown, where: string): InputError | undefined {
  if (error instanceof InputError) return error;
  if (error instanceof RangeError && /call stack/i.test(error.message)) return new InputError('nesting too deep to process', where);
  if (error instanceof ReferenceError && /alias/i.test(error.message)) return new InputError(`too many aliases to expand (${error.message})`, where);
  return undefined;
}
