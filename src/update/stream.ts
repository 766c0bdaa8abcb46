import { EditList } from '../output/edits';
import { ResultLog } from '../output/result-log';
import { splitStream } from '../yaml/split';
import { IncomingRef } from '../match/decide';
import { InputNames, updateUnits } from './units';
import { FieldDecider } from '../match/field-decider';

/**
 * Updates every document of a plain YAML stream. Documents without marker text are neither read
 * nor checked: they pass through as they are. Returns the edits and adds the results to `results`;
 * `input` names the stream in warnings and results (errors are thrown without it, for the caller to
 * add); `decider` is shared by the streams of one run.
 */
export function updateStream(source: string, refs: readonly IncomingRef[], results: ResultLog, input: InputNames, decider?: FieldDecider): EditList {
  return updateUnits(source, splitStream(source), refs, results, input, decider);
}
