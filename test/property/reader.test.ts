/**
 * Property 6 of "Nothing lost, nothing hangs": the fast reader of simple block YAML agrees with the
 * yaml library's composer wherever it reads a document, and the function's results (which come
 * from the pruned tree of the fast reader where it can) are those of the composer's full tree.
 */
import { strict as assert } from 'assert';
import fc from 'fast-check';
import { isSeq, parseAllDocuments, parseDocument } from 'yaml';
import { liteTreeOf } from '../../src/yaml/composed-tree';
import { applyEdits } from '../../src/output/edits';
import { FieldDecider } from '../../src/match/field-decider';
import { checkImageRefs } from '../../src/krm/fn-config';
import { updateImageRefs } from '../../src/index';
import { readSimpleResource, readSimpleYaml } from '../../src/yaml/fast-reader';
import { updateResource } from '../../src/update/resource';
import { COMMENT_MARKERS, findCommentMarkers } from '../../src/markers/walk';
import { refsFor, validStream } from './generators';
import { plain, propertyRuns, propertyTimeout } from './helpers';
import { composedTree } from '../support/samples';

const RUNS = propertyRuns(500);
const FILE = 'doc.yaml';

/** Single documents (as the yaml library counts them): half from the simple profile (what kpt writes), half from any YAML. */
const documents = fc
  .oneof(validStream(2, 1, true), validStream(2, 1, false))
  .map(({ text }) => text)
  .filter((text) => (parseAllDocuments(text) as unknown[]).length === 1);

/** A document as the only item of a block sequence, indented under its `- `. */
function asSequenceItem(text: string): string {
  const body = text.replace(/^\uFEFF/, '').replace(/^---[^\n]*\n/, '');
  const eol = body.includes('\r\n') ? '\r\n' : '\n';
  const lines = body.split(eol);
  if (lines[lines.length - 1] === '') lines.pop();
  return `${lines.map((line, index) => (index === 0 ? `- ${line}` : line === '' ? '' : `  ${line}`)).join(eol)}${eol}`;
}


describe('property: the fast reader agrees with the composer', function () {
  this.timeout(propertyTimeout(120_000));

  it('6a. where readSimpleYaml reads a document, its tree deep-equals the composer\'s', () => {
    let read = 0;
    fc.assert(
      fc.property(documents, (text) => {
        const simple = readSimpleYaml(text, 0, text.length, false);
        if (simple === null) return;
        read++;
        assert.deepEqual(simple, composedTree(text));
      }),
      { numRuns: RUNS },
    );
    assert.ok(read >= RUNS / 5, `the fast reader read enough of the documents to matter (${read} of ${RUNS})`);
  });

  it('6b. read as a sequence item (how ResourceList items are read), the tree deep-equals the composer\'s', () => {
    let read = 0;
    fc.assert(
      fc.property(documents, (text) => {
        const item = asSequenceItem(text);
        const document = parseDocument(item);
        fc.pre(document.errors.length === 0 && isSeq(document.contents) && document.contents.items.length === 1);
        const simple = readSimpleYaml(item, 0, item.length, true);
        if (simple === null) return;
        read++;
        assert.deepEqual(simple, liteTreeOf((document.contents as { items: unknown[] }).items[0], item, 0));
      }),
      { numRuns: RUNS },
    );
    assert.ok(read >= RUNS / 10, `the fast reader read enough of the items to matter (${read} of ${RUNS})`);
  });

  it('6c. the function\'s results and output (pruned reader where it can) equal those from the composer\'s full tree', () => {
    fc.assert(
      fc.property(documents.chain((text) => fc.tuple(fc.constant(text), refsFor(text))), ([text, imageRefs]) => {
        const actual = updateImageRefs(text, imageRefs, FILE);
        const checked = checkImageRefs(imageRefs);
        const { edits, results } = updateResource(text, composedTree(text), new FieldDecider(checked.refs), { path: FILE, index: 0 });
        // A document without the text "kobold" is passed through unread: nothing to compare but the text.
        const expectedResults = text.includes('kobold') ? [...checked.warnings, ...results] : checked.warnings;
        assert.deepEqual(plain(actual.results), plain(expectedResults), 'the same results');
        assert.equal(actual.output, text.includes('kobold') ? applyEdits(text, edits) : text, 'the same output');
      }),
      { numRuns: RUNS },
    );
  });

  it('6d. the markers the reader finds while reading, pruned or not, of a document or an item, are those the marker walk finds in its tree', () => {
    let marked = 0;
    fc.assert(
      fc.property(documents, fc.boolean(), (text, prune) => {
        const item = asSequenceItem(text);
        for (const simple of [readSimpleResource(text, 0, text.length, false, COMMENT_MARKERS, prune), readSimpleResource(item, 0, item.length, true, COMMENT_MARKERS, prune)]) {
          if (simple === null) continue;
          marked += simple.markers.marked.length + simple.markers.misplaced.length;
          assert.deepEqual(simple.markers, findCommentMarkers(simple.tree));
        }
      }),
      { numRuns: RUNS },
    );
    assert.ok(marked >= RUNS / 10, `the documents read had enough markers to matter (${marked} in ${RUNS})`);
  });
});
