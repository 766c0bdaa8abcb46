import { Edit } from '../output/edits';
import { parseAnnotationRule } from '../markers/field-path';
import { annotation, resourceOrigin } from './resource-origin';
import { MARKERS_ANNOTATION } from '../markers/prescreen';
import { FileRef, ResourceOrigin, Result, resultAbout } from '../output/results';
import { FlowScalarStyle } from '../output/scalar-style';
import { FieldDecider } from '../match/field-decider';
import { entryOf, LiteNode, LiteScalar, PathSegment, scalarAt } from '../yaml/lite-tree';
import { CommentMarkers, findCommentMarkers, MarkedScalar, selectNodes } from '../markers/walk';
import { EmbeddedBlock, PlacedRule, ResourceRun, TreeScope, TreeUpdate, UnreachedRule, updateEmbedded } from './embedded';

export interface ResourceUpdate {
  edits: Edit[];
  results: Result[];
}

/** What the annotation rules reach in one tree: fields, and block scalars to read with the rules that go on inside them. */
interface RuleTargets {
  fields: MarkedScalar[];
  blocks: EmbeddedBlock[];
  unreached: UnreachedRule[];
}

const NO_BLOCKS: EmbeddedBlock[] = [];
const NO_UNREACHED: UnreachedRule[] = [];
const NO_RULES: PlacedRule[] = [];

/** A scalar an annotation rule may update: plain or quoted, not a block scalar or an empty value. */
function isFieldScalar(node: LiteNode): node is LiteScalar {
  return node.kind === 'scalar' && node.style !== 'BLOCK' && node.style !== 'EMPTY';
}

/**
 * The scalars the annotation rules point at in the tree at `root` (a scalar already marked by a
 * comment, or by an earlier rule, keeps the rule it has), and the literal block scalars that rules
 * through `|` read, added to `blocks`: the block scalars with marker text, which are read anyway.
 * A malformed line is warned about here, in the order of the lines.
 */
function ruleTargets(scope: TreeScope, root: LiteNode, rules: readonly PlacedRule[], commentMarked: readonly MarkedScalar[], blocks: EmbeddedBlock[], warn: (message: string) => void): RuleTargets {
  const taken = new Set(commentMarked.map((field) => field.node));
  const fields: MarkedScalar[] = [];
  const unreached: UnreachedRule[] = [];
  for (const placed of rules) {
    const { parsed, where } = placed;
    if (!parsed.ok) {
      warn(`${where}: ${parsed.error}`);
      continue;
    }
    const rule = parsed.value;
    const reached = selectNodes(root, rule.path);
    if (rule.innerPaths.length > 0) {
      const literals = reached.filter((hit): hit is { node: LiteScalar; path: PathSegment[] } => hit.node.kind === 'scalar' && hit.node.style === 'BLOCK' && scope.source[hit.node.start] === '|');
      if (literals.length === 0) warn(`${where}: the path ${rule.pathText} reaches no literal block scalar (|) to read as YAML`);
      const inner: PlacedRule = { parsed: { ok: true, value: { ...rule, path: rule.innerPaths[0], innerPaths: rule.innerPaths.slice(1) } }, where };
      for (const { node, path } of literals) {
        const block = blocks.find((known) => known.node === node);
        if (block) block.rules.push(inner);
        else blocks.push({ node, path, rules: [inner] });
      }
      continue;
    }
    const scalars = reached.filter((hit): hit is { node: LiteScalar; path: PathSegment[] } => isFieldScalar(hit.node));
    if (scalars.length === 0) {
      unreached.push({ rule, where });
      if (scope.embeddedIn === undefined) warn(`${where}: the path ${rule.pathText} reaches no plain or quoted scalar`);
    }
    for (const { node, path } of scalars) {
      if (taken.has(node)) continue;
      taken.add(node);
      fields.push({ node, path, markerText: rule.markerText });
    }
  }
  return { fields, blocks, unreached };
}

/** The outcome of one marked field: an edit and an info result, or warnings, or nothing. */
function updateField(field: MarkedScalar, path: string, decider: FieldDecider, origin: ResourceOrigin, results: Result[]): Edit | undefined {
  const currentValue = field.node.value;
  const outcome = decider.decide(field.markerText, currentValue);
  if (!outcome.ok) {
    results.push(resultAbout(origin, 'warning', outcome.error, { path, currentValue }));
    return undefined;
  }
  const { decision } = outcome.value;
  for (let i = 0; i < decision.warnings.length; i++) results.push(resultAbout(origin, 'warning', decision.warnings[i], { path, currentValue }));
  if (decision.appliedRef === undefined) return undefined;
  results.push(resultAbout(origin, 'info', outcome.value.message, { path, currentValue, proposedValue: decision.value }));
  const { start, end, style, inFlow } = field.node;
  return { start, end, text: decider.render(decision.value, style as FlowScalarStyle, inFlow) };
}

/**
 * Updates one tree of a resource: the resource's own, or a document embedded in one of its block
 * scalars. Its marked fields (comments, then the annotation rules that reach it) are decided, and
 * its block scalars with marker text, or that rules read through `|`, are updated as embedded YAML.
 * Rules that reach nothing are warned about here for the resource's own tree, and returned.
 */
function updateTree(scope: TreeScope, root: LiteNode, markers: CommentMarkers, rules: readonly PlacedRule[], run: ResourceRun): TreeUpdate {
  const { decider, origin, results } = run;
  const { marked, misplaced } = markers;
  for (let i = 0; i < misplaced.length; i++) results.push(resultAbout(origin, 'warning', misplaced[i].reason, { path: decider.fieldPath(misplaced[i].path, scope.embeddedIn) }));
  let fields = marked;
  // Most trees have no block scalar to read and no rule: no arrays are made for them.
  let blocks: EmbeddedBlock[] = NO_BLOCKS;
  if (markers.blockScalars.length > 0) blocks = markers.blockScalars.map((block) => ({ ...block, rules: [] }));
  let unreached: UnreachedRule[] = NO_UNREACHED;
  if (rules.length > 0) {
    if (blocks === NO_BLOCKS) blocks = [];
    const warn = (message: string): void => void results.push(resultAbout(origin, 'warning', message));
    const targets = ruleTargets(scope, root, rules, marked, blocks, warn);
    fields = marked.concat(targets.fields);
    blocks = targets.blocks;
    unreached = targets.unreached;
  }
  const edits: Edit[] = [];
  for (let i = 0; i < fields.length; i++) {
    const edit = updateField(fields[i], decider.fieldPath(fields[i].path, scope.embeddedIn), decider, origin, results);
    if (edit) edits.push(edit);
  }
  for (let i = 0; i < blocks.length; i++) {
    const inside = updateEmbedded(scope, blocks[i], run, updateTree);
    for (let j = 0; j < inside.length; j++) edits.push(inside[j]);
  }
  return { edits, unreached };
}

/** The lines of a resource's `kobold/markers` annotation `text` that are not blank or comments, parsed. */
function annotationRules(text: string): PlacedRule[] {
  const rules: PlacedRule[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '' || line.trim().startsWith('#')) return;
    rules.push({ parsed: parseAnnotationRule(line), where: `${MARKERS_ANNOTATION} line ${index + 1}` });
  });
  return rules;
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
  const of = (index: number): CommentMarkers => byItem.get(index) ?? byItem.set(index, { marked: [], misplaced: [], blockScalars: [] }).get(index)!;
  const itemOf = (path: readonly PathSegment[]): number => (path.length > 2 && path[0] === 'items' && typeof path[1] === 'number' ? path[1] : -1);
  const place = <T extends { path: PathSegment[] }>(found: readonly T[], list: (markers: CommentMarkers) => T[]): void => {
    for (const marker of found) {
      const item = itemOf(marker.path);
      list(of(item)).push(item < 0 ? marker : { ...marker, path: marker.path.slice(2) });
    }
  };
  place(markers.marked, (m) => m.marked);
  place(markers.misplaced, (m) => m.misplaced);
  place(markers.blockScalars, (m) => m.blockScalars);
  return byItem;
}

/**
 * Updates one resource of `source`, whose tree is at `root`: its marked fields (comments, then the
 * annotation), each decided, and the YAML embedded in its literal block scalars. The comment
 * markers are found in the tree unless the reader found them already; `readWarnings` are the
 * reader's warnings about the resource (repeated keys). A `v1 List` is a container: each item is
 * updated as a resource of its own (its identity, its annotation, field paths from the item), what
 * is outside them as the List.
 */
export function updateResource(source: string, root: LiteNode, decider: FieldDecider, fallbackFile?: FileRef, markers: CommentMarkers = findCommentMarkers(root), readWarnings: readonly string[] = []): ResourceUpdate {
  const items = v1ListItems(root);
  if (items === null) return updateOneResource(source, root, decider, fallbackFile, markers, readWarnings);
  const listFile = resourceOrigin(root, fallbackFile).file;
  const byItem = markersByItem(markers);
  const none: CommentMarkers = { marked: [], misplaced: [], blockScalars: [] };
  const updates = items.flatMap((item, index) => (item?.kind === 'map' ? [updateOneResource(source, item, decider, listFile, byItem.get(index) ?? none, [])] : []));
  updates.push(updateOneResource(source, root, decider, fallbackFile, byItem.get(-1) ?? none, readWarnings));
  return { edits: updates.flatMap((update) => update.edits), results: updates.flatMap((update) => update.results) };
}

/** Updates one resource that is not a container. */
function updateOneResource(source: string, root: LiteNode, decider: FieldDecider, fallbackFile: FileRef | undefined, markers: CommentMarkers, readWarnings: readonly string[]): ResourceUpdate {
  const origin = resourceOrigin(root, fallbackFile);
  const results: Result[] = [];
  for (let i = 0; i < readWarnings.length; i++) results.push(resultAbout(origin, 'warning', readWarnings[i]));
  const annotationText = annotation(root, MARKERS_ANNOTATION);
  const rules = annotationText === undefined ? NO_RULES : annotationRules(annotationText);
  const { edits } = updateTree({ source, embeddedIn: undefined, depth: 0 }, root, markers, rules, { decider, origin, results });
  return { edits, results };
}
