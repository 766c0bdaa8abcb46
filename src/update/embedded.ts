import { AnnotationRule, AnnotationRuleParse } from '../markers/field-path';
import { COMMENT_MARKERS, CommentMarkers } from '../markers/walk';
import { MARKER_PREFIX } from '../markers/marker';
import { FieldDecider } from '../match/field-decider';
import { Edit } from '../output/edits';
import { ResourceOrigin, Result, resultAbout } from '../output/results';
import { formatProblem, InputError, positionOf, Problem } from '../problem';
import { literalContent } from '../yaml/literal-content';
import { isCollection, LiteAlias, LiteNode, LiteScalar, PathSegment } from '../yaml/lite-tree';
import { duplicateKeyWarning, readUnit } from '../yaml/read-unit';
import { splitStream, Unit, unitPlace, Units } from '../yaml/split';

/** How many block scalars deep, one inside another, embedded YAML is read (SPEC 10). */
export const MAX_EMBEDDED_DEPTH = 4;

/** The input's name in the warnings about embedded YAML, whose positions are in the block scalar's content. */
const EMBEDDED_INPUT = 'embedded YAML';

/**
 * Where a tree is: the text its offsets are in, the field path of the block scalar that holds it
 * (undefined for a resource's own tree), and how many block scalars deep that is.
 */
export interface TreeScope {
  source: string;
  embeddedIn: string | undefined;
  depth: number;
}

/** A line of the `kobold/markers` annotation, parsed, and where it is for warnings. Inside embedded YAML, its path leads on from there. */
export interface PlacedRule {
  parsed: AnnotationRuleParse;
  where: string;
}

/** A rule that reached no field in a tree. */
export interface UnreachedRule {
  rule: AnnotationRule;
  where: string;
}

/** A literal block scalar to read as YAML, and the rules that reach inside it. */
export interface EmbeddedBlock {
  node: LiteScalar;
  path: PathSegment[];
  rules: PlacedRule[];
}

/** What the update of one resource's trees shares: the decider, the resource, and its results so far. */
export interface ResourceRun {
  decider: FieldDecider;
  origin: ResourceOrigin;
  results: Result[];
}

/** A tree's edits, in its scope's offsets, and the rules that reached no field in it. */
export interface TreeUpdate {
  edits: Edit[];
  unreached: UnreachedRule[];
}

/** Updates one tree (resource.ts): given to updateEmbedded for the documents in a block scalar. */
export type TreeUpdater = (scope: TreeScope, root: LiteNode, markers: CommentMarkers, rules: readonly PlacedRule[], run: ResourceRun) => TreeUpdate;

/**
 * The offset of a document's root that is a scalar, to name in a warning; null for an empty document
 * (comments at most: a marker commented out), which has nothing to say. (An alias cannot be a
 * root: its anchor would have to come before it.)
 */
function scalarRootAt(root: LiteScalar | LiteAlias, unit: Unit): number | null {
  if (root.kind === 'alias') return unit.start;
  return root.style === 'EMPTY' ? null : root.start;
}

/** The warning about a document of embedded YAML (in `text`, the content) whose root at `offset` is a scalar. */
export function scalarRootWarning(text: string, unit: Unit, offset: number): Problem {
  const place = { input: EMBEDDED_INPUT, unit: unitPlace(unit), position: positionOf(text, offset) };
  return { code: 'NOT_A_COLLECTION', problem: 'its root is a scalar, not a mapping or a sequence', place };
}

/**
 * Updates the YAML embedded in a literal block scalar of a tree in `outer`: each document of its
 * content that has marker text (every document when rules reach inside) is read by the same
 * readers, its markers and the rules decided by `updateTree`, and the edits brought back to the
 * offsets of `outer.source`, so that only the changed scalars inside the content change. Content
 * that is no YAML, a document that is not a mapping or a sequence, a block scalar deeper than
 * MAX_EMBEDDED_DEPTH and a rule that reaches no field inside are warnings on the block scalar.
 */
export function updateEmbedded(outer: TreeScope, block: EmbeddedBlock, run: ResourceRun, updateTree: TreeUpdater): Edit[] {
  const path = run.decider.fieldPath(block.path, outer.embeddedIn);
  const warn = (message: string): void => void run.results.push(resultAbout(run.origin, 'warning', message, { path }));
  const warnOf = (problem: Problem): void => warn(formatProblem(problem));
  // A folded block scalar's line breaks are not its content's: marker text in one is just text.
  const content = literalContent(outer.source, block.node);
  if (content === null) return [];
  if (outer.depth >= MAX_EMBEDDED_DEPTH) {
    warnOf({ code: 'EMBEDDED_TOO_DEEP', problem: `embedded YAML more than ${MAX_EMBEDDED_DEPTH} block scalars deep is not read: its markers are left alone`, place: {} });
    return [];
  }
  const { text } = content;
  const scope: TreeScope = { source: text, embeddedIn: path, depth: outer.depth + 1 };
  let units: Units;
  try {
    units = splitStream(text);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    warnOf(error.withInput(EMBEDDED_INPUT));
    return [];
  }
  const annotated = block.rules.length > 0;
  const edits: Edit[] = [];
  let unreached: UnreachedRule[] | null = null;
  // The next marker text at or after the unit's start: found by one pass over the text, not a search
  // from each unit's start, which would be quadratic in a stream of many documents.
  let marker = text.indexOf(MARKER_PREFIX);
  for (let position = 0; position < units.length; position++) {
    const unit = units.at(position);
    while (marker >= 0 && marker < unit.start) marker = text.indexOf(MARKER_PREFIX, marker + 1);
    if (!annotated && (marker < 0 || marker + MARKER_PREFIX.length > unit.end)) continue;
    let read;
    try {
      read = readUnit(text, unit, { whole: annotated, report: COMMENT_MARKERS });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      warnOf(error.withInput(EMBEDDED_INPUT));
      continue;
    }
    for (const duplicate of read.duplicateKeys) warnOf(duplicateKeyWarning(text, duplicate, EMBEDDED_INPUT, unit));
    if (!isCollection(read.tree)) {
      const at = scalarRootAt(read.tree, unit);
      if (at !== null) warnOf(scalarRootWarning(text, unit, at));
      continue;
    }
    const inside = updateTree(scope, read.tree, read.markers, block.rules, run);
    for (let i = 0; i < inside.edits.length; i++) {
      const edit = inside.edits[i];
      edits.push({ ...edit, start: content.sourceOffset(edit.start), end: content.sourceOffset(edit.end) });
    }
    unreached = (unreached ?? inside.unreached).filter((known) => inside.unreached.some((rule) => rule.rule === known.rule));
  }
  for (const { rule, where } of unreached ?? []) warn(`${where}: the path ${rule.pathText} reaches no plain or quoted scalar`);
  return edits;
}
