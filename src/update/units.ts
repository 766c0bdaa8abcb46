import { EditList } from '../output/edits';
import { formatProblem } from '../problem';
import { ResultLog } from '../output/result-log';
import { UnitIndex } from '../yaml/split';
import { duplicateKeyWarning, readUnit } from '../yaml/read-unit';
import { IncomingRef } from '../match/decide';
import { FieldDecider } from '../match/field-decider';
import { forEachUnitWithMarkerText } from '../markers/prescreen';
import { COMMENT_MARKERS } from '../markers/walk';
import { updateResource, v1ListItems } from './resource';

/** How an input is named: in messages (`stdin`, a file's path), and in results' `file` when it is a file. */
export interface InputNames {
  name: string;
  file?: string;
}

/**
 * Updates every unit that has marker text; the others are neither read nor checked. Returns the
 * edits and adds the results to `results`. `input` names the input in warnings and, with the unit's
 * index, in results; errors are thrown without it, for the caller to add. A run over many inputs
 * passes one `decider` for all, which remembers its decisions.
 */
export function updateUnits(source: string, units: UnitIndex, refs: readonly IncomingRef[], results: ResultLog, input: InputNames, decider = new FieldDecider(refs)): EditList {
  const edits = new EditList();
  const { file } = input;
  forEachUnitWithMarkerText(source, units, (unit, annotated) => {
    let read = readUnit(source, unit, { whole: annotated, report: COMMENT_MARKERS });
    // A List's items need their identity, which a read of only what the markers need leaves out.
    if (!annotated && v1ListItems(read.tree) !== null) read = readUnit(source, unit, { whole: true, report: COMMENT_MARKERS });
    const { tree, markers, duplicateKeys } = read;
    const readWarnings = duplicateKeys.map((duplicate) => formatProblem(duplicateKeyWarning(source, duplicate, input.name)));
    const update = updateResource(source, tree, decider, file === undefined ? undefined : { path: file, index: unit.index }, markers, readWarnings);
    edits.addAll(update.edits);
    results.addAll(update.results);
  });
  return edits;
}
