import { EditList } from '../output/edits';
import { ResultLog } from '../output/result-log';
import { UnitIndex } from '../yaml/split';
import { readUnit } from '../yaml/read-unit';
import { IncomingRef } from '../match/decide';
import { FieldDecider } from '../match/field-decider';
import { MARKER_HINT } from '../markers/marker';
import { MARKERS_ANNOTATION } from '../krm/resource-origin';
import { updateResource } from './resource';

/**
 * Updates every unit that has marker text; the others are neither read nor checked. Returns the
 * edits and adds the results to `results`. `file` names the input in errors and, with the unit's
 * index, in results.
 */
export function updateUnits(source: string, units: UnitIndex, refs: readonly IncomingRef[], results: ResultLog, file?: string): EditList {
  const edits = new EditList();
  const decider = new FieldDecider(refs);
  // From one occurrence of the marker text to the next, to the unit that holds it: a unit without
  // one is not even visited, which matters when thousands are.
  let at = units.firstStart < 0 ? -1 : source.indexOf(MARKER_HINT, units.firstStart);
  while (at >= 0) {
    const unit = units.unitHolding(at, at + MARKER_HINT.length);
    if (unit === null) {
      at = source.indexOf(MARKER_HINT, at + 1);
      continue;
    }
    // The unit's marker texts, up to the first one after it: the annotation's name starts with one.
    let annotated = false;
    for (; at >= 0 && at < unit.end; at = source.indexOf(MARKER_HINT, at + 1)) {
      if (source.startsWith(MARKERS_ANNOTATION, at) && at + MARKERS_ANNOTATION.length <= unit.end) annotated = true;
    }
    const { tree, markers } = readUnit(source, unit, file, annotated);
    const update = updateResource(source, tree, decider, file === undefined ? undefined : { path: file, index: unit.index }, markers);
    edits.addAll(update.edits);
    results.addAll(update.results);
  }
  return edits;
}
