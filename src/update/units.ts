import { EditList } from '../output/edits';
import { describeOffset } from '../input-error';
import { ResultLog } from '../output/result-log';
import { UnitIndex } from '../yaml/split';
import { readUnit } from '../yaml/read-unit';
import { DuplicateKey } from '../yaml/composed-tree';
import { IncomingRef } from '../match/decide';
import { FieldDecider } from '../match/field-decider';
import { forEachUnitWithMarkerText } from '../markers/prescreen';
import { COMMENT_MARKERS } from '../markers/walk';
import { updateResource, v1ListItems } from './resource';

/** The warning about a repeated key: kubectl and kobold take the last one, and so do annotation paths here. */
function duplicateKeyWarning(source: string, duplicate: DuplicateKey): string {
  return `duplicate key ${JSON.stringify(duplicate.key)} at ${describeOffset(source, duplicate.offset)}: the last one counts`;
}

/**
 * Updates every unit that has marker text; the others are neither read nor checked. Returns the
 * edits and adds the results to `results`. `file` names the input in errors and, with the unit's
 * index, in results. A run over many inputs passes one `decider` for all, which remembers its decisions.
 */
export function updateUnits(source: string, units: UnitIndex, refs: readonly IncomingRef[], results: ResultLog, file?: string, decider = new FieldDecider(refs)): EditList {
  const edits = new EditList();
  forEachUnitWithMarkerText(source, units, (unit, annotated) => {
    let read = readUnit(source, unit, { whole: annotated, report: COMMENT_MARKERS, file });
    // A List's items need their identity, which a read of only what the markers need leaves out.
    if (!annotated && v1ListItems(read.tree) !== null) read = readUnit(source, unit, { whole: true, report: COMMENT_MARKERS, file });
    const { tree, markers, duplicateKeys } = read;
    const readWarnings = duplicateKeys.map((duplicate) => duplicateKeyWarning(source, duplicate));
    const update = updateResource(source, tree, decider, file === undefined ? undefined : { path: file, index: unit.index }, markers, readWarnings);
    edits.addAll(update.edits);
    results.addAll(update.results);
  });
  return edits;
}
