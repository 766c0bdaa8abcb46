import { goTrimSpace } from './go-strings';
import type { Parsed } from '../parsed';

/** The comment prefix that marks a field, exactly as kobold spells it. */
export const MARKER_PREFIX = '# kobold:';

/** The options of a marker as written, before they are checked. */
export interface MarkerOptions {
  type: string;
  tag: string;
  part: string;
  context: string;
}

export type MarkerParse = Parsed<MarkerOptions>;

const OPTION_KEYS: ReadonlySet<string> = new Set(['type', 'tag', 'part', 'context']);

/**
 * Parses the text that follows `# kobold:`: `key: value` pairs separated by `;`, each split at its
 * first `:`, keys and values trimmed of Go white space, the last of a duplicate key winning.
 * Empty or white-space segments before a `;` are skipped (SPEC D5; kobold rejects them), and so is
 * the empty segment after a trailing `;`. White space after the last `;` stays an invalid pair, as
 * in kobold: the parity records keep that case without a divergence.
 */
export function parseMarker(text: string): MarkerParse {
  const options: MarkerOptions = { type: '', tag: '', part: '', context: '' };
  const segments = text.split(';');
  for (const [index, segment] of segments.entries()) {
    const isLast = index === segments.length - 1;
    if (segment === '' || (!isLast && goTrimSpace(segment) === '')) continue;
    const colon = segment.indexOf(':');
    if (colon < 0) return { ok: false, error: `invalid key value pair ${JSON.stringify(segment)}: expected "key: value"` };
    const key = goTrimSpace(segment.slice(0, colon));
    if (!OPTION_KEYS.has(key)) {
      return { ok: false, error: `unknown key ${JSON.stringify(key)}: expected one of type, tag, part, context` };
    }
    options[key as keyof MarkerOptions] = goTrimSpace(segment.slice(colon + 1));
  }
  return { ok: true, value: options };
}

/** The marker text of a comment (`# kobold: ...` gives ` ...`), or null when it is no marker. */
export function markerTextOfComment(comment: string): string | null {
  return comment.startsWith(MARKER_PREFIX) ? comment.slice(MARKER_PREFIX.length) : null;
}
