import { CST } from 'yaml';
import { Edit } from './edits';
import { describeOffset } from './input-error';
import { Result } from './results';
import { IncomingRef } from './update';
import { updateResource } from './update-resource';
import { composeDocument, parseTokens, streamError, tokenText } from './yaml-cst';

/** The text every marker, comment or annotation, contains: a document without it has nothing to do. */
export const MARKER_HINT = 'kobold';

export interface StreamUpdate {
  edits: Edit[];
  results: Result[];
}

/**
 * Updates every document of a plain YAML stream. Documents without marker text are neither composed
 * nor checked: they pass through as they are. `file` names the stream in results and errors.
 */
export function updateStream(source: string, refs: readonly IncomingRef[], file?: string): StreamUpdate {
  const tokens = parseTokens(source);
  const name = file ?? 'input';
  const error = streamError(tokens, (offset) => `${name}, ${describeOffset(source, offset)}`);
  if (error) throw error;
  const update: StreamUpdate = { edits: [], results: [] };
  let directives: CST.Token[] = [];
  let index = 0;
  for (const token of tokens) {
    if (token.type === 'directive') directives.push(token);
    if (token.type !== 'document') continue;
    if (tokenText(source, token).includes(MARKER_HINT)) {
      const doc = composeDocument([...directives, token], source, `${name} document ${index}`);
      const { edits, results } = updateResource(doc.contents, source, refs, file === undefined ? undefined : { path: file, index });
      update.edits.push(...edits);
      update.results.push(...results);
    }
    directives = [];
    index++;
  }
  return update;
}
