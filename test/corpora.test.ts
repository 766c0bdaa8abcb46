/**
 * The readers on YAML nobody here wrote (../shared/corpora, see its README): the YAML test suite,
 * and real manifests. Skipped by name when the corpora are not next to the repository.
 */
import { strict as assert } from 'assert';
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { Document, isDocument, isMap, isPair, isScalar, isSeq, parseAllDocuments, parseDocument, Scalar, visit, YAMLMap, YAMLSeq } from 'yaml';
import { updateImageRefs } from '../src';
import { runResourceList } from '../src/krm/resource-list';
import { MARKER_HINT } from '../src/markers/prescreen';
import { COMMENT_MARKERS, findCommentMarkers } from '../src/markers/walk';
import { composeUnit, liteTreeOf } from '../src/yaml/composed-tree';
import { readSimpleResource } from '../src/yaml/fast-reader';
import { LiteNode } from '../src/yaml/lite-tree';
import { splitStream, Unit, Units } from '../src/yaml/split';
import { SHARED, skipWith } from './support/process';
import { propertyRuns, propertyTimeout } from './property/helpers';
import { listFunctionConfig, RESOURCE_LIST_HEADER } from './support/samples';

const CORPORA = join(SHARED, 'corpora');
const SUITE = join(CORPORA, 'yaml-test-suite');
const MANIFESTS = join(CORPORA, 'manifests');

/** The marker every injected field gets, and the reference that changes it from `v1` to `v2`. */
const MARKER = '# kobold: tag: v2; type: exact; part: tag; context: example.com/app';
const NEW_REF = 'example.com/app:v2';

/**
 * Where the `yaml` library is wrong about a suite case and the function follows it, by case id,
 * with the reason. Empty: on every case the function does what the suite says (the library's own
 * mistakes that the suite shows, a repeated `%YAML` directive (SF5V) and a stream of only a
 * directive (9MMA), are caught by the splitter; the empty keys of 2JQS, which the library calls
 * duplicates, are a warning).
 */
const LIBRARY_WRONG: Readonly<Record<string, string>> = {};

interface SuiteCase {
  id: string;
  text: string;
  valid: boolean;
}

function suiteCases(): SuiteCase[] {
  const cases: SuiteCase[] = [];
  const add = (id: string, dir: string): void => {
    cases.push({ id, text: readFileSync(join(dir, 'in.yaml'), 'utf8'), valid: !existsSync(join(dir, 'error')) });
  };
  for (const id of readdirSync(SUITE).sort()) {
    const dir = join(SUITE, id);
    if (existsSync(join(dir, 'in.yaml'))) add(id, dir);
    else for (const variant of readdirSync(dir).sort()) add(`${id}/${variant}`, join(dir, variant));
  }
  return cases;
}

const DOCUMENT_MARKER_LINE = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/;
const DOCUMENT_END_LINE = /^\.\.\.(?=[ \t\r\n]|$)/;
const BLANK_OR_COMMENT_LINE = /^[ \t]*(?:#.*)?\r?\n?$/;

/**
 * The text with a `# kobold` comment line before every `---` and `...` line and at the end: a
 * comment line at column 0 there is always allowed (at worst it is content of a block scalar at
 * column 0), and every document then holds marker text, so each is read.
 */
function withMarkerText(text: string): string {
  const lines = text.split(/(?<=\n)/);
  const parts: string[] = [];
  for (const line of lines) {
    if (DOCUMENT_MARKER_LINE.test(line)) parts.push(`# ${MARKER_HINT}\n`);
    parts.push(line);
  }
  const lastContent = lines.filter((line) => !BLANK_OR_COMMENT_LINE.test(line)).pop() ?? '';
  if (DOCUMENT_END_LINE.test(lastContent)) return parts.join('');
  const joined = parts.join('');
  return `${joined}${joined === '' || joined.endsWith('\n') ? '' : '\n'}# ${MARKER_HINT}\n`;
}

function unitsOf(units: Units): Unit[] {
  return Array.from({ length: units.length }, (_, position) => units.at(position));
}

/** The end of the line that holds `offset`, before its line break. */
function lineEndOf(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  const end = newline < 0 ? text.length : newline;
  return text[end - 1] === '\r' ? end - 1 : end;
}

/** A scalar whose text a marker can follow on its line: one line, nothing after it but a comment. */
interface Site {
  start: number;
  end: number;
  lineEnd: number;
  style: Scalar['type'];
}

function siteOf(text: string, node: Scalar): Site | null {
  if (!node.range || node.tag !== undefined) return null;
  const [start, end] = node.range;
  const lineEnd = lineEndOf(text, start);
  if (start === end || end > lineEnd || !/^[ \t]*(?:#.*)?$/.test(text.slice(end, lineEnd))) return null;
  return { start, end, lineEnd, style: node.type };
}

/** The text with the scalars at `sites` set to `value` (in their quotes) and, for `marked`, the marker after each. */
function rewrite(text: string, sites: readonly Site[], value: string, marked: boolean): string {
  let out = '';
  let at = 0;
  for (const site of sites) {
    const quote = site.style === 'QUOTE_DOUBLE' ? '"' : site.style === 'QUOTE_SINGLE' ? "'" : '';
    out += `${text.slice(at, site.start)}${quote}${value}${quote}${marked ? ` ${MARKER}` : text.slice(site.end, site.lineEnd)}`;
    at = site.lineEnd;
  }
  return out + text.slice(at);
}

function documentsOf(text: string): Document.Parsed[] {
  const documents = parseAllDocuments(text, { uniqueKeys: false });
  return Array.isArray(documents) ? documents : [];
}

/** The one-line plain scalars that are values of mappings or items of sequences. */
function plainValueSites(text: string): Site[] {
  const sites: Site[] = [];
  for (const document of documentsOf(text)) {
    visit(document, {
      Scalar(key, node, path) {
        const parent = path[path.length - 1];
        const isValue = (isPair(parent) && key === 'value') || isSeq(parent);
        // Markers are found on values, not inside keys (`? - a`).
        const inKey = path.some((ancestor, i) => isPair(ancestor) && ancestor.key === (path[i + 1] ?? node));
        const site = isValue && !inKey && node.type === 'PLAIN' ? siteOf(text, node) : null;
        if (site) sites.push(site);
      },
    });
  }
  return sites;
}

/** The scalar values of `image:` and `tag:` keys, on one line. */
function imageSites(text: string): Site[] {
  const sites: Site[] = [];
  for (const document of documentsOf(text)) {
    visit(document, {
      Pair(_, pair) {
        const key = isScalar(pair.key) ? pair.key.value : undefined;
        if ((key !== 'image' && key !== 'tag') || !isScalar(pair.value) || pair.value.type === 'BLOCK_LITERAL' || pair.value.type === 'BLOCK_FOLDED') return;
        const site = siteOf(text, pair.value);
        if (site) sites.push(site);
      },
    });
  }
  return sites.sort((a, b) => a.start - b.start);
}

function composerErrors(text: string): string[] {
  return documentsOf(text).flatMap((document) => document.errors.map((error) => error.message.split('\n')[0]));
}

function errorsOf(results: ReadonlyArray<{ severity: string; message: string }>): string[] {
  return results.filter((result) => result.severity === 'error').map((result) => result.message);
}

/**
 * The fast reader against the composer on every unit of `text`: where it reads one, the same tree
 * (keys, values, styles, offsets, comments) and the same markers. Returns how many it read.
 */
function assertFastReaderAgrees(text: string): number {
  let read = 0;
  for (const unit of unitsOf(splitStream(text))) {
    const fast = readSimpleResource(text, unit.start, unit.end, false, COMMENT_MARKERS);
    if (fast === null) continue;
    read++;
    const composed = composeUnit(text, unit);
    assert.deepEqual(fast.tree, composed.tree, `document ${unit.index}: the fast reader's tree is the composer's`);
    assert.deepEqual(fast.markers, findCommentMarkers(composed.tree), `document ${unit.index}: the same markers`);
    assert.deepEqual(composed.duplicateKeys, [], 'the fast reader declines repeated keys');
  }
  return read;
}

describe('the YAML test suite (../shared/corpora/yaml-test-suite)', function () {
  const cases = existsSync(SUITE) ? suiteCases() : [];
  let injected = 0;
  let fastRead = 0;

  it('is there, with its valid and invalid cases', function () {
    if (!existsSync(SUITE)) skipWith(this, `${SUITE} does not exist`);
    assert.ok(cases.length > 400, `${cases.length} cases`);
    assert.ok(cases.filter((c) => !c.valid).length >= 90);
  });

  for (const { id, text, valid } of cases) {
    if (!valid) {
      it(`${id}: rejected with a one-line error once read`, () => {
        const marked = withMarkerText(text);
        const { output, results } = updateImageRefs(marked, [NEW_REF]);
        const errors = errorsOf(results);
        assert.equal(errors.length, 1, JSON.stringify(results));
        assert.doesNotMatch(errors[0], /\n/);
        assert.equal(output, marked, 'the input comes back unchanged');
      });
      continue;
    }
    it(`${id}: comes back byte for byte with every document read; the fast reader agrees with the composer`, () => {
      const marked = withMarkerText(text);
      assert.deepEqual(composerErrors(marked), [], 'the comment lines keep the case valid');
      for (const unit of unitsOf(splitStream(marked))) assert.ok(marked.slice(unit.start, unit.end).includes(MARKER_HINT), `document ${unit.index} has marker text`);
      const { output, results } = updateImageRefs(marked, [NEW_REF]);
      assert.deepEqual(errorsOf(results), [], LIBRARY_WRONG[id]);
      assert.equal(output, marked);
      fastRead += assertFastReaderAgrees(marked);
    });
    const sites = plainValueSites(text);
    if (sites.length === 0) continue;
    it(`${id}: a marker on each one-line plain value or item changes only that scalar`, () => {
      for (const site of sites) {
        const input = rewrite(text, [site], 'v1', true);
        if (composerErrors(input).length > 0) continue;
        const { output, results } = updateImageRefs(input, [NEW_REF]);
        assert.deepEqual(errorsOf(results), []);
        assert.equal(output, rewrite(input, [{ ...site, end: site.start + 2, lineEnd: site.start + 2 }], 'v2', false));
        assert.equal(results.filter((result) => result.severity === 'info').length, 1);
        injected++;
        assertFastReaderAgrees(input);
      }
    });
  }

  after(function () {
    // Without the suite there are no cases, and the test above says so by name.
    if (cases.length === 0) return;
    // Not vacuous: the suite has about 135 valid cases with such a scalar, and the fast reader takes some.
    assert.ok(injected >= 135, `${injected} markers injected`);
    assert.ok(fastRead >= 50, `${fastRead} documents read by the fast reader`);
  });
});

/**
 * The manifests as a ResourceList: each document whose root is a block mapping at column 0, as an
 * item at column 0 (`- ` before its first line, two spaces before the others).
 */
function resourceListOf(text: string): string {
  const items: string[] = [];
  for (const document of documentsOf(text)) {
    if (!isDocument(document) || !isMap(document.contents) || document.contents.flow || !document.contents.range) continue;
    const [start, end] = document.contents.range;
    if (start !== text.lastIndexOf('\n', start - 1) + 1) continue;
    const body = text.slice(start, end).replace(/\n*$/, '\n');
    items.push(body.split('\n').slice(0, -1).map((line, i) => (i === 0 ? `- ${line}` : line === '' ? '' : `  ${line}`)).join('\n') + '\n');
  }
  return `${RESOURCE_LIST_HEADER}${listFunctionConfig([NEW_REF])}items:\n${items.join('')}`;
}

describe('the manifests corpus (../shared/corpora/manifests): image and tag values marked, in every mode', function () {
  const files = existsSync(MANIFESTS) ? readdirSync(MANIFESTS).sort() : [];
  let marked = 0;

  it('is there', function () {
    if (!existsSync(MANIFESTS)) skipWith(this, `${MANIFESTS} does not exist`);
    assert.ok(files.length > 150, `${files.length} files`);
  });

  for (const file of files) {
    it(file, () => {
      const text = readFileSync(join(MANIFESTS, file), 'utf8');
      const sites = imageSites(text);
      const input = rewrite(text, sites, 'v1', true);
      const expected = rewrite(text, sites, 'v2', true);
      marked += sites.length;
      const modes: Array<[string, string, string]> = [
        ['standalone', input, expected],
        ['CRLF', input.replace(/\r?\n/g, '\r\n'), expected.replace(/\r?\n/g, '\r\n')],
        ['BOM', `\uFEFF${input}`, `\uFEFF${expected}`],
      ];
      for (const [mode, from, to] of modes) {
        const { output, results } = updateImageRefs(from, [NEW_REF], file);
        assert.deepEqual(errorsOf(results), [], mode);
        assert.equal(results.filter((result) => result.severity === 'info').length, sites.length, mode);
        for (const warning of results.filter((result) => result.severity === 'warning')) assert.ok(warning.message.startsWith(`${file}, line `) && warning.message.includes(': duplicate key '), `${mode}: ${warning.message}`);
        assert.equal(output, to, `${mode}: only the marked scalars change`);
      }
      const list = resourceListOf(input);
      const run = runResourceList(list);
      assert.deepEqual(errorsOf(run.results), [], 'KRM');
      const output = run.output;
      const expectedList = resourceListOf(expected);
      assert.ok(output.startsWith(expectedList), 'KRM: only the marked scalars change');
      assert.match(output.slice(expectedList.length), /^results:/);
      assert.equal(run.results.filter((result) => result.severity === 'info').length, (list.match(/# kobold:/g) ?? []).length, 'KRM: every marked field of the items');
    });
  }

  after(function () {
    // Without the corpus there are no files, and the test above says so by name.
    if (files.length > 0) assert.ok(marked >= 200, `${marked} image and tag values marked`);
  });
});

/** What the mutations below insert: node properties, block scalar headers, indicators, blanks, breaks. */
const MUTATIONS = ['&a ', '*a', '&b ', '!x ', '!!int ', '!!str ', '>-\n', '|2\n', '|+\n', '&a\n', '\t', ' ', '\n', '# c\n', '- ', ': ', '? ', '"', "'", '[', ']', '{', ','];

describe('the fast reader on mutated manifests (../shared/corpora/manifests): it declines what the composer rejects, and reads the rest as the composer does', function () {
  this.timeout(propertyTimeout(60_000));

  it(`${propertyRuns(2000)} seeded mutations, most of them at the start of a value, as documents and as sequence items`, function () {
    if (!existsSync(MANIFESTS)) skipWith(this, `${MANIFESTS} does not exist`);
    const documents = readdirSync(MANIFESTS)
      .sort()
      .flatMap((file) => {
        const text = readFileSync(join(MANIFESTS, file), 'utf8');
        return documentsOf(text).filter((document) => document.errors.length === 0 && document.contents !== null).map((document) => text.slice(document.range[0], document.range[2]));
      })
      // The documents of up to 200 lines: the mutations of a long one would be far apart, and slow.
      .filter((document) => document.split('\n').length <= 200);
    let seed = 1;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    let declined = 0;
    let read = 0;
    for (let round = 0; round < propertyRuns(2000); round++) {
      const lines = documents[random(documents.length)].split('\n');
      for (let mutation = 0, count = 1 + random(3); mutation < count; mutation++) {
        const at = random(lines.length);
        const line = lines[at];
        const valueStart = line.indexOf(': ') >= 0 ? line.indexOf(': ') + 2 : line.indexOf('- ') >= 0 ? line.indexOf('- ') + 2 : -1;
        const column = random(3) === 0 || valueStart < 0 ? random(line.length + 1) : valueStart;
        lines[at] = line.slice(0, column) + MUTATIONS[random(MUTATIONS.length)] + line.slice(column);
      }
      const asItem = random(2) === 0;
      const body = lines.join('\n');
      const text = asItem ? `items:\n${body.split('\n').map((line, i) => (line === '' ? '' : `${i === 0 ? '- ' : '  '}${line}`)).join('\n')}` : body;
      const start = asItem ? 'items:\n'.length : 0;
      const fast = readSimpleResource(text, start, text.length, asItem, COMMENT_MARKERS);
      const document = parseDocument(text, { uniqueKeys: false });
      let composed: LiteNode | undefined;
      if (document.errors.length === 0) {
        const root = asItem ? (document.contents as YAMLMap<unknown, YAMLSeq>).items[0]?.value : document.contents;
        let clean = true;
        if (!asItem || (isSeq(root) && root.items.length === 1)) {
          composed = liteTreeOf(asItem ? (root as YAMLSeq).items[0] : root, text, 0, { onDuplicateKey: () => (clean = false), onUnknownAlias: () => (clean = false) });
        }
        if (!clean) composed = undefined;
      }
      if (composed === undefined) {
        assert.equal(fast, null, `the fast reader declines what the composer rejects or warns about:\n${text}`);
        declined++;
      } else if (fast !== null) {
        assert.deepEqual(fast.tree, composed, `the composer's tree:\n${text}`);
        assert.deepEqual(fast.markers, findCommentMarkers(composed), `the composer's markers:\n${text}`);
        read++;
      }
    }
    // Not vacuous: many mutations break the YAML, and many leave YAML the fast reader reads (with entries composed).
    assert.ok(declined >= propertyRuns(2000) / 2, `${declined} declined`);
    assert.ok(read >= propertyRuns(2000) / 10, `${read} read`);
  });
});
