import { strict as assert } from 'assert';
import { parse } from 'yaml';
import { Result, resultsYaml } from '../src/output/results';

const web = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'prod' };
const webFile = { path: 'apps/web.yaml', index: 0 };

const RESULTS: Result[] = [
  { message: 'updated image ref "a:1" to "a:2"', severity: 'info', resourceRef: web, field: { path: 'spec.containers[0].image', currentValue: 'a:1', proposedValue: 'a:2' }, file: webFile },
  { message: 'no digest', severity: 'warning', resourceRef: web, field: { path: 'spec.containers[1].image', currentValue: 'b:1' }, file: webFile },
  { message: 'bad marker', severity: 'warning', resourceRef: { apiVersion: 'v1', kind: 'Pod', name: 'api' }, field: { path: 'x' }, file: { path: 'api.yaml' } },
  { message: 'config: "items" must be a list', severity: 'error' },
];

describe('resultsYaml', () => {
  it('writes every result in kpt v1 block style, read back as it was', () => {
    const text = resultsYaml(RESULTS, true);
    assert.deepEqual(parse(text), { results: RESULTS });
    assert.ok(!/\{.*\[0\]/.test(text), 'a field path with [0] is never inside a flow mapping');
  });

  it('repeats the resourceRef and file blocks on every result about a resource, and changes them with the resource', () => {
    const text = resultsYaml(RESULTS.slice(0, 3), false);
    assert.equal(text.split('  resourceRef:\n').length - 1, 3);
    assert.equal(text.split('    name: "web"\n').length - 1, 2);
    assert.match(text, /^- message: "updated image ref \\"a:1\\" to \\"a:2\\""\n {2}severity: info\n {2}resourceRef:\n {4}apiVersion: "apps\/v1"\n/);
    assert.match(text, /\n {2}file:\n {4}path: "apps\/web.yaml"\n {4}index: 0\n/);
  });

  it('writes an empty list under the key, and nothing without it', () => {
    assert.equal(resultsYaml([], true), 'results: []\n');
    assert.equal(resultsYaml([], false), '');
  });

  it('ends every line with the given line break', () => {
    const text = resultsYaml(RESULTS, true, '\r\n');
    assert.equal(text.split('\n').length, text.split('\r\n').length);
    assert.deepEqual(parse(text), { results: RESULTS });
  });
});
