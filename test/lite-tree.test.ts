import { strict as assert } from 'assert';
import { liteToJs } from '../src/yaml/lite-tree';
import { readSimpleYaml } from '../src/yaml/fast-reader';

describe('liteToJs', () => {
  it('resolves plain scalars as the YAML 1.2 core schema does and keeps quoted ones strings', () => {
    const text = 'a: 1\nb: "1"\nc: true\nd: ~\ne:\nf: [x, 0x1F, 1.5]\ng: 1.2.3\n';
    assert.deepEqual(liteToJs(readSimpleYaml(text, 0, text.length, false)!), { a: 1, b: '1', c: true, d: null, e: null, f: ['x', 31, 1.5], g: '1.2.3' });
  });
});
