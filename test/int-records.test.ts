import { strict as assert } from 'assert';
import { IntRecords } from '../src/output/int-records';

describe('IntRecords', () => {
  it('appends records and reads every slot back, as the first chunk grows and across chunks', () => {
    const records = new IntRecords(3);
    for (let n = 0; n < 10_000; n++) assert.equal(records.append(n, n - 5000, n * 7), n);
    assert.equal(records.length, 10_000);
    for (const n of [0, 1, 15, 16, 17, 100, 4095, 4096, 8191, 8192, 9999]) assert.deepEqual([0, 1, 2].map((slot) => records.get(n, slot)), [n, n - 5000, n * 7], `record ${n}`);
  });

  it('reads a whole record into an array, across chunks', () => {
    const records = new IntRecords(3);
    for (let n = 0; n < 10_000; n++) records.append(n, n - 5000, n * 3);
    const into = new Int32Array(3);
    for (const n of [0, 4095, 4096, 9999]) {
      records.read(n, into);
      assert.deepEqual([...into], [n, n - 5000, n * 3], `record ${n}`);
    }
  });

  it('fills the slots not given with 0, and keeps 32-bit values', () => {
    const records = new IntRecords(2);
    records.append(5);
    records.append(2 ** 31 - 1, -(2 ** 31));
    assert.deepEqual([records.get(0, 0), records.get(0, 1)], [5, 0]);
    assert.deepEqual([records.get(1, 0), records.get(1, 1)], [2 ** 31 - 1, -(2 ** 31)]);
  });
});
