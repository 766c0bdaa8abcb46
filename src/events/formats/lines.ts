import { parseIncomingReference } from '../../match/reference';
import { InputError } from '../../problem';
import { AnyEventFormat, EventFormat } from '../format';

/** Why no line of a payload is an image reference: the first line that tried, or that there is none. */
function noReferenceError(lines: readonly string[]): InputError {
  const first = lines.findIndex((line) => line !== '' && !line.startsWith('#'));
  if (first < 0) return new InputError('NO_IMAGE_REFERENCE', 'not JSON, and it has no line with an image reference');
  const parsed = parseIncomingReference(lines[first]);
  const why = parsed.ok ? '' : `: line ${first + 1} ${JSON.stringify(lines[first].slice(0, 80))}: ${parsed.error}`;
  return new InputError('NO_IMAGE_REFERENCE', `not JSON, and no line is a valid image reference${why}`);
}

/**
 * kobold's `builtin.lines@v1`: one reference a line, trimmed; blank lines and `#` comments skipped.
 * Any payload that is not JSON could be lines, so one without a single valid reference is an error
 * (a misconfigured webhook must fail loudly); an invalid line among valid ones is a warning.
 */
const linesFormat: EventFormat<string> = {
  name: 'lines',
  input: 'text',
  recognises: (payload) => typeof payload === 'string',
  read(text) {
    const lines = text.split('\n').map((line) => line.trim());
    const references = lines.filter((line) => line !== '' && !line.startsWith('#'));
    if (!references.some((reference) => parseIncomingReference(reference).ok)) throw noReferenceError(lines);
    return { pushes: references.map((reference) => ({ reference, index: false })), warnings: [] };
  },
};

export const lines = linesFormat as unknown as AnyEventFormat;
