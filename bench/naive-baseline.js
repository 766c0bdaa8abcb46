'use strict';
// The cost reference for `npm run bench`: the obvious way to write the function with the `yaml`
// package's Document API. It parses every document in full (parseAllDocuments), visits every scalar,
// replaces the value of those whose trailing comment starts with " kobold:" when an incoming
// reference names the same repository, and re-serialises every document with toString().
// It is NOT correct (no rule check, no results, not lossless): it only measures what a
// full parse + full re-serialisation costs on the same input.
//
//   node bench/naive-baseline.js < resource-list.yaml > out.yaml

const { readFileSync } = require('fs');
const { parseAllDocuments, visit, isSeq, isMap } = require('yaml');

/** `docker.io/foo/app:1.2.3` -> `docker.io/foo/app` (tag and digest dropped). */
function repository(ref) {
  const noDigest = ref.split('@')[0];
  const colon = noDigest.lastIndexOf(':');
  return colon > noDigest.lastIndexOf('/') ? noDigest.slice(0, colon) : noDigest;
}

function incomingRefs(documents) {
  const refs = new Map();
  for (const doc of documents) {
    if (!isMap(doc.contents)) continue;
    const items = doc.getIn(['functionConfig', 'items'], true);
    if (!isSeq(items)) continue;
    for (const item of items.items) {
      const ref = String(item && typeof item === 'object' && 'value' in item ? item.value : item);
      refs.set(repository(ref), ref);
    }
  }
  return refs;
}

function main() {
  const source = readFileSync(0, 'utf8');
  const documents = parseAllDocuments(source);
  if (!Array.isArray(documents)) throw new Error('no documents');
  const refs = incomingRefs(documents);
  let changed = 0;
  for (const doc of documents) {
    visit(doc, {
      Scalar(_key, node) {
        if (typeof node.comment !== 'string' || !node.comment.startsWith(' kobold:')) return;
        if (typeof node.value !== 'string') return;
        const ref = refs.get(repository(node.value));
        if (ref !== undefined && ref !== node.value) {
          node.value = ref;
          changed++;
        }
      },
    });
  }
  process.stdout.write(documents.map((doc) => doc.toString()).join(''));
  process.stderr.write(`naive-baseline: ${changed} scalars changed\n`);
}

main();
