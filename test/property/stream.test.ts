/**
 * Property tests of the library mode (`updateImageRefs`) on generated YAML streams: the issue
 * "Nothing lost, nothing hangs". Inputs are random valid YAML (see generators.ts) with random
 * markers and random incoming references; each property holds for every one of them.
 */
import { strict as assert } from 'assert';
import fc from 'fast-check';
import { Document, isScalar } from 'yaml';
import { updateImageRefs } from '../../src/index';
import { Result } from '../../src/output/results';
import { nonMatchingRefs, streamWithRefs, validStream } from './generators';
import { assertOnlySpansChanged, documentsOf, documentStarts, infos, nodeAt, pathOf, pieces, propertyRuns, propertyTimeout, resolvedValues, scalarsByPath, scalarSpan, Span } from './helpers';

const FILE = 'stream.yaml';
const RUNS = propertyRuns(500);

const run = (text: string, imageRefs: readonly string[]): { output: string; results: Result[] } => updateImageRefs(text, imageRefs, FILE);

/**
 * The document an info result is about, as the yaml library numbers the documents of the input
 * (library mode with a file names the document's index). One numbering is in dispute: the yaml
 * library reads a `...` line before the first document as an empty document of its own, the YAML
 * grammar does not; either count is accepted there (the document whose path holds the result's
 * currentValue).
 */
function documentIndex(result: Result, input: readonly Document.Parsed[]): number {
  assert.equal(result.file?.path, FILE, `a result names the file: ${JSON.stringify(result)}`);
  assert.equal(typeof result.file?.index, 'number', `a result names the document: ${JSON.stringify(result)}`);
  const index = result.file!.index!;
  const first = input[0]?.toJS() as unknown;
  const leadingEmpty = input.length > 1 && (first === null || first === '');
  const candidates = leadingEmpty ? [index, index + 1] : [index];
  const found = candidates.find((candidate) => {
    const node = candidate < input.length ? nodeAt(input[candidate].contents, pathOf(result)) : undefined;
    return isScalar(node) && String(node.value ?? '') === result.field?.currentValue;
  });
  return found ?? index;
}

function spansOf(input: readonly Document.Parsed[], source: string, documents: readonly Document.Parsed[], results: readonly Result[], what: string): Array<Span & { value: string; type: string | undefined }> {
  return infos(results).map((result) => {
    const index = documentIndex(result, input);
    assert.ok(index < documents.length, `${what}: document ${index} exists`);
    return scalarSpan(source, documents[index].contents, index, pathOf(result), what);
  });
}

const input = streamWithRefs(2, 3);

describe('property: library mode on generated YAML streams', function () {
  this.timeout(propertyTimeout(120_000));

  it('1. the output parses: as many documents, no errors, and valid input gets no error result', () => {
    fc.assert(
      fc.property(input, ([{ text }, imageRefs]) => {
        const { output, results } = run(text, imageRefs);
        assert.deepEqual(results.filter((result) => result.severity === 'error'), [], 'valid YAML is no input error');
        const before = documentsOf(text, 'input');
        const after = documentsOf(output, 'output');
        assert.equal(after.length, before.length, 'as many documents');
      }),
      { numRuns: RUNS },
    );
  });

  it('2. documents keep their number and order; every unchanged document is byte-identical', () => {
    fc.assert(
      fc.property(input, ([{ text }, imageRefs]) => {
        const { output, results } = run(text, imageRefs);
        const before = documentsOf(text, 'input');
        const after = documentsOf(output, 'output');
        assert.equal(after.length, before.length, 'as many documents');
        const changed = new Set(infos(results).map((result) => documentIndex(result, before)));
        const inPieces = pieces(text, documentStarts(before));
        const outPieces = pieces(output, documentStarts(after));
        inPieces.forEach((piece, index) => {
          if (!changed.has(index)) assert.equal(outPieces[index], piece, `document ${index} has no change and is byte-identical`);
          // Order: the same paths in the same order in every document.
          assert.deepEqual([...scalarsByPath(after[index].contents).keys()], [...scalarsByPath(before[index].contents).keys()], `document ${index} has the same structure`);
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('3. every byte outside the changed scalars is identical, and a changed scalar keeps its style', () => {
    fc.assert(
      fc.property(input, ([{ text }, imageRefs]) => {
        const { output, results } = run(text, imageRefs);
        const before = documentsOf(text, 'input');
        const inSpans = spansOf(before, text, before, results, 'input');
        const outSpans = spansOf(before, output, documentsOf(output, 'output'), results, 'output');
        assertOnlySpansChanged(text, output, inSpans, outSpans);
        inSpans.forEach((span, index) => {
          const { type } = outSpans[index];
          const allowed = span.type === 'QUOTE_DOUBLE' ? ['QUOTE_DOUBLE'] : [span.type, 'QUOTE_DOUBLE'];
          assert.ok(allowed.includes(type), `a ${span.type} scalar stays ${allowed.join(' or ')}, got ${type} (${JSON.stringify(output.slice(outSpans[index].start, outSpans[index].end))})`);
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('3b. with references that match nothing, the input comes back byte for byte', () => {
    fc.assert(
      fc.property(validStream(2, 3), nonMatchingRefs, ({ text }, imageRefs) => {
        const { output, results } = run(text, imageRefs);
        assert.deepEqual(infos(results), [], 'no change is reported');
        assert.equal(output, text, 'the output is the input');
      }),
      { numRuns: RUNS },
    );
  });

  it('4. idempotent: a second run on the output with the same references changes nothing', () => {
    fc.assert(
      fc.property(input, ([{ text }, imageRefs]) => {
        const first = run(text, imageRefs);
        const second = run(first.output, imageRefs);
        assert.deepEqual(infos(second.results), [], 'the second run reports no change');
        assert.equal(second.output, first.output, 'the second run gives its input back');
      }),
      { numRuns: RUNS },
    );
  });

  it('5. the changed fields are exactly those of the info results, from currentValue to proposedValue, in embedded YAML too', () => {
    let embedded = 0;
    fc.assert(
      fc.property(input, ([{ text }, imageRefs]) => {
        const { output, results } = run(text, imageRefs);
        if (infos(results).some((result) => result.field!.path.includes('|'))) embedded++;
        const before = documentsOf(text, 'input');
        const after = documentsOf(output, 'output');
        const expected = before.map((document) => scalarsByPath(document.contents));
        for (const result of infos(results)) {
          const index = documentIndex(result, before);
          const path = pathOf(result);
          const key = JSON.stringify(path);
          assert.equal(expected[index].get(key), `S:${result.field!.currentValue}`, `${result.field!.path} held currentValue in the input`);
          expected[index].set(key, `S:${result.field!.proposedValue}`);
          assert.equal(scalarsByPath(after[index].contents).get(key), `S:${result.field!.proposedValue}`, `${result.field!.path} holds proposedValue in the output`);
          assert.deepEqual(resolvedValues(output, index, path), [result.field!.proposedValue, result.field!.proposedValue], `${result.field!.path} reads back as the string proposedValue under YAML 1.2 and 1.1`);
        }
        after.forEach((document, index) => {
          assert.deepEqual(Object.fromEntries(scalarsByPath(document.contents)), Object.fromEntries(expected[index]), `document ${index}: every other scalar is unchanged`);
        });
      }),
      { numRuns: RUNS },
    );
    assert.ok(embedded >= RUNS / 50, `enough runs changed embedded YAML to matter (${embedded} of ${RUNS})`);
  });
});
