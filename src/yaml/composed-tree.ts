import type { Scalar } from 'yaml';
import { yamlLibrary } from '../lazy';
import { LiteNode, ScalarStyle } from './lite-tree';

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

/** The comment on the line of an empty value, which the composer places at the comment itself. */
function emptyValueComment(source: string, at: number): string | null {
  return source[at] === '#' && /[ \t]/.test(source[at - 1]) ? trailingComment(source, at - 1) : null;
}

const STYLES: Record<string, ScalarStyle> = {
  PLAIN: 'PLAIN',
  QUOTE_SINGLE: 'QUOTE_SINGLE',
  QUOTE_DOUBLE: 'QUOTE_DOUBLE',
  BLOCK_LITERAL: 'BLOCK',
  BLOCK_FOLDED: 'BLOCK',
};

/** The string a scalar holds as written, without YAML 1.2 type resolution (`1.10` stays `1.10`). */
function scalarText(node: Scalar): string {
  if (node.value === null && node.source === undefined) return '';
  return typeof node.source === 'string' ? node.source : String(node.value);
}

function liteScalar(node: Scalar, source: string, base: number, inFlow: boolean): LiteNode {
  const [start, end] = node.range!;
  const empty = start === end;
  const style = empty ? 'EMPTY' : STYLES[node.type ?? 'PLAIN'] ?? 'PLAIN';
  const comment = style === 'BLOCK' ? blockHeaderComment(source, start) : empty ? emptyValueComment(source, start) : trailingComment(source, end);
  return { kind: 'scalar', value: scalarText(node), style, start: start + base, end: end + base, comment, inFlow };
}

/**
 * The lite tree of a node composed by the yaml library from `source` (the unit's own text, which
 * starts at offset `base` of the whole input). Iterative, so deep nesting cannot overflow the stack.
 */
export function liteTreeOf(root: unknown, source: string, base: number): LiteNode {
  const { isAlias, isMap, isScalar, isSeq } = yamlLibrary();
  const convert = (node: unknown, inFlow: boolean): LiteNode => {
    if (isScalar(node) && node.range) return liteScalar(node, source, base, inFlow);
    if (isAlias(node)) return { kind: 'alias', name: node.source, comment: node.range ? trailingComment(source, node.range[1]) : null };
    if (isMap(node)) return { kind: 'map', flow: inFlow || Boolean(node.flow), entries: [] };
    if (isSeq(node)) return { kind: 'seq', flow: inFlow || Boolean(node.flow), items: [] };
    return { kind: 'scalar', value: '', style: 'EMPTY', start: -1, end: -1, comment: null, inFlow };
  };
  const tree = convert(root, false);
  const pending: Array<[unknown, LiteNode]> = [[root, tree]];
  while (pending.length > 0) {
    const [node, lite] = pending.pop()!;
    if (isMap(node) && lite.kind === 'map') {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? scalarText(pair.key) : String(pair.key);
        const child = convert(pair.value, lite.flow);
        lite.entries.push([key, child]);
        pending.push([pair.value, child]);
      }
    } else if (isSeq(node) && lite.kind === 'seq') {
      for (const item of node.items) {
        const child = convert(item, lite.flow);
        lite.items.push(child);
        pending.push([item, child]);
      }
    }
  }
  return tree;
}
