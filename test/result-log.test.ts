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

  it('keeps numbers and strings apart: a file index 0 is not the string "0"', () => {
    const log = logOf([
      { message: '0', severity: 'info', file: { path: '0', index: 0 } },
      { message: 'x', severity: 'info', file: { path: 'x', index: 10 } },
    ]);
    assert.deepEqual(log.at(0).file, { path: '0', index: 0 });
    assert.equal(typeof log.at(0).file!.index, 'number');
    assert.deepEqual(log.at(1).file, { path: 'x', index: 10 });
  });

  it('reads the results about one resource back with one resourceRef and one file object', () => {
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

  it('holds results across many chunks, each read back as added', () => {
    const results: Result[] = Array.from({ length: 10_000 }, (_, n) => ({
      message: `updated ${n % 7}`,
      severity: 'info',
      resourceRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: `svc-${Math.floor(n / 2)}` },
      field: { path: `spec.containers[${n % 2}].image`, currentValue: `a:${n}`, proposedValue: 'a:2' },
      file: { path: `apps/${Math.floor(n / 20)}.yaml`, index: Math.floor(n / 2) % 10 },
    }));
    const log = logOf(results);
    assert.equal(log.length, 10_000);
    for (const n of [0, 4095, 4096, 4097, 8191, 8192, 9999]) assert.deepEqual(log.at(n), results[n], `result ${n}`);
    assert.deepEqual([...log], results);
  });
});
