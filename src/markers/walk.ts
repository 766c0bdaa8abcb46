import { PathSelector } from './field-path';
import { entryOf, LiteNode, LiteScalar, PathSegment } from '../yaml/lite-tree';
import { findMarkers, MarkerReport } from '../yaml/marker-report';
import { MARKER_PREFIX, markerTextOfComment } from './marker';

/** A scalar a rule applies to, wherever the rule came from. */
export interface MarkedScalar {
  node: LiteScalar;
  path: PathSegment[];
  /** What follows `# kobold:`. */
  markerText: string;
}

/** A marker found where no field can be updated. */
export interface MisplacedMarker {
  path: PathSegment[];
  reason: string;
}

/** A block scalar whose content has marker text: maybe YAML with markers of its own (SPEC 10). */
export interface MarkedBlockScalar {
  node: LiteScalar;
  path: PathSegment[];
}

export interface CommentMarkers {
  marked: MarkedScalar[];
  misplaced: MisplacedMarker[];
  /** Block scalars with marker text in their content, in document order. */
  blockScalars: MarkedBlockScalar[];
}

/** The children of a node with the path segment that leads to each. */
function childrenOf(node: LiteNode): Array<[PathSegment, LiteNode]> {
  if (node.kind === 'map') return node.entries;
  const children: Array<[PathSegment, LiteNode]> = [];
  // forEach skips the holes a pruned sequence has (fast-reader.ts); map would keep them.
  if (node.kind === 'seq') node.items.forEach((item, index) => children.push([index, item]));
  return children;
}

function misplacedReason(node: LiteNode): string | null {
  if (node.kind === 'alias') return `a marker on the alias *${node.name} is not supported: put it on the anchored value`;
  if (node.kind !== 'scalar') return null;
  if (node.style === 'BLOCK') return 'a marker on a block scalar (| or >) is not supported: write the value as a plain or quoted scalar';
  if (node.style === 'EMPTY') return 'a marker on an empty value is not supported: write the current value, even ""';
  return null;
}

/** A copy of `path` with `segment` added; a spread would go through the iterator protocol, slow until optimized. */
function extended(path: readonly PathSegment[], segment: PathSegment): PathSegment[] {
  const copy = path.slice();
  copy.push(segment);
  return copy;
}

/**
 * The comment markers of a unit, as the readers report them (yaml/marker-report.ts): a marker on a
 * plain or quoted scalar is marked, one on an alias, a block scalar or an empty value misplaced;
 * a literal or folded block scalar with marker text in its content is noted for embedded YAML.
 */
export const COMMENT_MARKERS: MarkerReport<CommentMarkers> = {
  prefix: MARKER_PREFIX,
  empty: () => ({ marked: [], misplaced: [], blockScalars: [] }),
  add(found, path, segment, node) {
    const markerText = node.comment === null ? null : markerTextOfComment(node.comment);
    if (markerText !== null) {
      const reason = misplacedReason(node);
      if (reason !== null) found.misplaced.push({ path: extended(path, segment), reason });
      else found.marked.push({ node: node as LiteScalar, path: extended(path, segment), markerText });
    }
    if (node.kind === 'scalar' && node.style === 'BLOCK' && node.value.includes(MARKER_PREFIX)) found.blockScalars.push({ node, path: extended(path, segment) });
  },
};

/**
 * Every comment marker of a resource: on scalar values of mappings and scalar items of sequences,
 * block or flow, at any depth, in document order (COMMENT_MARKERS).
 */
export function findCommentMarkers(root: LiteNode): CommentMarkers {
  return findMarkers(root, COMMENT_MARKERS);
}

function selects(selector: Exclude<PathSelector, { kind: 'key' }>, segment: PathSegment, child: LiteNode): boolean {
  switch (selector.kind) {
    case 'index':
      return segment === selector.index;
    case 'each':
      return typeof segment === 'number';
    case 'where': {
      const value = typeof segment === 'number' ? entryOf(child, selector.key) : undefined;
      return value?.kind === 'scalar' && value.value === selector.value;
    }
  }
}

/** The nodes an annotation rule's path reaches from the resource's root, with their paths. */
export function selectNodes(root: LiteNode, selectors: readonly PathSelector[]): Array<{ node: LiteNode; path: PathSegment[] }> {
  let reached: Array<{ node: LiteNode; path: PathSegment[] }> = [{ node: root, path: [] }];
  for (const selector of selectors) {
    reached = reached.flatMap(({ node, path }) => {
      // A repeated key: the last one, as Kubernetes reads it.
      if (selector.kind === 'key') {
        const child = entryOf(node, selector.key);
        return child === undefined ? [] : [{ node: child, path: [...path, selector.key] }];
      }
      return childrenOf(node)
        .filter(([segment, child]) => selects(selector, segment, child))
        .map(([segment, child]) => ({ node: child, path: [...path, segment] }));
    });
  }
  return reached;
}
