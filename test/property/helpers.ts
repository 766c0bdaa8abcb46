/**
 * What the property tests check with, independent of the code under test: field paths parsed and
 * followed in documents the yaml library composes (failsafe schema, so every scalar is a string),
 * every scalar of a document by path, and the spans of changed scalars in input and output.
 */
import { strict as assert } from 'assert';
import { Document, isAlias, isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';
import type { Result } from '../../src/output/results';
import { EMBEDDED, parseFieldPath, Segment } from '../support/field-paths';

export type { Segment };

const MARKER_PREFIX = '# kobold:';

type ParseOptions = Parameters<typeof parseAllDocuments>[1];

/** PROPERTY_SCALE from the environment, 1 when it is not set. */
function propertyScale(): number {
  const scale = Number(process.env.PROPERTY_SCALE ?? '1');
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`PROPERTY_SCALE must be a positive number, not ${process.env.PROPERTY_SCALE}`);
  return scale;
}

/**
 * The number of runs of a property: `base`, times PROPERTY_SCALE from the environment when it is
 * set (a soak run, `PROPERTY_SCALE=40 npm test`, tries many more inputs than CI does).
 */
export function propertyRuns(base: number): number {
  return Math.ceil(base * propertyScale());
}

/** A test's timeout for `base` ms at scale 1: a soak run's many more inputs get as much time each. */
export function propertyTimeout(base: number): number {
  return Math.ceil(base * Math.max(1, propertyScale()));
}

/** The key of a pair as a string (failsafe: scalars are strings). */
function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : JSON.stringify(key);
}

/**
 * The document embedded in a node: a literal block scalar with marker text whose content is one
 * document (what the generators embed), composed from its content; undefined otherwise.
 */
export function embeddedDocument(node: unknown, options: ParseOptions = { schema: 'failsafe' }): Document.Parsed | undefined {
  if (!isScalar(node) || node.type !== 'BLOCK_LITERAL' || !String(node.value).includes(MARKER_PREFIX)) return undefined;
  const documents = Array.from(parseAllDocuments(String(node.value), options) as Iterable<Document.Parsed>);
  return documents.length === 1 && documents[0].errors.length === 0 && (isMap(documents[0].contents) || isSeq(documents[0].contents)) ? documents[0] : undefined;
}

/** The node at a path of segments, or undefined. Aliases are not followed (results never go through them). */
export function nodeAt(root: unknown, segments: readonly Segment[], options?: ParseOptions): unknown {
  let node = root;
  for (const segment of segments) {
    if (segment === EMBEDDED) {
      node = embeddedDocument(node, options)?.contents;
    } else if (typeof segment === 'number') {
      if (!isSeq(node)) return undefined;
      node = node.items[segment];
    } else {
      if (!isMap(node)) return undefined;
      const pair = node.items.find((item) => keyText(item.key) === segment);
      if (!pair) return undefined;
      node = pair.value;
    }
  }
  return node;
}

/** Every scalar and alias of a tree by path (`JSON.stringify(segments)`): `S:value`, `A:name`, or `N` for no node. */
export function scalarsByPath(root: unknown, prefix: Segment[] = [], skipKeys: readonly string[] = []): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (node: unknown, path: Segment[]): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = keyText(pair.key);
        if (path.length === prefix.length && skipKeys.includes(key)) continue;
        visit(pair.value, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => visit(item, [...path, index]));
    } else if (embeddedDocument(node) !== undefined) {
      visit(embeddedDocument(node)!.contents, [...path, EMBEDDED]);
    } else if (isScalar(node)) {
      found.set(JSON.stringify(path), `S:${String(node.value ?? '')}`);
    } else if (isAlias(node)) {
      found.set(JSON.stringify(path), `A:${node.source}`);
    } else {
      found.set(JSON.stringify(path), 'N');
    }
  };
  visit(root, prefix);
  return found;
}

/** The documents of a stream, composed with the failsafe schema; asserts they have no errors. */
export function documentsOf(text: string, what: string): Document.Parsed[] {
  const documents = Array.from(parseAllDocuments(text, { schema: 'failsafe' }) as Iterable<Document.Parsed>);
  documents.forEach((document, index) => assert.deepEqual(document.errors.map((error) => error.message), [], `${what}: document ${index} parses without errors`));
  return documents;
}

/**
 * The value at a path of document `index` of a text under the YAML 1.2 core schema and under
 * YAML 1.1 (what Kubernetes tools still use): a changed field must read back as the same string
 * under both, not as a number, boolean or null.
 */
export function resolvedValues(text: string, index: number, path: readonly Segment[]): unknown[] {
  return [{}, { version: '1.1' as const }].map((options) => {
    const documents = Array.from(parseAllDocuments(text, options) as Iterable<Document.Parsed>);
    const node = nodeAt(documents[index].contents, path, options);
    return isScalar(node) ? node.value : node;
  });
}

/** Where documents start: 0 for the first, else where the yaml library says (its `---`). */
export function documentStarts(documents: readonly Document.Parsed[]): number[] {
  return documents.map((document, index) => (index === 0 ? 0 : document.range[0]));
}

export function pieces(text: string, starts: readonly number[]): string[] {
  return starts.map((start, index) => text.slice(start, starts[index + 1] ?? text.length));
}

/** A changed scalar: which tree it is in, its path there, and its source span. */
export interface Span {
  unit: number;
  path: Segment[];
  start: number;
  end: number;
}

/** The info results: the changes. */
export function infos(results: readonly Result[]): Result[] {
  return results.filter((result) => result.severity === 'info');
}

/** The parsed path of a result's field, asserted to be a path. */
export function pathOf(result: Result): Segment[] {
  assert.ok(result.field, `an info result has a field: ${JSON.stringify(result)}`);
  const path = parseFieldPath(result.field.path);
  assert.ok(path !== null, `the field path ${JSON.stringify(result.field.path)} is a path`);
  return path;
}

/**
 * Where an offset of a literal block scalar's value is in `source`, the text the scalar was composed
 * from: the same line of its content and the same column after the content's indentation (the
 * spaces the first line with content has beyond what its line in the value keeps).
 */
function offsetInSource(source: string, block: { range?: [number, number, number] | null; value: unknown }, offset: number): number {
  const value = String(block.value);
  const [start, end] = block.range!;
  const lineStarts: number[] = [];
  for (let line = source.indexOf('\n', start) + 1; line > 0 && line < end; line = source.indexOf('\n', line) + 1) lineStarts.push(line);
  const valueLines = value.split('\n');
  const spaces = (text: string, at: number): number => {
    let i = at;
    while (text[i] === ' ') i++;
    return i - at;
  };
  const first = valueLines.findIndex((line) => line.trim() !== '');
  const indentation = spaces(source, lineStarts[first]) - spaces(valueLines[first], 0);
  const line = value.slice(0, offset).split('\n').length - 1;
  const column = offset - (value.lastIndexOf('\n', offset - 1) + 1);
  return lineStarts[line] + Math.min(indentation, spaces(source, lineStarts[line])) + column;
}

/**
 * The scalar at a path of a tree composed from `source`, with its span there; asserts there is one.
 * A path into embedded YAML gives the span in `source` of the scalar inside the block scalar.
 */
export function scalarSpan(source: string, root: unknown, unit: number, path: Segment[], what: string): Span & { value: string; type: string | undefined } {
  const embeddedAt = path.indexOf(EMBEDDED);
  if (embeddedAt >= 0) {
    const block = nodeAt(root, path.slice(0, embeddedAt));
    assert.ok(isScalar(block) && block.range, `${what}: the path ${JSON.stringify(path)} of unit ${unit} goes through a block scalar`);
    const inner = scalarSpan(String(block.value), embeddedDocument(block)?.contents, unit, path.slice(embeddedAt + 1), what);
    return { ...inner, path, start: offsetInSource(source, block, inner.start), end: offsetInSource(source, block, inner.end) };
  }
  const node = nodeAt(root, path);
  assert.ok(isScalar(node), `${what}: the path ${JSON.stringify(path)} of unit ${unit} reaches a scalar (found ${node === undefined ? 'nothing' : String((node as { constructor?: { name?: string } })?.constructor?.name)})`);
  assert.ok(node.range, `${what}: the scalar has a range`);
  return { unit, path, start: node.range[0], end: node.range[1], value: String(node.value ?? ''), type: node.type };
}

/**
 * Asserts that `output` is `input` with exactly the spans `inputSpans` replaced, each by the text of
 * the matching span of `outputSpans` (same unit and path): every other byte is identical.
 */
export function assertOnlySpansChanged(input: string, output: string, inputSpans: Span[], outputSpans: Span[]): void {
  const key = (span: Span): string => `${span.unit}:${JSON.stringify(span.path)}`;
  assert.equal(new Set(inputSpans.map(key)).size, inputSpans.length, 'no field is reported changed twice');
  const byKey = new Map(outputSpans.map((span) => [key(span), span]));
  const sorted = [...inputSpans].sort((a, b) => a.start - b.start);
  let inAt = 0;
  let outAt = 0;
  for (const span of sorted) {
    assert.ok(span.start >= inAt, `changed spans do not overlap: ${JSON.stringify(sorted)}`);
    const out = byKey.get(key(span));
    assert.ok(out, `the changed field ${key(span)} is in the output`);
    assert.equal(output.slice(outAt, out.start), input.slice(inAt, span.start), `the text before the changed field ${key(span)} is unchanged`);
    inAt = span.end;
    outAt = out.end;
  }
  assert.equal(output.slice(outAt), input.slice(inAt), 'the text after the last changed field is unchanged');
}

/** Results as plain data (what JSON/YAML would carry), for deep comparison. */
export function plain(results: readonly Result[]): unknown {
  return JSON.parse(JSON.stringify(results));
}
