import type { CST } from 'yaml';
import { yamlLibrary } from '../lazy';
import { Edit, EditedOutput, EditList, textOutput } from '../output/edits';
import { checkImageRefs, loadFunctionConfig } from './fn-config';
import { formatProblem, InputError, inputErrorAt, inputErrorOf } from '../problem';
import { entryOf, holdsAlias, liteToJs, scalarAt } from '../yaml/lite-tree';
import { Result, resultsYaml, writeResultsYaml } from '../output/results';
import { ResultLog } from '../output/result-log';
import { readSimpleYaml } from '../yaml/fast-reader';
import { scanFrom } from '../yaml/sticky-scan';
import { ColumnZeroItems, Unit, UnitIndex, unitPlace, Units } from '../yaml/split';
import { updateUnits } from '../update/units';
import { composeNode, parseTokens, streamError, tokenEnd } from '../yaml/cst';

const RESOURCE_LIST_VERSIONS = ['config.kubernetes.io/v1', 'config.kubernetes.io/v1alpha1'];

/** The input's name in messages: a KRM function reads its ResourceList on stdin. */
const KRM_INPUT = 'stdin';

/**
 * The items of a ResourceList, and those that may not be mappings (checkItemIsMapping): when the
 * layout saw the others are plainly mappings, those; else null, and all are to be checked.
 */
type ResourceListItems = { items: UnitIndex; itemsToCheck: readonly Unit[] } | { items: Units; itemsToCheck: null };

/** What the items and the functionConfig of a ResourceList are, read on demand. */
type ResourceListContent = ResourceListItems & { functionConfig: unknown };

/**
 * A ResourceList as found in the input: enough to know it is one and where results go, and the
 * rest, whose errors are reported in the results of a ResourceList written back unchanged.
 */
interface ResourceListLayout {
  apiVersion: string | undefined;
  kind: string | undefined;
  /** The edit that writes the rendered results into the list. */
  placeResults: (results: ResultLog, eol: string) => Edit;
  /** The items and the functionConfig; throws an InputError for malformed YAML around the items. */
  content: () => ResourceListContent;
}

/** The outcome of a run: the results, and the updated ResourceList, written piece by piece or whole. */
export interface FunctionRun {
  readonly results: Result[];
  hasError: boolean;
  write: (output: EditedOutput) => void;
  readonly output: string;
}

function itemUnit(start: number, end: number, index: number, kind: Unit['kind']): Unit {
  return { start, end, kind, index };
}

/** Results appended as a block `results:` at `at`, the end of the document (after its trailing comments). */
function appendBlock(source: string, at: number): ResourceListLayout['placeResults'] {
  return (results, eol) => ({
    start: at,
    end: at,
    emit: (write) => {
      if (at > 0 && source[at - 1] !== '\n') write(eol);
      writeResultsYaml(results, true, eol, write);
    },
  });
}

const LF = 10;
const DASH = 45;
const TOP_LEVEL_KEY = /^[A-Za-z_][\w.\/-]*:(?=[ \t\r]|$)/;
/** A line whose indentation has a tab. */
const TAB_IN_INDENTATION = /^ *\t/m;
/** A document end marker line: `...` and then a space or the line's end. */
const DOCUMENT_END = /^\.\.\.(?:[ \t\r\n]|$)/;
/** Blank and comment lines only, to the end of the input. */
const ONLY_COMMENTS = /^(?:[ \t\r]*(?:#[^\n]*)?(?:\n|$))*$/;
/** A `- key:` block sequence entry: the common item of a ResourceList, plainly a mapping. */
const PLAIN_ITEM_LINE = String.raw`- [ \t]*[A-Za-z_][\w.\/-]*:[ \t\r\n]`;
/**
 * A line that starts with content (no indentation, comment or blank), at the start or after a line
 * break, unless it is a plain item line: the top-level keys, and the items that need a closer look.
 * Most lines of a ResourceList are indented or plain item lines, and the regex passes over them as
 * machine code.
 */
const COLUMN_ZERO_LINE = new RegExp(`(?:^|\n)(?!${PLAIN_ITEM_LINE})[^ #\r\n]`, 'g');
/** A block sequence entry's `-`. */
const SEQUENCE_ENTRY = /-[ \r\n]/y;

/**
 * The layout of a ResourceList in block style, as kpt and kustomize write it, found from its lines:
 * top-level keys at column 0, `items:` followed by `- ` entries at one indentation. The part around
 * the items is read on its own. Items at column 0 are found when asked for (ColumnZeroItems), once
 * no other line among them is seen to start at column 0. Null when the input looks any other way
 * (then the full parser runs).
 */
function blockLayout(source: string): ResourceListLayout | null {
  let itemsRegion: [number, number] | null = null;
  let sawContent = false;
  /** Where a `...` line ends the document, else the end of the input. */
  let documentEnd = source.length;
  /** The `- ` lines at column 0 that are not plain item lines: items to check, if the sequence is not indented. */
  const itemLinesToCheck: number[] = [];
  COLUMN_ZERO_LINE.lastIndex = 0;
  for (let match = COLUMN_ZERO_LINE.exec(source); match !== null; match = COLUMN_ZERO_LINE.exec(source)) {
    const line = source.charCodeAt(match.index) === LF ? match.index + 1 : match.index;
    if (scanFrom(SEQUENCE_ENTRY, source, line) >= 0) {
      if (itemsRegion === null || itemsRegion[1] !== -1) return null;
      itemLinesToCheck.push(line);
      continue;
    }
    if (source.startsWith('---', line) && !sawContent) continue;
    if (DOCUMENT_END.test(source.slice(line, line + 4))) {
      if (!ONLY_COMMENTS.test(source.slice(source.indexOf('\n', line) + 1 || source.length))) return null;
      documentEnd = line;
      break;
    }
    const text = source.slice(line, source.indexOf('\n', line) >>> 0);
    if (!TOP_LEVEL_KEY.test(text)) return null;
    sawContent = true;
    if (itemsRegion !== null && itemsRegion[1] === -1) itemsRegion[1] = line;
    if (text.startsWith('items:')) {
      if (itemsRegion !== null || !/^items:[ \t]*(#.*)?\r?$/.test(text)) return null;
      itemsRegion = [source.indexOf('\n', line) + 1 || source.length, -1];
    }
  }
  if (itemsRegion === null) return null;
  const [regionStart] = itemsRegion;
  const regionEnd = itemsRegion[1] === -1 ? documentEnd : itemsRegion[1];
  const first = firstContentLine(source, regionStart);
  const found = first >= 0 && first < regionEnd && source.charCodeAt(first) === DASH ? columnZeroItems(source, first, regionEnd, itemLinesToCheck) : indentedItems(source, regionStart, regionEnd);
  if (found === null) return null;
  // Read in full: a plain item line the regex passed over outside the items makes it no mapping.
  const skeleton = source.slice(0, regionStart) + source.slice(regionEnd);
  const top = simpleTop(skeleton) ?? composedTop(skeleton);
  if (top === null || top.hasResults) return null;
  return { apiVersion: top.apiVersion, kind: top.kind, placeResults: appendBlock(source, documentEnd), content: () => ({ ...found, functionConfig: top.functionConfig() }) };
}

/** What the layout needs of the part of a ResourceList around its items. */
interface ListTop {
  apiVersion: string | undefined;
  kind: string | undefined;
  hasResults: boolean;
  /** Read when asked: an error in it (an alias bomb) is reported in the results. */
  functionConfig: () => unknown;
}

/** The part around the items read by the fast reader, or null when it declines it or it holds an alias (composedTop expands those). */
function simpleTop(skeleton: string): ListTop | null {
  const top = readSimpleYaml(skeleton, 0, skeleton.length, false);
  if (top === null || holdsAlias(top)) return null;
  const functionConfig = liteToJs(entryOf(top, 'functionConfig'));
  return { apiVersion: scalarAt(top, 'apiVersion'), kind: scalarAt(top, 'kind'), hasResults: entryOf(top, 'results') !== undefined, functionConfig: () => functionConfig };
}

/**
 * The part around the items composed as the full parser composes it in a whole list (an anchor,
 * an alias or a tag there): the items are still read one by one. Null when it has an error or a
 * repeated key: the full parser then reads the whole list and reports it where it is in the
 * input, which offsets in the part are not.
 */
function composedTop(skeleton: string): ListTop | null {
  const yaml = yamlLibrary();
  // Not strict: a key after the items is far from the one before, which the 1024-character rule counts.
  const doc = yaml.parseDocument(skeleton, { strict: false });
  if (doc.errors.length > 0 || !yaml.isMap(doc.contents)) return null;
  const scalar = (key: string): string | undefined => {
    const node = doc.get(key, true);
    return yaml.isScalar(node) ? String(node.value) : undefined;
  };
  return { apiVersion: scalar('apiVersion'), kind: scalar('kind'), hasResults: doc.has('results'), functionConfig: () => (doc.toJS() as { functionConfig?: unknown }).functionConfig };
}

/** The items of a sequence at column 0 from `first` to `regionEnd`, of which those at `linesToCheck` are to be checked. */
function columnZeroItems(source: string, first: number, regionEnd: number, linesToCheck: readonly number[]): ResourceListItems {
  const items = new ColumnZeroItems(source, first, regionEnd);
  return { items, itemsToCheck: linesToCheck.map((line) => items.unitHolding(line, line + 1)!) };
}

/** The items of an indented block sequence filling [start, end), or null if it is no such sequence. */
function indentedItems(source: string, start: number, end: number): ResourceListItems | null {
  const starts = itemStarts(source, start, end);
  return starts === null ? null : { items: Units.adjoining(starts, end, 'seq-item'), itemsToCheck: null };
}

/** The start of the first line from `from` on that is not blank or a comment, within 4 KiB, or -1. */
function firstContentLine(source: string, from: number): number {
  const match = /^[ \t]*[^ \t\r\n#]/m.exec(source.slice(from, from + 4096));
  return match === null ? -1 : from + match.index;
}

/** The starts of the `- ` lines of a block sequence filling [start, end), or null if it is no such sequence. */
function itemStarts(source: string, start: number, end: number): number[] | null {
  const starts: number[] = [];
  let column = -1;
  for (let line = start; line < end; line = source.indexOf('\n', line) + 1 || end) {
    let i = line;
    while (source[i] === ' ') i++;
    const c = source[i];
    if (c === '\n' || c === '\r' || c === '#' || i >= end) continue;
    if (c === '\t') return null;
    const indent = i - line;
    if (column < 0) column = indent;
    if (indent < column) return null;
    if (indent > column) continue;
    if (c !== '-' || !/^-[ \r\n]/.test(source.slice(i, i + 2))) return null;
    starts.push(line);
  }
  return starts;
}

function scalarValue(token: CST.Token | null | undefined): string | undefined {
  return token ? yamlLibrary().CST.resolveAsScalar(token)?.value : undefined;
}

type MapToken = CST.BlockMap | CST.FlowCollection;

function isMapping(token: CST.Token | null | undefined): token is MapToken {
  return token?.type === 'block-map' || (token?.type === 'flow-collection' && token.start.source === '{');
}

/** Where an item of a collection starts: its first token. */
function itemOffset(item: CST.CollectionItem): number | undefined {
  return item.start[0]?.offset ?? item.key?.offset ?? item.value?.offset;
}

/**
 * The items of `items` as units, each ending where the next begins (and the last at `itemsEnd`),
 * found without walking their tokens, which may nest deeply. Absent or null means none; anything
 * but a sequence is an error.
 */
function itemUnits(value: CST.Token | null | undefined, itemsEnd: number, source: string): Units {
  if (!value || (isScalarToken(value) && composeNode(value, source).toJS() === null)) return Units.of('seq-item', []);
  const flowEnd = value.type === 'flow-collection' && value.start.source === '[' ? value.end[0]?.offset ?? itemsEnd : undefined;
  if (value.type !== 'block-seq' && flowEnd === undefined) throw inputErrorAt('NOT_A_RESOURCE_LIST', 'ResourceList items must be a list', source, value.offset);
  const items: CST.CollectionItem[] = (value as CST.BlockSequence | CST.FlowCollection).items;
  const units: Unit[] = [];
  // From the last item back, so that where the next item starts is known without a search.
  let next = flowEnd ?? itemsEnd;
  for (let index = items.length - 1; index >= 0; index--) {
    const item = items[index];
    if (item.value) units.push(flowEnd !== undefined ? itemUnit(item.value.offset, next, index, 'node') : itemUnit(source.lastIndexOf('\n', itemOffset(item)!) + 1, next, index, 'seq-item'));
    next = itemOffset(item) ?? next;
  }
  return Units.of(flowEnd === undefined ? 'seq-item' : 'node', units.reverse());
}

/** The edit that puts results into a list read by the full parser: replacing old ones, or appended. */
function cstResultsPlacement(documentEnd: number, top: MapToken, old: MapToken['items'][number] | undefined, source: string): ResourceListLayout['placeResults'] {
  const flow = top.type === 'flow-collection';
  if (flow) {
    return (results) => {
      const json = `"results": ${JSON.stringify([...results])}`;
      if (old?.key) return { start: old.key.offset, end: tokenEnd(old.value ?? old.key), text: json };
      const close = (top as CST.FlowCollection).end[0];
      return { start: close.offset, end: close.offset, text: `${top.items.length > 0 ? ', ' : ''}${json}` };
    };
  }
  if (old?.key) {
    const start = old.key.offset;
    const end = tokenEnd(old.value ?? old.key);
    return (results, eol) => {
      const text = resultsYaml(results, true, eol);
      return { start, end, text: /^\r?\n/.test(source.slice(end)) ? text.slice(0, -eol.length) : text };
    };
  }
  return appendBlock(source, documentEnd);
}

/** A plain item line at any indentation. */
const PLAIN_KEY_ITEM = new RegExp(`[ \\t]*${PLAIN_ITEM_LINE}`, 'y');

/**
 * Refuses an item that is plainly no resource: a scalar or a sequence where a mapping must be. Read
 * from the item's first line only, since items without markers are not parsed; what that line
 * cannot tell (anchors, tags, nested nodes) is left alone.
 */
function checkItemIsMapping(source: string, item: Unit): void {
  const lineEnd = source.indexOf('\n', item.start);
  const line = source.slice(item.start, lineEnd < 0 ? item.end : Math.min(lineEnd, item.end)).replace(/\r$/, '');
  const content = (item.kind === 'seq-item' ? line.replace(/^\s*-(?=\s|$)/, '') : line).replace(/(^|\s)#.*$/, '').trim();
  const mapping = content === '' || /^[{&!]/.test(content) || /^(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*')\s*:(?:\s|$)/.test(content)
    || (!/^["'\[|>*]/.test(content) && /:(?:\s|$)/.test(content));
  if (!mapping) throw inputErrorAt('NOT_A_RESOURCE', 'not a resource: expected a mapping, found a scalar or a sequence', source, item.start, unitPlace(item));
}

/**
 * Refuses the first item that is plainly no resource (checkItemIsMapping): of those to check when
 * the layout knows the others are mappings, else of all, the common item, `- key:`, at a glance.
 */
function checkItemsAreMappings(source: string, { items, itemsToCheck }: ResourceListItems): void {
  if (itemsToCheck !== null) {
    for (let i = 0; i < itemsToCheck.length; i++) checkItemIsMapping(source, itemsToCheck[i]);
    return;
  }
  for (let position = 0; position < items.length; position++) {
    if (items.kind === 'seq-item' && scanFrom(PLAIN_KEY_ITEM, source, items.start(position)) >= 0) continue;
    checkItemIsMapping(source, items.at(position));
  }
}

function isScalarToken(token: CST.Token): boolean {
  return token.type === 'scalar' || token.type === 'single-quoted-scalar' || token.type === 'double-quoted-scalar';
}

/** The key of a pair as a string, or undefined when it is no scalar; a malformed key is an InputError. */
function pairKey(pair: MapToken['items'][number], source: string): string | undefined {
  if (!pair.key || !isScalarToken(pair.key)) return undefined;
  let problem: string | undefined;
  const value = yamlLibrary().CST.resolveAsScalar(pair.key, true, (_offset, _code, message) => (problem ??= message))?.value;
  if (problem !== undefined) throw inputErrorAt('INVALID_YAML', `invalid YAML: ${problem}`, source, pair.key.offset);
  return value;
}

/**
 * The layout of any ResourceList, found with the full YAML parser. Everything but the items is
 * composed (so that every YAML error there is found); the items are left to be read one by one.
 */
function parsedLayout(source: string): ResourceListLayout {
  const tokens = parseTokens(source);
  const error = streamError(tokens, source);
  if (error) throw error;
  const documents = tokens.filter((token): token is CST.Document => token.type === 'document');
  if (documents.length === 0) throw new InputError('NOT_A_RESOURCE_LIST', 'empty input: expected a ResourceList on stdin');
  if (documents.length > 1) throw inputErrorAt('NOT_A_RESOURCE_LIST', `expected one ResourceList, found ${documents.length} YAML documents`, source, documents[1].offset);
  const document = documents[0];
  const documentEnd = tokens[tokens.indexOf(document) + 1]?.offset ?? source.length;
  const top = document.value;
  if (!isMapping(top)) throw inputErrorAt('NOT_A_RESOURCE_LIST', 'not a ResourceList: the document is not a mapping', source, top?.offset ?? 0);
  const pairs = new Map(top.items.map((pair) => [pairKey(pair, source), pair] as const));
  const itemsPair = pairs.get('items');
  return {
    apiVersion: scalarValue(pairs.get('apiVersion')?.value),
    kind: scalarValue(pairs.get('kind')?.value),
    placeResults: cstResultsPlacement(documentEnd, top, pairs.get('results'), source),
    content: () => {
      // A tab in a line's indentation can make the parser split items, or take part of one for a
      // key of the list, where the composer sees malformed YAML (a tab is no indentation): the
      // whole list is then composed, for its errors.
      if (TAB_IN_INDENTATION.test(source)) composeNode(top, source, { strict: false, uniqueKeys: false });
      // The items' value is left out (as if `items:` were empty): each item is read on its own.
      const withoutItems = top.items.map((pair) => (pair === itemsPair ? { ...pair, value: undefined, sep: pair.sep?.filter((token) => token.type === 'map-value-ind') } : pair));
      // Not strict: a key after the items is far from the one before, which the 1024-character rule counts.
      const skeleton = composeNode({ ...top, items: withoutItems } as CST.Token, source, { strict: false });
      const { functionConfig } = (skeleton.toJS() ?? {}) as { functionConfig?: unknown };
      const pairsAfterItems: CST.CollectionItem[] = itemsPair === undefined ? [] : top.items.slice(top.items.findIndex((pair) => pair === itemsPair) + 1);
      const afterItems = pairsAfterItems.map(itemOffset).find((offset) => offset !== undefined);
      return { items: itemUnits(itemsPair?.value, afterItems ?? documentEnd, source), itemsToCheck: null, functionConfig };
    },
  };
}

/** The layout of the ResourceList that `source` is; input that is none is an InputError naming stdin. */
function resourceListLayout(source: string): ResourceListLayout {
  let layout: ResourceListLayout;
  try {
    layout = blockLayout(source) ?? parsedLayout(source);
  } catch (error) {
    throw inputErrorOf(error)?.withInput(KRM_INPUT) ?? error;
  }
  if (layout.kind !== 'ResourceList' || !RESOURCE_LIST_VERSIONS.includes(layout.apiVersion ?? '')) {
    const found = `found apiVersion ${JSON.stringify(layout.apiVersion ?? null)} kind ${JSON.stringify(layout.kind ?? null)}`;
    throw new InputError('NOT_A_RESOURCE_LIST', `not a ResourceList: ${found}, expected ${RESOURCE_LIST_VERSIONS[0]} ResourceList`, { input: KRM_INPUT });
  }
  return layout;
}

function logOf(results: readonly Result[]): ResultLog {
  const log = new ResultLog();
  log.addAll(results);
  return log;
}

/**
 * Runs the function on a ResourceList (KRM mode). Configuration and item errors still give the
 * ResourceList back, unchanged, with an `error` result; input that is no ResourceList throws.
 */
export function runResourceList(source: string): FunctionRun {
  const layout = resourceListLayout(source);
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  const write = (edits: EditList, results: ResultLog): FunctionRun => {
    edits.add(layout.placeResults(results, eol));
    const writeOutput = (output: EditedOutput): void => edits.write(source, output);
    return {
      get results() {
        return [...results];
      },
      hasError: results.hasError(),
      write: writeOutput,
      get output() {
        const parts: string[] = [];
        writeOutput(textOutput(source, (text) => parts.push(text)));
        return parts.join('');
      },
    };
  };
  const warnings: Result[] = [];
  const results = new ResultLog();
  try {
    const content = layout.content();
    const config = loadFunctionConfig(content.functionConfig);
    if (!config.ok) return write(new EditList(), logOf([{ severity: 'error', message: config.error }]));
    const checked = checkImageRefs(config.value);
    warnings.push(...checked.warnings);
    results.addAll(warnings);
    checkItemsAreMappings(source, content);
    return write(updateUnits(source, content.items, checked.refs, results, { name: KRM_INPUT }), results);
  } catch (error) {
    const inputError = inputErrorOf(error);
    if (inputError === undefined) throw error;
    return write(new EditList(), logOf([...warnings, { severity: 'error', message: formatProblem(inputError.withInput(KRM_INPUT)) }]));
  }
}
