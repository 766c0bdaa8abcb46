import { strict as assert } from 'assert';
import { ResultLog } from '../src/output/result-log';
import { Result } from '../src/output/results';

function logOf(results: readonly Result[]): ResultLog {
  const log = new ResultLog();
  log.addAll(results);
  return log;
}

const deployment = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'prod' };
const file = { path: 'apps/web.yaml', index: 0 };

describe('ResultLog', () => {
  it('gives back every kind of result as it was added, in order', () => {
    const results: Result[] = [
      { message: 'bad ref', severity: 'warning' },
      { message: 'boom', severity: 'error' },
      {
        message: 'updated image ref "a:1" to "a:2"',
        severity: 'info',
        resourceRef: deployment,
        field: { path: 'spec.containers[0].image', currentValue: 'a:1', proposedValue: 'a:2' },
        file,
      },
      { message: 'no match', severity: 'warning', resourceRef: { apiVersion: 'v1', kind: 'Pod', name: '' }, field: { path: 'x', currentValue: '' } },
      { message: 'misplaced', severity: 'warning', field: { path: 'y' }, file: { path: 'f.yaml' } },
    ];
    const log = logOf(results);
    assert.equal(log.length, 5);
    assert.deepEqual([...log], results);
    // Same key order as the objects the function builds, since JSON output follows it.
    assert.equal(JSON.stringify([...log]), JSON.stringify(results));
  });

  it('keeps a file index a number: 0 is not the string "0"', () => {
    const log = logOf([
      { message: '0', severity: 'info', file: { path: '0', index: 0 } },
      { message: 'x', severity: 'info', file: { path: 'x', index: 10 } },
    ]);
    assert.deepEqual(log.at(0).file, { path: '0', index: 0 });
    assert.equal(typeof log.at(0).file!.index, 'number');
    assert.deepEqual(log.at(1).file, { path: 'x', index: 10 });
  });

  it('gives back the results about one resource with their shared resourceRef and file objects', () => {
    const field = (n: number): Result['field'] => ({ path: `f${n}`, currentValue: 'a:1', proposedValue: 'a:2' });
    const log = logOf([
      { message: 'm', severity: 'info', resourceRef: deployment, field: field(0), file },
      { message: 'm', severity: 'info', resourceRef: deployment, field: field(1), file },
      { message: 'm', severity: 'info', resourceRef: { ...deployment, name: 'api' }, field: field(2), file: { path: 'apps/api.yaml', index: 0 } },
    ]);
    const [first, second, third] = [...log];
    assert.equal(first.resourceRef, second.resourceRef);
    assert.equal(first.file, second.file);
    assert.notEqual(second.resourceRef, third.resourceRef);
    assert.equal(third.resourceRef!.name, 'api');
    assert.equal(third.file!.path, 'apps/api.yaml');
  });

  it('counts errors', () => {
    assert.equal(logOf([{ message: 'w', severity: 'warning' }]).hasError(), false);
    assert.equal(logOf([{ message: 'w', severity: 'warning' }, { message: 'e', severity: 'error' }]).hasError(), true);
    assert.equal(new ResultLog().hasError(), false);
  });
});
