import { composeUnit, DuplicateKey } from './composed-tree';
import { inputErrorOf, positionOf, Problem } from '../problem';
import { readSimpleResource } from './fast-reader';
import { LiteNode } from './lite-tree';
import { findMarkers, MarkerReport } from './marker-report';
import { Unit, unitPlace } from './split';

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
}

/** A reader: a unit of `source` read, or null when the reader declines it (it is not sure of it). */
export type UnitReader = <M>(source: string, unit: Unit, options: ReadOptions<M>) => UnitRead<M> | null;

/** A reader that never declines. */
type FinalReader = <M>(source: string, unit: Unit, options: ReadOptions<M>) => UnitRead<M>;

/**
 * The fast reader (fast-reader.ts): block YAML read straight into the tree, pruned to what the
 * markers need unless `whole`, its markers noted on the way, with the yaml library composing the
 * entries it does not read itself; it declines the rest, duplicate keys included.
 */
const fastReader: UnitReader = (source, unit, { whole, report }) => {
  const simple = readSimpleResource(source, unit.start, unit.end, unit.kind === 'seq-item', report, !whole);
  return simple === null ? null : { tree: simple.tree, markers: simple.markers, duplicateKeys: [] };
};

/**
 * The composer (composed-tree.ts): any YAML, composed in full and walked for its markers; it never
 * declines, and throws the first error of malformed YAML as an InputError.
 */
const composer: FinalReader = (source, unit, { report }) => {
  try {
    const { tree, duplicateKeys } = composeUnit(source, unit);
    return { tree, markers: findMarkers(tree, report), duplicateKeys };
  } catch (error) {
    const inputError = inputErrorOf(error);
    if (inputError === undefined) throw error;
    throw inputError.place.unit === undefined ? inputError.inUnit(unitPlace(unit)) : inputError;
  }
};

/**
 * The tree of one unit and its markers: by the fast reader where it applies, else by the composer.
 * An error names the unit, whose place is made only then (an item's index is counted then).
 */
export function readUnit<M>(source: string, unit: Unit, options: ReadOptions<M>): UnitRead<M> {
  return fastReader(source, unit, options) ?? composer(source, unit, options);
}

/**
 * The warning about a repeated key in the input named `input`: kubectl and kobold take the last
 * one, and so do annotation paths here. The place says which text the line is counted in (stdin
 * for a ResourceList, whose resources come from other files; the content of a block scalar for
 * embedded YAML, whose document `unit` then names).
 */
export function duplicateKeyWarning(source: string, duplicate: DuplicateKey, input: string, unit?: Unit): Problem {
  const position = positionOf(source, duplicate.offset);
  return { code: 'DUPLICATE_KEY', problem: `duplicate key ${JSON.stringify(duplicate.key)}: the last one counts`, place: unit === undefined ? { input, position } : { input, unit: unitPlace(unit), position } };
}
