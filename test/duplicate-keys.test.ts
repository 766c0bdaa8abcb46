import { strict as assert } from 'assert';
import { updateImageRefs } from '../src';
import { runResourceList } from '../src/krm/resource-list';
import { composeUnit } from '../src/yaml/composed-tree';
import { readSimpleYaml } from '../src/yaml/fast-reader';
import { ColumnZeroItems } from '../src/yaml/split';
import { duplicateKeyWarning } from '../src/yaml/read-unit';
import { listFunctionConfig, MARKER, NEW, OLD, RESOURCE_LIST_HEADER } from './support/samples';
import { callsOf } from './support/work-count';


/** How many times a set is asked whether it has a key while `run` runs. */
const setLookups = (run: () => void): number => callsOf(Set.prototype, 'has', run);

/** How many times an item's index is counted (from the first item: O(items)) while `run` runs. */
const indexCounts = (run: () => void): number => callsOf(ColumnZeroItems.prototype, 'indexOfItemAt', run);

/** A mapping with `count` keys, one of them marked. */
const manyKeys = (count: number): string => `image: ${OLD} ${MARKER}\n${Array.from({ length: count }, (_, i) => `k${i}: v\n`).join('')}`;

describe('duplicate keys: a warning with the key, line and column; the marked fields still updated (SPEC §7)', () => {
  it('the warning is data: DUPLICATE_KEY, the input, and the position of the repeated key', () => {
    const source = 'a: 1\nb: 2\n  \na: 3\n';
    assert.deepEqual(duplicateKeyWarning(source, { key: 'a', offset: source.lastIndexOf('a') }, 'f.yaml'), {
      code: 'DUPLICATE_KEY',
      problem: 'duplicate key "a": the last one counts',
      place: { input: 'f.yaml', position: { line: 4, column: 1, offset: 13 } },
    });
  });

  it('in a block mapping, on the composer path', () => {
    const text = `apiVersion: apps/v1\nkind: Deployment\nspec:\n  selector: {a: b}\n  image: ${OLD} ${MARKER}\n  selector: {c: d}\n`;
    const { output, results } = updateImageRefs(text, [NEW], 'd.yaml');
    assert.equal(output, text.replace(OLD, NEW));
    assert.deepEqual(results.map((result) => [result.severity, result.message]), [
      ['warning', 'd.yaml, line 6, column 3: duplicate key "selector": the last one counts'],
      ['info', `updated image ref "${OLD}" to "${NEW}"`],
    ]);
  });

  it('in a flow mapping, each repetition once, and marked fields on both occurrences updated', () => {
    const text = `a: {x: 1, x: 2, x: 3}\nimage: ${OLD} ${MARKER}\nimage: ${OLD} ${MARKER}\n`;
    const { output, results } = updateImageRefs(text, [NEW]);
    assert.equal(output, text.split(OLD).join(NEW));
    assert.deepEqual(results.filter((result) => result.severity === 'warning').map((result) => result.message), [
      'input, line 1, column 11: duplicate key "x": the last one counts',
      'input, line 1, column 17: duplicate key "x": the last one counts',
      'input, line 3, column 1: duplicate key "image": the last one counts',
    ]);
  });

  it('keys the yaml library holds equal (1 and 1.0) are one key; 1 and "1" are two', () => {
    const repeated = composeUnit('1: a\n1.0: b\n"1": c\n', { start: 0, end: 18, kind: 'document', index: 0 });
    assert.deepEqual(repeated.duplicateKeys, [{ key: '1.0', offset: 5 }]);
  });

  it('keys that are one number, boolean or null written two ways are repeated keys on the fast reader\'s input too', () => {
    for (const [first, second] of [['1', '1.0'], ['true', 'True'], ['~', 'null'], ['0x10', '16']]) {
      const text = `${first}: a\n${second}: b\nimage: ${OLD} ${MARKER}\n`;
      assert.equal(readSimpleYaml(text, 0, text.length, false), null, `${first} and ${second}: the composer's to judge`);
      const { output, results } = updateImageRefs(text, [NEW], 'k.yaml');
      assert.equal(output, text.replace(OLD, NEW));
      assert.deepEqual(results.map((result) => [result.severity, result.message]), [
        ['warning', `k.yaml, line 2, column 1: duplicate key ${JSON.stringify(second)}: the last one counts`],
        ['info', `updated image ref "${OLD}" to "${NEW}"`],
      ]);
    }
  });

  it('an annotation path through a repeated key follows the last occurrence, as Kubernetes reads it', () => {
    const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    kobold/markers: "spec.image: tag: ^1; type: semver"\nspec:\n  image: ${OLD}\nspec:\n  image: docker.io/acme/app:1.1.0\n`;
    const { output, results } = updateImageRefs(text, [NEW]);
    assert.equal(output, text.replace('docker.io/acme/app:1.1.0', NEW));
    assert.deepEqual(results.map((result) => [result.severity, result.message, result.field?.currentValue]), [
      ['warning', 'input, line 9, column 1: duplicate key "spec": the last one counts', undefined],
      ['info', `updated image ref "docker.io/acme/app:1.1.0" to "${NEW}"`, 'docker.io/acme/app:1.1.0'],
    ]);
  });

  it('in embedded YAML: the warning names the block scalar, the document, and the line and column in its content; the marked field updated', () => {
    const text = `kind: ConfigMap\ndata:\n  values.yaml: |\n    a: 1\n    ---\n    a: 1\n    a: 2\n    image: ${OLD} ${MARKER}\n`;
    const { output, results } = updateImageRefs(text, [NEW]);
    assert.equal(output, text.replace(OLD, NEW));
    assert.deepEqual(results.map((result) => [result.severity, result.message, result.field?.path]), [
      ['warning', 'embedded YAML document 1, line 4, column 1: duplicate key "a": the last one counts', 'data["values.yaml"]'],
      ['info', `updated image ref "${OLD}" to "${NEW}"`, 'data["values.yaml"]|image'],
    ]);
  });

  it('in a ResourceList item: the warning names the resource; the item is updated', () => {
    const input = `${RESOURCE_LIST_HEADER}${listFunctionConfig()}items:\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: p\n  spec:\n    image: ${OLD} ${MARKER}\n  kind: Pod\n`;
    const run = runResourceList(input);
    assert.equal(run.hasError, false);
    assert.ok(run.output.startsWith(input.replace(OLD, NEW)));
    assert.deepEqual(run.results.map((result) => [result.severity, result.message, result.resourceRef?.name]), [
      ['warning', 'stdin, line 15, column 3: duplicate key "kind": the last one counts', 'p'],
      ['info', `updated image ref "${OLD}" to "${NEW}"`, 'p'],
    ]);
  });
});

describe('the work of the key index and of unit labels (counted, not timed)', () => {
  it('the fast reader looks each key up once in a set: 4x the keys, 4x the lookups', () => {
    const lookups = [1000, 4000].map((count) => {
      const text = manyKeys(count);
      return setLookups(() => assert.notEqual(readSimpleYaml(text, 0, text.length, false), null));
    });
    assert.deepEqual(lookups, [1001, 4001]);
  });

  it('the composer path looks each key up once in a set (the yaml library compares each with every earlier one)', () => {
    const lookups = [1000, 4000].map((count) => {
      const text = manyKeys(count);
      return setLookups(() => composeUnit(text, { start: 0, end: text.length, kind: 'document', index: 0 }));
    });
    assert.ok(lookups[0] >= 1001, `${lookups[0]} lookups`);
    assert.ok(lookups[1] < 5 * lookups[0], `${lookups.join(' then ')} lookups`);
  });

  /** A ResourceList of `count` marked items at column 0 that the fast reader leaves to the composer (an anchor). */
  const anchoredItems = (count: number, broken = ''): string =>
    `${RESOURCE_LIST_HEADER}${listFunctionConfig()}items:\n${`- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: &n p\n  spec:\n    image: ${OLD} ${MARKER}\n`.repeat(count)}${broken}`;

  it('an item composed without an error never has its index counted (it is O(items) each time)', () => {
    const counted = indexCounts(() => {
      const run = runResourceList(anchoredItems(200));
      assert.equal(run.results.filter((result) => result.severity === 'info').length, 200);
    });
    assert.equal(counted, 0);
  });

  it('an item with an error has its index counted once, for the message', () => {
    let message = '';
    const counted = indexCounts(() => {
      message = runResourceList(anchoredItems(3, `- kind: Pod\n  image: *nowhere ${MARKER}\n`)).results.find((result) => result.severity === 'error')!.message;
    });
    assert.equal(counted, 1);
    assert.match(message, /^stdin items\[3\], line 28, column 10: invalid YAML: alias \*nowhere/);
  });
});
