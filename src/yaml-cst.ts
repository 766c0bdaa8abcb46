import { Composer, CST, Document, Parser } from 'yaml';
import { describeOffset, InputError } from './input-error';

/** The top-level tokens of a YAML stream: documents, directives, comments, errors. */
export function parseTokens(text: string): CST.Token[] {
  return Array.from(new Parser().parse(text));
}

/** The offset just past a token's source. */
export function tokenEnd(token: CST.Token): number {
  return token.offset + CST.stringify(token).length;
}

/** The source text of a token. */
export function tokenText(source: string, token: CST.Token): string {
  return source.slice(token.offset, tokenEnd(token));
}

/** The first error of a parse as one line naming what is wrong and where. */
function firstError(doc: Document.Parsed, source: string, where: string): InputError | undefined {
  const error = doc.errors[0];
  if (error === undefined) return undefined;
  const what = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return new InputError(`invalid YAML: ${what}`, `${where}, ${describeOffset(source, error.pos[0])}`);
}

/**
 * Composes one document token (with the directives before it) into nodes whose ranges are offsets
 * into the whole source. Throws an InputError for the first YAML error in it.
 */
export function composeDocument(tokens: readonly CST.Token[], source: string, where: string): Document.Parsed {
  const [doc] = Array.from(new Composer({ keepSourceTokens: true }).compose(tokens));
  const error = firstError(doc, source, where);
  if (error) throw error;
  return doc;
}

/** Composes a node token that sits inside a larger document, such as one ResourceList item. */
export function composeNode(token: CST.Token, source: string, where: string): Document.Parsed {
  const synthetic: CST.Document = { type: 'document', offset: token.offset, start: [], value: token, end: [] };
  return composeDocument([synthetic], source, where);
}

/** The top-level 'error' tokens of a stream as an InputError, if there are any. */
export function streamError(tokens: readonly CST.Token[], where: (offset: number) => string): InputError | undefined {
  const error = tokens.find((token): token is CST.ErrorToken => token.type === 'error');
  return error && new InputError(`invalid YAML: ${error.message}`, where(error.offset));
}
