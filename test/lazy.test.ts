import { strict as assert } from 'assert';
import { lazy } from '../src/lazy';

describe('lazy', () => {
  it('loads on the first call only, and gives the same value every time', () => {
    let loads = 0;
    const load = lazy(() => ({ loaded: ++loads }));
    assert.equal(loads, 0, 'nothing is loaded before the first call');
    const first = load();
    assert.equal(load(), first);
    assert.equal(loads, 1);
  });

  it('loads again after a load that threw, so a failure is not remembered as a value', () => {
    let calls = 0;
    const load = lazy(() => {
      calls++;
      if (calls === 1) throw new Error('not yet');
      return calls;
    });
    assert.throws(load, /not yet/);
    assert.equal(load(), 2);
  });
});
