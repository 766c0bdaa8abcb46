/**
 * Property 7 of "Nothing lost, nothing hangs": KRM mode (`runResourceList`) on ResourceLists built
 * from generated resources, in block style as kpt writes them and as JSON-like flow collections
 * spanning lines (with comments, so with markers). Properties 1-5 adapted: the items instead of
 * the documents, and the `results` field, which the function adds, set aside.
 */
import { strict as assert } from 'assert';
import fc from 'fast-check';
import { Document, isMap, isScalar, isSeq, parseAllDocuments, Scalar, YAMLMap } from 'yaml';
import { updateImageRefs } from '../../src/index';
import { runResourceList } from '../../src/krm/resource-list';
import { Result } from '../../src/output/results';
import { nonMatchingRefs, validResourceList } from './generators';
import { assertOnlySpansChanged, infos, nodeAt, pathOf, plain, propertyRuns, propertyTimeout, resolvedValues, scalarsByPath, scalarSpan, Segment, Span } from './helpers';

const RUNS = propertyRuns(300);

type Case = fc.Arbitrary<{ rendered: { text: string; itemDocs: string[]; eol: string }; refs: string[]; model: { configKind: string } }>;
const lists: Case = validResourceList(2);

/** The one document of a ResourceList text, failsafe (every scalar a string), asserted to parse. */
function listDocument(text: string, what: string): Document.Parsed {
  const documents = Array.from(parseAllDocuments(text, { schema: 'failsafe' }) as Iterable<Document.Parsed>);
  assert.equal(documents.length, 1, `${what}: one YAML document`);
  assert.deepEqual(documents[0].errors.map((error) => error.message), [], `${what}: parses without errors`);
  assert.ok(isMap(documents[0].contents), `${what}: a mapping`);
  return documents[0];
}

/** The nodes of `items` (none when it is `[]`). */
function itemNodes(document: Document.Parsed): unknown[] {
  const items = nodeAt(document.contents, ['items']);
  assert.ok(isSeq(items), 'items is a sequence');
  return items.items;
}

/** The item an info result is about: every item carries `config.kubernetes.io/path: item-N.yaml`. */
function itemIndex(result: Result): number {
  const match = /^item-(\d+)\.yaml$/.exec(result.file?.path ?? '');
  assert.ok(match, `a result names its item's file: ${JSON.stringify(result)}`);
  return Number(match[1]);
}

/** The `results` pair of a ResourceList's top mapping, if any. */
function resultsPair(document: Document.Parsed): { key: Scalar; value: { range?: [number, number, number] | null } | null } | undefined {
  const top = document.contents as YAMLMap;
  return top.items.find((item) => isScalar(item.key) && item.key.value === 'results') as { key: Scalar; value: { range?: [number, number, number] | null } | null } | undefined;
}

/**
 * A ResourceList text without its `results` field (which both an input from an earlier run and
 * every output have): in block style everything before the key (results go at the end), in flow
 * style the pair and the `,` before it.
 */
function stripResults(text: string): string {
  const document = listDocument(text, 'ResourceList');
  const pair = resultsPair(document);
  if (!pair) return text;
  const keyStart = pair.key.range![0];
  if (!(document.contents as YAMLMap).flow) return text.slice(0, keyStart);
  const before = text.slice(0, keyStart).replace(/,\s*$/, '');
  assert.ok(before.length < keyStart, 'the results pair of a flow mapping follows a ","');
  return before + text.slice(pair.value!.range![1]);
}

/**
 * The output without the `results` field, asserted to be where it goes: appended as a block at
 * the end (after a line break when the input had none), or, in a flow mapping, as a last pair;
 * replacing the input's old results when it had some. The results written must be the results
 * returned.
 */
function withoutResults(output: string, input: string, eol: string, results: readonly Result[]): string {
  const document = listDocument(output, 'output');
  assert.ok(resultsPair(document), 'the output has a results field');
  const written = (parseAllDocuments(output) as Document.Parsed[])[0].toJS() as { results?: unknown };
  assert.deepEqual(written.results ?? [], plain(results), 'the results written are the results returned');
  let stripped = stripResults(output);
  const inputDocument = listDocument(input, 'input');
  if (!(document.contents as YAMLMap).flow && !resultsPair(inputDocument) && !input.endsWith('\n')) {
    assert.ok(stripped.endsWith(eol), 'a line break is added before the results');
    stripped = stripped.slice(0, -eol.length);
  }
  return stripped;
}

/** The configuration did not load (e.g. a ConfigMap whose images are empty): nothing is changed. */
const configError = (results: readonly Result[]): boolean => results.some((result) => result.severity === 'error');

function spansIn(source: string, results: readonly Result[], what: string): Array<Span & { value: string; type: string | undefined }> {
  const items = itemNodes(listDocument(source, what));
  return infos(results).map((result) => {
    const index = itemIndex(result);
    assert.ok(index < items.length, `${what}: item ${index} exists`);
    return scalarSpan(source, items[index], index, pathOf(result), what);
  });
}

/** The text of each item: from its start to the next item's start (the last one to the end of its value). */
function itemPieces(text: string, document: Document.Parsed): string[] {
  const items = itemNodes(document) as Array<{ range: [number, number, number] }>;
  // The last one without its line break, which the function adds when the input has none.
  return items.map((item, index) => (items[index + 1] ? text.slice(item.range[0], items[index + 1].range[0]) : text.slice(item.range[0], item.range[1]).replace(/\r?\n$/, '')));
}

describe('property: KRM mode on generated ResourceLists', function () {
  this.timeout(propertyTimeout(120_000));

  it('7.1 the output parses as one ResourceList; valid input gets no error result unless its config is invalid', () => {
    fc.assert(
      fc.property(lists, ({ rendered, refs: imageRefs, model }) => {
        const { output, results } = runResourceList(rendered.text);
        const document = listDocument(output, 'output');
        const list = document.toJS() as { apiVersion?: string; kind?: string };
        assert.equal(list.kind, 'ResourceList');
        assert.equal(list.apiVersion, 'config.kubernetes.io/v1');
        const expectConfigError = model.configKind === 'ConfigMap' && imageRefs.join(', ').split(/[\s,]+/).every((ref) => ref === '');
        assert.deepEqual(results.filter((result) => result.severity === 'error').map((result) => result.message).length > 0, expectConfigError, `an error result only for an empty ConfigMap images: ${JSON.stringify(results)}`);
      }),
      { numRuns: RUNS },
    );
  });

  it('7.2 items keep their number and order; every unchanged item is byte-identical', () => {
    fc.assert(
      fc.property(lists, ({ rendered }) => {
        const { output, results } = runResourceList(rendered.text);
        const before = listDocument(rendered.text, 'input');
        const after = listDocument(output, 'output');
        const count = itemNodes(before).length;
        assert.equal(itemNodes(after).length, count, 'as many items');
        itemNodes(after).forEach((item, index) => {
          assert.equal(scalarsByPath(item).get(JSON.stringify(['metadata', 'annotations', 'config.kubernetes.io/path'])), `S:item-${index}.yaml`, `item ${index} is in its place`);
        });
        const changed = new Set(infos(results).map(itemIndex));
        const inPieces = itemPieces(rendered.text, before);
        const outPieces = itemPieces(output, after);
        inPieces.forEach((piece, index) => {
          if (!changed.has(index)) assert.equal(outPieces[index], piece, `item ${index} has no change and is byte-identical`);
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('7.3 every byte outside the changed scalars and the added results is identical', () => {
    fc.assert(
      fc.property(lists, ({ rendered }) => {
        const { output, results } = runResourceList(rendered.text);
        const stripped = withoutResults(output, rendered.text, rendered.eol, results);
        const input = stripResults(rendered.text);
        if (configError(results)) {
          assert.deepEqual(infos(results), [], 'a configuration error changes nothing');
          assert.equal(stripped, input, 'a configuration error gives the input back');
          return;
        }
        const inSpans = spansIn(input, results, 'input without results');
        const outSpans = spansIn(stripped, results, 'output without results');
        assertOnlySpansChanged(input, stripped, inSpans, outSpans);
      }),
      { numRuns: RUNS },
    );
  });

  it('7.3b with references that match nothing, the input comes back byte for byte, then the results', () => {
    fc.assert(
      fc.property(validResourceList(2, nonMatchingRefs), ({ rendered }) => {
        const { output, results } = runResourceList(rendered.text);
        assert.deepEqual(infos(results), [], 'no change is reported');
        assert.equal(withoutResults(output, rendered.text, rendered.eol, results), stripResults(rendered.text), 'the input comes back');
      }),
      { numRuns: RUNS },
    );
  });

  it('7.4 idempotent: a second run on the output changes nothing but the results', () => {
    fc.assert(
      fc.property(lists, ({ rendered }) => {
        const first = runResourceList(rendered.text);
        const second = runResourceList(first.output);
        assert.deepEqual(infos(second.results), [], 'the second run reports no change');
        assert.equal(withoutResults(second.output, first.output, rendered.eol, second.results), stripResults(first.output), 'the second run gives the resources back');
      }),
      { numRuns: RUNS },
    );
  });

  it('7.5 the changed fields are exactly those of the info results, from currentValue to proposedValue, in embedded YAML too', () => {
    let embedded = 0;
    fc.assert(
      fc.property(lists, ({ rendered }) => {
        const { output, results } = runResourceList(rendered.text);
        if (infos(results).some((result) => result.field!.path.includes('|'))) embedded++;
        const before = listDocument(rendered.text, 'input');
        const after = listDocument(output, 'output');
        const expected = scalarsByPath(before.contents, [], ['results']);
        for (const result of infos(results)) {
          const path: Segment[] = ['items', itemIndex(result), ...pathOf(result)];
          const key = JSON.stringify(path);
          assert.equal(expected.get(key), `S:${result.field!.currentValue}`, `${result.field!.path} held currentValue in the input`);
          expected.set(key, `S:${result.field!.proposedValue}`);
          assert.deepEqual(resolvedValues(output, 0, path), [result.field!.proposedValue, result.field!.proposedValue], `${result.field!.path} reads back as the string proposedValue under YAML 1.2 and 1.1`);
        }
        assert.deepEqual(Object.fromEntries(scalarsByPath(after.contents, [], ['results'])), Object.fromEntries(expected), 'every field but the reported ones is unchanged');
      }),
      { numRuns: RUNS },
    );
    assert.ok(embedded >= RUNS / 50, `enough runs changed embedded YAML to matter (${embedded} of ${RUNS})`);
  });

  it('7.6 KRM mode decides every item as library mode decides the same text as a document', () => {
    fc.assert(
      fc.property(lists, ({ rendered, refs: imageRefs, model }) => {
        const krm = runResourceList(rendered.text);
        fc.pre(!configError(krm.results) && rendered.itemDocs.length > 0);
        const effectiveRefs = model.configKind === 'ConfigMap' ? imageRefs.join(', ').split(/[\s,]+/).filter((ref) => ref !== '') : imageRefs;
        const stream = rendered.itemDocs.map((itemDoc, index) => `${index > 0 ? `---${rendered.eol}` : ''}${itemDoc}`).join('');
        const library = updateImageRefs(stream, effectiveRefs);
        assert.deepEqual(plain(krm.results), plain(library.results), 'the same results');
      }),
      { numRuns: RUNS },
    );
  });
});
