import { splitStream } from './split';
import { IncomingRef } from './update';
import { updateUnits, UnitsUpdate } from './units';

/**
 * Updates every document of a plain YAML stream. Documents without marker text are neither read
 * nor checked: they pass through as they are. `file` names the stream in results and errors.
 */
export function updateStream(source: string, refs: readonly IncomingRef[], file?: string): UnitsUpdate {
  return updateUnits(source, splitStream(source), refs, file);
}
