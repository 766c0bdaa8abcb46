import { isAlias, isMap, isScalar, isSeq, Node, Pair, Scalar } from 'yaml';
import { PathSegment, PathSelector } from './field-path';
import { markerTextOfComment } from './marker';

/** A scalar a rule applies to, wherever the rule came from. */
export interface MarkedScalar {
  node: Scalar;
  path: PathSegment[];
  /** Inside a flow collection, where `,[]{}` would need quoting. */
  inFlow: boolean;
  /** What follows `# kobold:`. */
  markerText: string;
}

/** A marker found where no field can be updated. */
export interface MisplacedMarker {
  path: PathSegment[];
  reason: string;
}

export interface CommentMarkers {
  marked: MarkedScalar[];
  misplaced: MisplacedMarker[];
}

/** The text of the comment that trails `end` on its line (after blanks and at most one `,`), if any. */
export function trailingComment(source: string, end: number): string | null {
  let i = end;
  const skipBlanks = (): void => {
    while (source[i] === ' ' || source[i] === '\t') i++;
  };
  skipBlanks();
  if (source[i] === ',') {
    i++;
    skipBlanks();
  }
  if (source[i] !== '#' || i === end) return null;
  const lineEnd = source.indexOf('\n', i);
  const comment = source.slice(i, lineEnd < 0 ? source.length : lineEnd);
  return comment.endsWith('\r') ? comment.slice(0, -1) : comment;
}

/** The comment on a block scalar's header line (`|- # ...`), if any. */
function blockHeaderComment(source: string, start: number): string | null {
  const lineEnd = source.indexOf('\n', start);
  const header = source.slice(start, lineEnd < 0 ? source.length : lineEnd);
  const hash = header.search(/[ \t]#/);
  return hash < 0 ? null : header.slice(hash + 1).replace(/\r$/, '');
}

export function isBlockScalar(node: Scalar): boolean {
  return node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
}

/** The string a key or scalar holds as written, without YAML 1.2 type resolution (`1.10` stays `1.10`). */
export function scalarText(node: Scalar): string {
  return typeof node.source === 'string' ? node.source : String(node.value);
}

function keySegment(pair: Pair): string {
  return isScalar(pair.key) ? scalarText(pair.key) : String(pair.key);
}

/** The children of a collection node with the path segment that leads to each. */
function childrenOf(node: Node): Array<[PathSegment, unknown]> {
  if (isMap(node)) return node.items.map((pair) => [keySegment(pair), pair.value]);
  if (isSeq(node)) return node.items.map((item, index) => [index, item]);
  return [];
}

/**
 * Every comment marker in a composed document: on scalar values of mappings and scalar items of
 * sequences, block or flow, at any depth. Markers on aliases and block scalars are reported as
 * misplaced: an alias shares its anchor's node (mark the anchor), and a block scalar cannot be
 * rewritten in place.
 */
export function findCommentMarkers(root: unknown, source: string): CommentMarkers {
  const found: CommentMarkers = { marked: [], misplaced: [] };
  const stack: Array<{ node: Node; path: PathSegment[]; inFlow: boolean }> = [];
  if (isMap(root) || isSeq(root)) stack.push({ node: root, path: [], inFlow: Boolean(root.flow) });
  while (stack.length > 0) {
    const { node, path, inFlow } = stack.pop()!;
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) {
      const [segment, child] = children[i];
      const childPath = [...path, segment];
      if (isMap(child) || isSeq(child)) {
        stack.push({ node: child, path: childPath, inFlow: inFlow || Boolean(child.flow) });
      } else if (isScalar(child) && child.range) {
        const comment = isBlockScalar(child) ? blockHeaderComment(source, child.range[0]) : trailingComment(source, child.range[1]);
        const markerText = comment === null ? null : markerTextOfComment(comment);
        if (markerText === null) continue;
        if (isBlockScalar(child)) found.misplaced.push({ path: childPath, reason: 'a marker on a block scalar (| or >) is not supported: write the value as a plain or quoted scalar' });
        else found.marked.push({ node: child, path: childPath, inFlow, markerText });
      } else if (isAlias(child) && child.range) {
        const comment = trailingComment(source, child.range[1]);
        if (comment !== null && markerTextOfComment(comment) !== null) {
          found.misplaced.push({ path: childPath, reason: `a marker on the alias *${child.source} is not supported: put it on the anchored value` });
        }
      }
    }
  }
  found.marked.sort((a, b) => a.node.range![0] - b.node.range![0]);
  return found;
}

/** The nodes an annotation rule's path reaches from the resource's root, with their paths. */
export function selectNodes(root: unknown, selectors: readonly PathSelector[]): Array<{ node: unknown; path: PathSegment[] }> {
  let reached: Array<{ node: unknown; path: PathSegment[] }> = [{ node: root, path: [] }];
  for (const selector of selectors) {
    reached = reached.flatMap(({ node, path }) => {
      if (!isMap(node) && !isSeq(node)) return [];
      return childrenOf(node)
        .filter(([segment, child]) => selects(selector, segment, child))
        .map(([segment, child]) => ({ node: child, path: [...path, segment] }));
    });
  }
  return reached;
}

function selects(selector: PathSelector, segment: PathSegment, child: unknown): boolean {
  switch (selector.kind) {
    case 'key':
      return segment === selector.key;
    case 'index':
      return segment === selector.index;
    case 'each':
      return typeof segment === 'number';
    case 'where': {
      if (typeof segment !== 'number' || !isMap(child)) return false;
      const value = child.items.find((pair) => keySegment(pair) === selector.key)?.value;
      return isScalar(value) && scalarText(value) === selector.value;
    }
  }
}
