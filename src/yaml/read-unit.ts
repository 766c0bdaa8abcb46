import { composeUnit, DuplicateKey } from './composed-tree';
import { InputError, inputErrorOf } from '../input-error';
import { readSimpleResource } from './fast-reader';
import { LiteNode } from './lite-tree';
import { Unit, unitLabel } from './split';
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
 * markers need unless `whole`, when annotation rules may point anywhere), else composed in full and
 * walked; the fast reader declines what it is not sure of, duplicate keys included. `file` names
 * the input in errors, whose label is made only for an error (an item's index is counted then).
 */
export function readUnit(source: string, unit: Unit, file: string | undefined, whole: boolean): UnitRead {
  const simple = readSimpleResource(source, unit.start, unit.end, unit.kind === 'seq-item', !whole);
  if (simple !== null) return { tree: simple.tree, markers: simple.markers, duplicateKeys: [] };
  try {
    const { tree, duplicateKeys } = composeUnit(source, unit, () => unitWhere(unit, file));
    return { tree, markers: findCommentMarkers(tree), duplicateKeys };
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw inputErrorOf(error, unitWhere(unit, file)) ?? error;
  }
}
