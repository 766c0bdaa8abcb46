import { decodeEvent } from '../events/decode-event';
import { Result } from '../output/results';
import { formatProblem } from '../problem';

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

/**
 * Decodes the payload read from `file` (`-` for stdin) by `format` (or `auto`); a payload the
 * function cannot read is an InputError in the input that names it.
 */
export function eventReferences(payload: Uint8Array, file: string, format: string): EventReferences {
  const decoded = decodeEvent(payload, format);
  if (!decoded.ok) throw decoded.error.withInput(payloadName(file));
  const count = decoded.value.references.length;
  return {
    imageRefs: decoded.value.references,
    warnings: decoded.value.warnings.map((warning) => ({ severity: 'warning', message: formatProblem({ ...warning, place: { ...warning.place, input: payloadName(file) } }) })),
    formatLine: `# event: ${decoded.value.format}, ${count} image reference${count === 1 ? '' : 's'}\n`,
  };
}
