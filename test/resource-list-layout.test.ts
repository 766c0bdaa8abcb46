/**
 * The layout of a block ResourceList when the fast reader declines the part around its items (an
 * anchor or a tag there, a `...` line): that part is composed on its own and the items are still
 * read one by one, so the whole list is never parsed (counted, not timed).
 */
import { strict as assert } from 'assert';
import { Parser } from 'yaml';
import { runResourceList } from '../src/krm/resource-list';
import { crlf } from './support/lossless';
import { MARKER, NEW, OLD, RESOURCE_LIST_HEADER } from './support/samples';
import { watchCalls } from './support/work-count';


const functionConfig = (name: string): string => `functionConfig:\n  apiVersion: kobold/v1alpha3\n  kind: List\n  metadata:\n    name: ${name}\n  items:\n  - ${NEW}\n`;

/** `count` Pods, one in ten marked. */
const items = (count: number): string =>
  `items:\n${Array.from({ length: count }, (_, i) => `- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: p${i}\n  spec:\n    image: ${OLD}${i % 10 === 0 ? ` ${MARKER}` : ''}\n`).join('')}`;

/** How many characters the yaml library's parser is given while `run` runs. */
function charactersParsed(run: () => void): number {
  let characters = 0;
  watchCalls(Parser.prototype, 'parse', (args) => (characters += (args[0] as string).length), run);
  return characters;
}

describe('ResourceList layout: the part around the items composed on its own', () => {
  it('an anchor in the functionConfig: only its entry is parsed, and every marked item is updated', () => {
    const config = functionConfig('&config fn-config');
    const input = RESOURCE_LIST_HEADER + items(1000) + config;
    let output = '';
    const parsed = charactersParsed(() => {
      const run = runResourceList(input);
      assert.equal(run.results.filter((result) => result.severity === 'info').length, 100);
      output = run.output;
    });
    assert.equal(parsed, '    name: &config fn-config\n'.length);
    const plain = runResourceList(RESOURCE_LIST_HEADER + items(1000) + functionConfig('fn-config')).output;
    assert.equal(output, plain.replace('name: fn-config', 'name: &config fn-config'));
  });

  it('an alias in the functionConfig is expanded, as the full parser expands it', () => {
    const config = `functionConfig:\n  apiVersion: kobold/v1alpha3\n  kind: List\n  metadata:\n    name: fn-config\n    annotations:\n      new: &new ${NEW}\n  items:\n  - *new\n`;
    const run = runResourceList(RESOURCE_LIST_HEADER + items(10) + config);
    assert.deepEqual(run.results.map((result) => [result.severity, result.message]), [['info', `updated image ref "${OLD}" to "${NEW}"`]]);
  });

  it('an alias bomb in the functionConfig: an error result, the list back unchanged', () => {
    let bomb = '      a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let i = 1; i < 12; i++) bomb += `      a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
    const input = `${RESOURCE_LIST_HEADER}${items(10)}functionConfig:\n  apiVersion: kobold/v1alpha3\n  kind: List\n  metadata:\n    name: fn-config\n    annotations:\n${bomb}  items:\n  - ${NEW}\n`;
    const run = runResourceList(input);
    assert.equal(run.output.slice(0, input.length), input);
    assert.deepEqual(run.results.map((result) => result.severity), ['error']);
    assert.match(run.results[0].message, /^stdin: too many aliases to expand/);
  });

  /** Asserts that `after` (a `...` line and comments) stays after the results, and that only the part around the items is parsed. */
  function assertEndedBy(body: string, after: string): void {
    const parsed = charactersParsed(() => assert.equal(runResourceList(body + after).output, runResourceList(body).output + after));
    const around = body.slice(0, body.indexOf('\n', body.indexOf('items:')) + 1) + body.slice(body.indexOf('functionConfig:'));
    assert.ok(parsed <= around.length + after.length, `${parsed} characters parsed`);
  }

  it('a `...` line ends the document: the results go before it, the comments after it stay after it', () => {
    assertEndedBy(RESOURCE_LIST_HEADER + items(20) + functionConfig('fn-config'), '...\n# the end\n\n');
  });

  it('the same with CRLF line breaks', () => {
    assertEndedBy(crlf(RESOURCE_LIST_HEADER + items(20) + functionConfig('fn-config')), '...\r\n# the end\r\n\r\n');
  });

  it('a `...` line and then another document: one ResourceList expected, the second document named where it starts', () => {
    const input = `${RESOURCE_LIST_HEADER}${items(2)}${functionConfig('fn-config')}...\n---\nkind: Other\n`;
    assert.throws(() => runResourceList(input), { code: 'NOT_A_RESOURCE_LIST', place: { input: 'stdin', position: { line: 24, column: 1, offset: input.indexOf('---\nkind') } }, message: 'stdin, line 24, column 1: expected one ResourceList, found 2 YAML documents' });
  });

  it('an alias in the functionConfig to an anchor inside an item: an error, as when the whole list is parsed', () => {
    const input = `${RESOURCE_LIST_HEADER}items:\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: &pod p\n${functionConfig('*pod')}`;
    const run = runResourceList(input);
    assert.deepEqual(run.results.map((result) => [result.severity, result.message]), [['error', 'stdin: invalid YAML: Unresolved alias (the anchor must be set before the alias): pod']]);
    assert.equal(run.hasError, true);
  });
});

describe('ResourceList layout: items the parser splits where the composer sees malformed YAML', () => {
  const pod = (name: string, marked: boolean): string => `- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: ${name}\n  image: ${OLD}${marked ? ` ${MARKER}` : ''}\n`;

  for (const [what, entry] of [
    ['an entry after a tab at column 0, without marker text', `\t- apiVersion: v1\n  kind: Pod\n`],
    ['an entry after a tab and spaces', `\t  - name: web\n`],
    ['a marked item ending in a tab-indented entry', `  ports:\n\t  - name: web\n`],
    ['a tab-indented key in an item, which the parser takes for a key of the list, its marked value with it', `  spec:\n\t    containers:\n    - name: web\n      image: ${OLD} ${MARKER}\n`],
  ]) {
    it(`${what}: an error at the tab, the list back unchanged`, () => {
      const input = `${RESOURCE_LIST_HEADER}items:\n${pod('a', true)}${entry}${pod('b', true)}${functionConfig('fn-config')}`;
      const line = input.slice(0, input.indexOf('\t')).split('\n').length;
      const run = runResourceList(input);
      assert.equal(run.output.slice(0, input.length), input);
      assert.deepEqual(run.results.map((result) => [result.severity, result.message]), [['error', `stdin, line ${line}, column 1: invalid YAML: Tabs are not allowed as indentation`]]);
    });
  }
});
