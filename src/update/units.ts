import { composeUnit, DuplicateKey } from '../yaml/composed-tree';
import { EditList } from '../output/edits';
import { describeOffset, InputError, inputErrorOf } from '../input-error';
import { ResultLog } from '../output/result-log';
import { readSimpleResource } from '../yaml/fast-reader';
import { LiteNode } from '../yaml/lite-tree';
import { Unit, UnitIndex, unitLabel } from '../yaml/split';
import { IncomingRef } from '../match/decide';
import { FieldDecider } from '../match/field-decider';
import { forEachUnitWithMarkerText } from '../markers/prescreen';
import { updateResource, v1ListItems } from './resource';
import { CommentMarkers, findCommentMarkers } from '../markers/walk';

/** A unit as read: its tree, its comment markers, and the keys its mappings repeat. */
export interface UnitRead {
  tree: LiteNode;
  markers: CommentMarkers;
  duplicateKeys: readonly DuplicateKey[];
}

/** Where a unit is, for messages: the file (if named) and the unit's label. */
function unitWhere(unit: Unit, file: string | undefined): string {
  return file === undefined ? unitLabel(unit) : `${file} ${unitLabel(unit)}`;
}

/**
 * The tree of one unit and its markers: read directly when it is simple block YAML (only what the
 * markers need, unless annotation rules may point anywhere or it is a v1 List, whose items need
 * their identity), else composed in full and walked; the fast reader declines what it is not sure
 * of, duplicate keys included. `file` names the input in errors, whose label is made only for an
 * error (an item's index is counted then).
 */
export function readUnit(source: string, unit: Unit, file: string | undefined, annotated: boolean): UnitRead {
  const simple = readSimpleResource(source, unit.start, unit.end, unit.kind === 'seq-item', !annotated);
  if (simple !== null) {
    if (annotated || v1ListItems(simple.tree) === null) return { tree: simple.tree, markers: simple.markers, duplicateKeys: [] };
    return readUnit(source, unit, file, true);
  }
  try {
    const { tree, duplicateKeys } = composeUnit(source, unit, () => unitWhere(unit, file));
    return { tree, markers: findCommentMarkers(tree), duplicateKeys };
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw inputErrorOf(error, unitWhere(unit, file)) ?? error;
  }
}

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
    const { tree, markers, duplicateKeys } = readUnit(source, unit, file, annotated);
    const readWarnings = duplicateKeys.map((duplicate) => duplicateKeyWarning(source, duplicate));
    const update = updateResource(tree, decider, file === undefined ? undefined : { path: file, index: unit.index }, markers, readWarnings);
    edits.addAll(update.edits);
    results.addAll(update.results);
  });
  return edits;
}
