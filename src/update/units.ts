import { liteTreeOf } from '../yaml/composed-tree';
import { EditList } from '../output/edits';
import { describeOffset, InputError, inputErrorOf } from '../input-error';
import { LiteNode } from '../yaml/lite-tree';
import { ResultLog } from '../output/result-log';
import { yamlLibrary } from '../lazy';
import { readSimpleResource, SimpleResource } from '../yaml/fast-reader';
import { firstYamlError } from '../yaml/cst';
import { Unit, UnitIndex, unitLabel } from '../yaml/split';
import { IncomingRef } from '../match/decide';
import { FieldDecider } from '../match/field-decider';
import { MARKER_HINT } from '../markers/marker';
import { MARKERS_ANNOTATION } from '../krm/resource-origin';
import { updateResource, v1ListItems } from './resource';
import { findCommentMarkers } from '../markers/walk';

/**
 * Composes a unit with the yaml library, for what the simple reader leaves: any YAML at all, and
 * the first error with its place.
 */
function composeUnit(source: string, unit: Unit, where: string): LiteNode {
  const text = source.slice(unit.start, unit.end);
  const yaml = yamlLibrary();
  const doc = yaml.parseDocument(text, { prettyErrors: false });
  const error = firstYamlError(doc, source, unit.start, where);
  if (error) throw error;
  const fail = (what: string, offset: number): never => {
    throw new InputError(`invalid YAML: ${what}`, `${where}, ${describeOffset(source, unit.start + offset)}`);
  };
  // The composer leaves an alias to an unknown anchor for toJS to find; it is an error all the same.
  const anchors = new Set<string>();
  yaml.visit(doc, (_, node) => {
    if (yaml.isAlias(node) && !anchors.has(node.source)) fail(`alias *${node.source} has no anchor before it`, node.range?.[0] ?? 0);
    if ((yaml.isScalar(node) || yaml.isCollection(node)) && node.anchor) anchors.add(node.anchor);
  });
  const root: unknown = unit.kind === 'seq-item' ? (doc.contents as { items?: unknown[] } | null)?.items?.[0] : doc.contents;
  return liteTreeOf(root, text, unit.start);
}

/**
 * The tree of one unit and its markers: read directly when it is simple block YAML (only what the
 * markers need, unless annotation rules may point anywhere or it is a List), else composed in full and walked.
 * `file` names the input in errors.
 */
function readUnit(source: string, unit: Unit, file: string | undefined, annotated: boolean): SimpleResource {
  const simple = readSimpleResource(source, unit.start, unit.end, unit.kind === 'seq-item', !annotated);
  // A List's items need their identity, which a pruned read leaves out.
  if (simple !== null) return annotated || v1ListItems(simple.tree) === null ? simple : readUnit(source, unit, file, true);
  const where = file === undefined ? unitLabel(unit) : `${file} ${unitLabel(unit)}`;
  let tree: LiteNode;
  try {
    tree = composeUnit(source, unit, where);
  } catch (error) {
    throw inputErrorOf(error, where) ?? error;
  }
  return { tree, markers: findCommentMarkers(tree) };
}

/**
 * Updates every unit that has marker text; the others are neither read nor checked. Returns the
 * edits and adds the results to `results`. `file` names the input in errors and, with the unit's
 * index, in results. A run over many inputs passes one `decider` for all, which remembers its decisions.
 */
export function updateUnits(source: string, units: UnitIndex, refs: readonly IncomingRef[], results: ResultLog, file?: string, decider = new FieldDecider(refs)): EditList {
  const edits = new EditList();
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
    const update = updateResource(tree, decider, file === undefined ? undefined : { path: file, index: unit.index }, markers);
    edits.addAll(update.edits);
    results.addAll(update.results);
  }
  return edits;
}
