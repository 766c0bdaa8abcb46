import { CST } from 'yaml';
import { applyEdits, Edit } from './edits';
import { checkImageRefs, loadFunctionConfig } from './fn-config';
import { describeOffset, InputError } from './input-error';
import { Result, resultsYaml } from './results';
import { MARKER_HINT } from './stream';
import { IncomingRef } from './update';
import { updateResource } from './update-resource';
import { composeNode, parseTokens, streamError, tokenEnd, tokenText } from './yaml-cst';

const RESOURCE_LIST_VERSIONS = ['config.kubernetes.io/v1', 'config.kubernetes.io/v1alpha1'];

type MapToken = CST.BlockMap | CST.FlowCollection;
type Pair = MapToken['items'][number];

/** The parts of a ResourceList the function reads, as CST tokens of the input. */
interface ResourceListLayout {
  top: MapToken;
  pairs: Map<string, Pair>;
}

export interface FunctionRun {
  output: string;
  results: Result[];
}

function scalarValue(token: CST.Token | null | undefined): string | undefined {
  if (!token) return undefined;
  const scalar = CST.resolveAsScalar(token);
  return scalar?.value;
}

function isMapping(token: CST.Token | null | undefined): token is MapToken {
  return token?.type === 'block-map' || (token?.type === 'flow-collection' && token.start.source === '{');
}

/** The item tokens of `items`, which may be absent or null; anything but a sequence is an error. */
function itemTokens(pair: Pair | undefined, source: string): CST.Token[] {
  const value = pair?.value;
  if (value === undefined || scalarValue(value) === '' || scalarValue(value) === 'null') return [];
  if (value.type === 'block-seq' || (value.type === 'flow-collection' && value.start.source === '[')) {
    return value.items.flatMap((item) => (item.value ? [item.value] : []));
  }
  throw new InputError('ResourceList items must be a list', describeOffset(source, value.offset));
}

/** Finds the ResourceList in the input, or says why the input is not one. */
function readLayout(source: string): ResourceListLayout {
  const tokens = parseTokens(source);
  const error = streamError(tokens, (offset) => `stdin, ${describeOffset(source, offset)}`);
  if (error) throw error;
  const documents = tokens.filter((token): token is CST.Document => token.type === 'document');
  if (documents.length === 0) throw new InputError('empty input: expected a ResourceList on stdin', 'stdin');
  if (documents.length > 1) throw new InputError(`expected one ResourceList, found ${documents.length} YAML documents`, `stdin, ${describeOffset(source, documents[1].offset)}`);
  const top = documents[0].value;
  if (!isMapping(top)) throw new InputError('not a ResourceList: the document is not a mapping', `stdin, ${describeOffset(source, top?.offset ?? 0)}`);
  const pairs = new Map<string, Pair>();
  for (const pair of top.items) {
    const key = scalarValue(pair.key);
    if (key === undefined) continue;
    if (pairs.has(key)) throw new InputError(`invalid YAML: duplicate key ${JSON.stringify(key)}`, `stdin, ${describeOffset(source, pair.key!.offset)}`);
    pairs.set(key, pair);
  }
  const kind = scalarValue(pairs.get('kind')?.value);
  const apiVersion = scalarValue(pairs.get('apiVersion')?.value);
  if (kind !== 'ResourceList' || !RESOURCE_LIST_VERSIONS.includes(apiVersion ?? '')) {
    throw new InputError(`not a ResourceList: found apiVersion ${JSON.stringify(apiVersion ?? null)} kind ${JSON.stringify(kind ?? null)}, expected ${RESOURCE_LIST_VERSIONS[0]} ResourceList`, 'stdin');
  }
  return { top, pairs };
}

function functionConfigOf(layout: ResourceListLayout, source: string): unknown {
  const value = layout.pairs.get('functionConfig')?.value;
  return value === undefined ? undefined : composeNode(value, source, 'functionConfig').toJS();
}

/** The results as YAML for a block mapping, or as JSON for a flow one; kpt rejects `[0]` in flow keys, so block style it is where it can be. */
function renderResults(results: readonly Result[], flow: boolean, eol: string): string {
  if (flow) return `"results": ${JSON.stringify(results)}`;
  const yaml = resultsYaml(results, true);
  return eol === '\n' ? yaml : yaml.replace(/\n/g, eol);
}

/** The edit that writes the results into the ResourceList: replacing an old `results`, or appended at the end. */
function resultsEdit(layout: ResourceListLayout, source: string, results: readonly Result[]): Edit {
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  const flow = layout.top.type === 'flow-collection';
  const rendered = renderResults(results, flow, eol);
  const old = layout.pairs.get('results');
  if (old?.key) {
    const start = old.key.offset;
    const end = tokenEnd(old.value ?? old.key);
    const text = flow || /^\r?\n/.test(source.slice(end)) ? rendered.replace(/\r?\n$/, '') : rendered;
    return { start, end, text };
  }
  if (flow) {
    const close = (layout.top as CST.FlowCollection).end[0];
    const separator = layout.top.items.length > 0 ? ', ' : '';
    return { start: close.offset, end: close.offset, text: `${separator}${rendered}` };
  }
  const end = tokenEnd(layout.top);
  return { start: end, end, text: source[end - 1] === '\n' ? rendered : `${eol}${rendered}` };
}

/** Updates every item that has marker text, each composed on its own; the others are not parsed. */
function updateItems(layout: ResourceListLayout, source: string, refs: readonly IncomingRef[]): { edits: Edit[]; results: Result[] } {
  const edits: Edit[] = [];
  const results: Result[] = [];
  itemTokens(layout.pairs.get('items'), source).forEach((item, index) => {
    if (!tokenText(source, item).includes(MARKER_HINT)) return;
    const doc = composeNode(item, source, `items[${index}]`);
    const update = updateResource(doc.contents, source, refs);
    edits.push(...update.edits);
    results.push(...update.results);
  });
  return { edits, results };
}

/**
 * Runs the function on a ResourceList (KRM mode). Configuration and item errors still give the
 * ResourceList back, unchanged, with an `error` result; input that is no ResourceList throws.
 */
export function runResourceList(source: string): FunctionRun {
  const layout = readLayout(source);
  const write = (edits: Edit[], results: Result[]): FunctionRun => ({ output: applyEdits(source, [...edits, resultsEdit(layout, source, results)]), results });
  try {
    const config = loadFunctionConfig(functionConfigOf(layout, source));
    if (!config.ok) return write([], [{ severity: 'error', message: config.error }]);
    const { refs, warnings } = checkImageRefs(config.imageRefs);
    const { edits, results } = updateItems(layout, source, refs);
    return write(edits, [...warnings, ...results]);
  } catch (error) {
    if (error instanceof InputError) return write([], [{ severity: 'error', message: error.message }]);
    throw error;
  }
}
