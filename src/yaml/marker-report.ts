import { LiteAlias, LiteMap, LiteNode, LiteScalar, LiteSeq, PathSegment } from './lite-tree';

/**
 * How a reader reports the markers of a unit to its caller. The reader knows a marker only by the
 * text it starts with; what a marker means is the caller's (markers/walk.ts for `# kobold:`).
 */
export interface MarkerReport<M> {
  /** The text a marker comment starts with; a block scalar whose content holds it is reported too. */
  readonly prefix: string;
  /** The markers of a unit before any is found. */
  empty(): M;
  /**
   * Adds a scalar or alias whose trailing comment starts with `prefix`, or a block scalar whose
   * content holds it, to `markers`: `path` leads to its parent, `segment` from there to it.
   */
  add(markers: M, path: readonly PathSegment[], segment: PathSegment, node: LiteScalar | LiteAlias): void;
}

/** Whether a scalar or alias is one to report: its comment starts with `prefix`, or it is a block scalar holding it. */
export function hasMarker(node: LiteScalar | LiteAlias, prefix: string): boolean {
  return (node.comment !== null && node.comment.startsWith(prefix)) || (node.kind === 'scalar' && node.style === 'BLOCK' && node.value.includes(prefix));
}

/**
 * The markers of a tree, on scalar values of mappings and scalar items of sequences, block or flow,
 * at any depth, in document order, as `report` makes them. The walk keeps one path, which `report`
 * copies for a marker: a resource has many scalars and few markers.
 */
export function findMarkers<M>(root: LiteNode, report: MarkerReport<M>): M {
  const found = report.empty();
  if (root.kind !== 'map' && root.kind !== 'seq') return found;
  const { prefix } = report;
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
      // A pruned sequence has holes (fast-reader.ts).
      if (child === undefined) continue;
      if (child.kind === 'map' || child.kind === 'seq') break;
      if (hasMarker(child, prefix)) report.add(found, path, isMap ? collection.entries[index][0] : index, child);
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
  return found;
}
