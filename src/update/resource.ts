import { Edit } from '../output/edits';
import { parseAnnotationRule, PathSegment } from '../markers/field-path';
import { annotation, resourceOrigin } from './resource-origin';
import { MARKERS_ANNOTATION } from '../markers/prescreen';
import { FileRef, ResourceOrigin, Result, resultAbout } from '../output/results';
import { FlowScalarStyle } from '../output/scalar-style';
import { FieldDecider } from '../match/field-decider';
import { entryOf, LiteNode, LiteScalar, scalarAt } from '../yaml/lite-tree';
import { CommentMarkers, findCommentMarkers, MarkedScalar, selectNodes } from '../markers/walk';

export interface ResourceUpdate {
  edits: Edit[];
  results: Result[];
}

/**
 * The scalars the `kobold/markers` annotation's `text` points at, with the problems of its lines. A
 * scalar already marked by a comment, or by an earlier line, keeps the rule it has.
 */
function annotationMarkers(root: LiteNode, text: string, commentMarked: readonly MarkedScalar[], warn: (message: string) => void): MarkedScalar[] {
  const taken = new Set(commentMarked.map((field) => field.node));
  const marked: MarkedScalar[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '' || line.trim().startsWith('#')) return;
    const where = `${MARKERS_ANNOTATION} line ${index + 1}`;
    const parsed = parseAnnotationRule(line);
    if (!parsed.ok) return warn(`${where}: ${parsed.error}`);
    const reached = selectNodes(root, parsed.rule.path);
    const scalars = reached.filter((hit): hit is { node: LiteScalar; path: PathSegment[] } => hit.node.kind === 'scalar' && hit.node.style !== 'BLOCK' && hit.node.style !== 'EMPTY');
    if (scalars.length === 0) return warn(`${where}: the path ${parsed.rule.pathText} reaches no plain or quoted scalar`);
    for (const { node, path } of scalars) {
      if (taken.has(node)) continue;
      taken.add(node);
      marked.push({ node, path, markerText: parsed.rule.markerText });
    }
  });
  return marked;
}

/** The outcome of one marked field: an edit and an info result, or warnings, or nothing. */
function updateField(field: MarkedScalar, decider: FieldDecider, origin: ResourceOrigin, results: Result[]): Edit | undefined {
  const currentValue = field.node.value;
  const path = decider.fieldPath(field.path);
  const outcome = decider.decide(field.markerText, currentValue);
  if (!outcome.ok) {
    results.push(resultAbout(origin, 'warning', outcome.error, { path, currentValue }));
    return undefined;
  }
  const { decision } = outcome;
  for (let i = 0; i < decision.warnings.length; i++) results.push(resultAbout(origin, 'warning', decision.warnings[i], { path, currentValue }));
  if (decision.appliedRef === undefined) return undefined;
  results.push(resultAbout(origin, 'info', outcome.message, { path, currentValue, proposedValue: decision.value }));
  const { start, end, style, inFlow } = field.node;
  return { start, end, text: decider.render(decision.value, style as FlowScalarStyle, inFlow) };
}

/** The items of a `v1 List` (kubectl's output), each a resource of its own (SPEC §8), or null for any other document. */
export function v1ListItems(root: LiteNode): LiteNode[] | null {
  if (scalarAt(root, 'apiVersion') !== 'v1' || scalarAt(root, 'kind') !== 'List') return null;
  const items = entryOf(root, 'items');
  return items?.kind === 'seq' ? items.items : null;
}

/**
 * A List's markers by the item they are in, with their paths from the item (`items[2].spec.image`
 * becomes `spec.image` of item 2); those outside every item are the List's own, at -1.
 */
function markersByItem(markers: CommentMarkers): Map<number, CommentMarkers> {
  const byItem = new Map<number, CommentMarkers>();
  const of = (index: number): CommentMarkers => byItem.get(index) ?? byItem.set(index, { marked: [], misplaced: [] }).get(index)!;
  const itemOf = (path: readonly PathSegment[]): number => (path.length > 2 && path[0] === 'items' && typeof path[1] === 'number' ? path[1] : -1);
  for (const field of markers.marked) {
    const item = itemOf(field.path);
    of(item).marked.push(item < 0 ? field : { ...field, path: field.path.slice(2) });
  }
  for (const marker of markers.misplaced) {
    const item = itemOf(marker.path);
    of(item).misplaced.push(item < 0 ? marker : { ...marker, path: marker.path.slice(2) });
  }
  return byItem;
}

/**
 * Updates one resource: its marked fields (comments, then the annotation), each decided. The
 * comment markers are found in the tree unless the reader found them already; `readWarnings` are
 * the reader's warnings about the resource (repeated keys). A `v1 List` is a container: each item
 * is updated as a resource of its own (its identity, its annotation, field paths from the item),
 * what is outside them as the List.
 */
export function updateResource(root: LiteNode, decider: FieldDecider, fallbackFile?: FileRef, markers: CommentMarkers = findCommentMarkers(root), readWarnings: readonly string[] = []): ResourceUpdate {
  const items = v1ListItems(root);
  if (items === null) return updateOneResource(root, decider, fallbackFile, markers, readWarnings);
  const listFile = resourceOrigin(root, fallbackFile).file;
  const byItem = markersByItem(markers);
  const none: CommentMarkers = { marked: [], misplaced: [] };
  const updates = items.flatMap((item, index) => (item?.kind === 'map' ? [updateOneResource(item, decider, listFile, byItem.get(index) ?? none, [])] : []));
  updates.push(updateOneResource(root, decider, fallbackFile, byItem.get(-1) ?? none, readWarnings));
  return { edits: updates.flatMap((update) => update.edits), results: updates.flatMap((update) => update.results) };
}

/** Updates one resource that is not a container. */
function updateOneResource(root: LiteNode, decider: FieldDecider, fallbackFile: FileRef | undefined, markers: CommentMarkers, readWarnings: readonly string[]): ResourceUpdate {
  const origin = resourceOrigin(root, fallbackFile);
  const results: Result[] = [];
  for (let i = 0; i < readWarnings.length; i++) results.push(resultAbout(origin, 'warning', readWarnings[i]));
  const { marked, misplaced } = markers;
  for (let i = 0; i < misplaced.length; i++) results.push(resultAbout(origin, 'warning', misplaced[i].reason, { path: decider.fieldPath(misplaced[i].path) }));
  let fields = marked;
  const annotationText = annotation(root, MARKERS_ANNOTATION);
  if (annotationText !== undefined) {
    const warn = (message: string): void => void results.push(resultAbout(origin, 'warning', message));
    fields = marked.concat(annotationMarkers(root, annotationText, marked, warn));
  }
  const edits: Edit[] = [];
  for (let i = 0; i < fields.length; i++) {
    const edit = updateField(fields[i], decider, origin, results);
    if (edit) edits.push(edit);
  }
  return { edits, results };
}
