import { PathSegment, PathSelector } from './field-path';
import { entryOf, LiteAlias, LiteMap, LiteNode, LiteScalar, LiteSeq } from '../yaml/lite-tree';
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

/** Whether a scalar is a block scalar with marker text in its content. */
export function hasMarkedContent(scalar: LiteScalar): boolean {
  return scalar.style === 'BLOCK' && scalar.value.includes(MARKER_PREFIX);
}

/** The children of a node with the path segment that leads to each. */
function childrenOf(node: LiteNode): Array<[PathSegment, LiteNode]> {
  if (node.kind === 'map') return node.entries;
  const children: Array<[PathSegment, LiteNode]> = [];
  // forEach skips the holes a pruned sequence has (simple-yaml.ts); map would keep them.
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

/** Adds the marker on `scalar`, if it has one, as marked or misplaced; `path` leads to its parent. */
export function noteMarker(found: CommentMarkers, path: readonly PathSegment[], segment: PathSegment, scalar: LiteScalar | LiteAlias): void {
  const markerText = scalar.comment === null ? null : markerTextOfComment(scalar.comment);
  if (markerText === null) return;
  const reason = misplacedReason(scalar);
  if (reason !== null) found.misplaced.push({ path: extended(path, segment), reason });
  else found.marked.push({ node: scalar as LiteScalar, path: extended(path, segment), markerText });
}

/** Adds `scalar` if it is a block scalar with marker text in its content; `path` leads to its parent. */
export function noteBlockScalar(found: CommentMarkers, path: readonly PathSegment[], segment: PathSegment, scalar: LiteScalar): void {
  if (hasMarkedContent(scalar)) found.blockScalars.push({ node: scalar, path: extended(path, segment) });
}

/**
 * Every comment marker of a resource: on scalar values of mappings and scalar items of sequences,
 * block or flow, at any depth, in document order. Markers on aliases, block scalars and empty
 * values are reported as misplaced. Block scalars with marker text in their content are noted too.
 * The walk keeps one path and copies it only for a marker: a resource has many scalars and few markers.
 */
export function findCommentMarkers(root: LiteNode): CommentMarkers {
  const found: CommentMarkers = { marked: [], misplaced: [], blockScalars: [] };
  if (root.kind !== 'map' && root.kind !== 'seq') return found;
  // A stack of the collections being walked, each with the index of its next child; iterative, since input may nest deeply.
  const collections: Array<LiteMap | LiteSeq> = [root];
  const nextChild: number[] = [0];
  const path: PathSegment[] = [];
  while (collections.length > 0) {
    const top = collections.length - 1;
    const collection = collections[top];
    const isMap = collection.kind === 'map';
    const count = isMap ? collection.entries.length : collection.items.length;
    // The scalars before the next collection in this loop, without a step on the stack each.
    let index = nextChild[top];
    let child: LiteNode | undefined;
    for (; index < count; index++) {
      child = isMap ? collection.entries[index][1] : collection.items[index];
      // A pruned sequence has holes (simple-yaml.ts).
      if (child === undefined) continue;
      if (child.kind === 'map' || child.kind === 'seq') break;
      if (child.comment !== null) noteMarker(found, path, isMap ? collection.entries[index][0] : index, child);
      if (child.kind === 'scalar' && child.style === 'BLOCK') noteBlockScalar(found, path, isMap ? collection.entries[index][0] : index, child);
    }
    if (index >= count) {
      collections.pop();
      nextChild.pop();
      path.pop();
      continue;
    }
    nextChild[top] = index + 1;
    collections.push(child as LiteMap | LiteSeq);
    nextChild.push(0);
    path.push(isMap ? collection.entries[index][0] : index);
  }
  found.marked.sort((a, b) => a.node.start - b.node.start);
  return found;
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
