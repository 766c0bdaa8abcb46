import { composeUnit, DuplicateKey } from './composed-tree';
import { InputError, inputErrorOf } from '../input-error';
import { readSimpleResource } from './fast-reader';
import { LiteNode } from './lite-tree';
import { findMarkers, MarkerReport } from './marker-report';
import { Unit, unitLabel } from './split';

/** A unit as read: its tree, its markers as the caller's report makes them, and the keys its mappings repeat. */
export interface UnitRead<M> {
  tree: LiteNode;
  markers: M;
  duplicateKeys: readonly DuplicateKey[];
}

/** How to read a unit: in full (`whole`) or only what the markers need, and how to report its markers. */
export interface ReadOptions<M> {
  whole: boolean;
  report: MarkerReport<M>;
  /** Names the input in errors. */
  file: string | undefined;
}

/** A reader: a unit of `source` read, or null when the reader declines it (it is not sure of it). */
export type UnitReader = <M>(source: string, unit: Unit, options: ReadOptions<M>) => UnitRead<M> | null;

/** A reader that never declines. */
type FinalReader = <M>(source: string, unit: Unit, options: ReadOptions<M>) => UnitRead<M>;

/** Where a unit is, for messages: the file (if named) and the unit's label. */
function unitWhere(unit: Unit, file: string | undefined): string {
  return file === undefined ? unitLabel(unit) : `${file} ${unitLabel(unit)}`;
}

/**
 * The fast reader (fast-reader.ts): simple block YAML read straight into the tree, pruned to what
 * the markers need unless `whole`, its markers noted on the way; it declines anything else,
 * duplicate keys included.
 */
const fastReader: UnitReader = (source, unit, { whole, report }) => {
  const simple = readSimpleResource(source, unit.start, unit.end, unit.kind === 'seq-item', report, !whole);
  return simple === null ? null : { tree: simple.tree, markers: simple.markers, duplicateKeys: [] };
};

/**
 * The composer (composed-tree.ts): any YAML, composed in full and walked for its markers; it never
 * declines, and throws the first error of malformed YAML as an InputError.
 */
const composer: FinalReader = (source, unit, { report, file }) => {
  try {
    const { tree, duplicateKeys } = composeUnit(source, unit, () => unitWhere(unit, file));
    return { tree, markers: findMarkers(tree, report), duplicateKeys };
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw inputErrorOf(error, unitWhere(unit, file)) ?? error;
  }
};

/**
 * The tree of one unit and its markers: by the fast reader where it applies, else by the composer.
 * The label of the unit in an error is made only for an error (an item's index is counted then).
 */
export function readUnit<M>(source: string, unit: Unit, options: ReadOptions<M>): UnitRead<M> {
  return fastReader(source, unit, options) ?? composer(source, unit, options);
}
