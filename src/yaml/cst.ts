import type { CST, Document } from 'yaml';
import { yamlLibrary } from '../lazy';
import { InputError, inputErrorAt } from '../problem';

/** The top-level tokens of a YAML stream: documents, directives, comments, errors. */
export function parseTokens(text: string): CST.Token[] {
  return Array.from(new (yamlLibrary().Parser)().parse(text));
}

/** The offset just past a token's source. */
export function tokenEnd(token: CST.Token): number {
  return token.offset + yamlLibrary().CST.stringify(token).length;
}

/**
 * The first error of a parse, at its place in `source`; `base` is the offset in `source` of the
 * text that was parsed. The composer reports running out of stack as an error of its own, which is
 * said as what it means.
 */
export function firstYamlError(doc: Document.Parsed, source: string, base: number): InputError | undefined {
  const error = doc.errors[0];
  if (error === undefined) return undefined;
  const tooDeep = /call stack/i.test(error.message);
  const what = tooDeep ? 'nesting too deep to process' : error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return inputErrorAt(tooDeep ? 'NESTING_TOO_DEEP' : 'INVALID_YAML', `invalid YAML: ${what}`, source, base + error.pos[0]);
}

/**
 * Composes a node token that sits inside a larger document, such as a ResourceList's
 * functionConfig, with ranges that are offsets into the whole source. Throws an InputError for its
 * first YAML error.
 */
export function composeNode(token: CST.Token, source: string, options: { strict?: boolean; uniqueKeys?: boolean } = {}): Document.Parsed {
  const synthetic: CST.Document = { type: 'document', offset: token.offset, start: [], value: token, end: [] };
  const [doc] = Array.from(new (yamlLibrary().Composer)(options).compose([synthetic]));
  const error = firstYamlError(doc, source, 0);
  if (error) throw error;
  return doc;
}

/** The top-level 'error' tokens of a stream as an InputError, if there are any. */
export function streamError(tokens: readonly CST.Token[], source: string): InputError | undefined {
  const error = tokens.find((token): token is CST.ErrorToken => token.type === 'error');
  return error && inputErrorAt('INVALID_YAML', `invalid YAML: ${error.message}`, source, error.offset);
}
