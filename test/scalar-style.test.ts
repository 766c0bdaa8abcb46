import { strict as assert } from 'assert';
import { parse } from 'yaml';
import { doubleQuoted, isPlainSafe, renderScalar } from '../src/output/scalar-style';

/** What `k: <text>` (block) or `{k: <text>}` (flow) reads back as, under YAML 1.2 and 1.1. */
function readBack(text: string, inFlow: boolean): [unknown, unknown] {
  const source = inFlow ? `{k: ${text}}` : `k: ${text}\n`;
  return [parse(source).k, parse(source, { version: '1.1' }).k];
}

/** Values a plain scalar would not read back as a string, under YAML 1.2 or 1.1. */
const NOT_STRINGS = [
  '1.10', '1', '-1', '+1', '.5', '1e3', '0x1F', '0o17', '017', '0b101', '1_000', '12:30', '1:30:00', '2024-01-01',
  'true', 'True', 'false', 'yes', 'Yes', 'no', 'NO', 'on', 'Off', 'y', 'n', 'null', 'Null', '~', '.inf', '-.Inf', '.NaN',
];

describe('isPlainSafe', () => {
  it('accepts image references, tags and digests', () => {
    for (const value of ['busybox:1.2', 'docker.io/foo/baz:1.2.3', 'localhost:5000/app:1', 'v1.2.3', '1.2.3-rc.1', 'latest', `sha256:${'a'.repeat(64)}`, 'a#b', 'a:b', 'a-b', '1.2.3', '0.0.1', 'nan', 'Infinity']) {
      assert.equal(isPlainSafe(value, false), true, value);
      assert.equal(isPlainSafe(value, true), true, value);
    }
  });

  it('rejects what reads as a number, bool, null or date under YAML 1.2 or 1.1', () => {
    for (const value of NOT_STRINGS) {
      assert.equal(isPlainSafe(value, false), false, value);
      assert.equal(isPlainSafe(value, true), false, value);
    }
  });

  it('rejects ": " and " #", which would end the scalar', () => {
    for (const value of ['a: b', 'a:', 'a #b', 'a\t#b', 'a  #b']) assert.equal(isPlainSafe(value, false), false, value);
  });

  it('rejects a leading indicator', () => {
    for (const value of ['- a', '-', '? a', '*a', '&a', '!a', '%a', '@a', '`a', '|a', '>a', "'a", '"a', '#a', '[a', ']a', '{a', '}a', ',a', '[::1]:5000/app:1']) {
      assert.equal(isPlainSafe(value, false), false, value);
    }
  });

  it('rejects flow indicators inside a flow collection only', () => {
    for (const value of ['a,b', 'a[b', 'a]', 'a{b', 'a}']) {
      assert.equal(isPlainSafe(value, false), true, value);
      assert.equal(isPlainSafe(value, true), false, value);
    }
  });

  it('rejects empty values, surrounding spaces and line breaks', () => {
    for (const value of ['', ' a', 'a ', '\ta', 'a\nb', 'a\rb']) assert.equal(isPlainSafe(value, false), false, JSON.stringify(value));
  });
});

describe('renderScalar', () => {
  it('keeps a plain scalar plain when it is safe', () => {
    assert.equal(renderScalar('docker.io/foo/baz:1.2.3', 'PLAIN', false), 'docker.io/foo/baz:1.2.3');
    assert.equal(renderScalar('v1.2.3', 'PLAIN', true), 'v1.2.3');
    assert.equal(renderScalar(`1.2@sha256:${'b'.repeat(64)}`, 'PLAIN', false), `1.2@sha256:${'b'.repeat(64)}`);
  });

  it('double-quotes a plain scalar that would not read back as a string', () => {
    const expected: Record<string, string> = {
      '1.10': '"1.10"', 'true': '"true"', 'yes': '"yes"', 'on': '"on"', 'null': '"null"', '~': '"~"', '1e3': '"1e3"',
      '0x1F': '"0x1F"', '017': '"017"', '1_000': '"1_000"', '12:30': '"12:30"', '2024-01-01': '"2024-01-01"',
    };
    for (const [value, text] of Object.entries(expected)) {
      assert.equal(renderScalar(value, 'PLAIN', false), text, value);
      assert.equal(renderScalar(value, 'PLAIN', true), text, value);
    }
  });

  it('double-quotes a plain scalar with ": ", " #" or a leading indicator', () => {
    assert.equal(renderScalar('a: b', 'PLAIN', false), '"a: b"');
    assert.equal(renderScalar('a #b', 'PLAIN', false), '"a #b"');
    assert.equal(renderScalar('*a', 'PLAIN', false), '"*a"');
    assert.equal(renderScalar('- a', 'PLAIN', false), '"- a"');
    assert.equal(renderScalar('"a', 'PLAIN', false), '"\\"a"');
  });

  it('double-quotes a plain scalar with flow indicators inside a flow collection', () => {
    assert.equal(renderScalar('a,b', 'PLAIN', true), '"a,b"');
    assert.equal(renderScalar('a,b', 'PLAIN', false), 'a,b');
    assert.equal(renderScalar('a}', 'PLAIN', true), '"a}"');
  });

  it('keeps single quotes, doubling a quote inside', () => {
    assert.equal(renderScalar('busybox:1.2', 'QUOTE_SINGLE', false), "'busybox:1.2'");
    assert.equal(renderScalar('1.10', 'QUOTE_SINGLE', false), "'1.10'");
    assert.equal(renderScalar("it's", 'QUOTE_SINGLE', false), "'it''s'");
    assert.equal(renderScalar("''", 'QUOTE_SINGLE', true), "''''''");
    assert.equal(renderScalar('back\\slash "q"', 'QUOTE_SINGLE', false), "'back\\slash \"q\"'");
    assert.equal(renderScalar('', 'QUOTE_SINGLE', false), "''");
  });

  it('switches single quotes to double quotes for what cannot stand on one line', () => {
    assert.equal(renderScalar('a\nb', 'QUOTE_SINGLE', false), '"a\\nb"');
    assert.equal(renderScalar('a\u0007', 'QUOTE_SINGLE', false), '"a\\u0007"');
  });

  it('keeps double quotes, escaping " and \\ and control characters', () => {
    assert.equal(renderScalar('busybox:1.2', 'QUOTE_DOUBLE', false), '"busybox:1.2"');
    assert.equal(renderScalar('say "hi"', 'QUOTE_DOUBLE', false), '"say \\"hi\\""');
    assert.equal(renderScalar('a\\b', 'QUOTE_DOUBLE', false), '"a\\\\b"');
    assert.equal(renderScalar('a\tb\nc', 'QUOTE_DOUBLE', false), '"a\\tb\\nc"');
  });

  it('writes text that reads back as the value, in block and flow context, under YAML 1.2 and 1.1', () => {
    const values = [
      ...NOT_STRINGS,
      '0755', '1:30', '+.5', '.5e3', '1e-3', '0b1_0', '685_230.15', '190:20:30.15', '2001-12-14t21:59:43.10-05:00', '2001-12-14 21:59:43.10 -5',
      '1.2.3', '0.0.1', 'nan', 'Infinity', '-a', ':a', '<<', '=',
      'busybox:1.2', 'a: b', 'a #b', "it's", 'say "hi"', 'a\\b', 'a,b', 'a]b', 'x{y', '[::1]:5000/app:1', 'é', '😀', 'a\nb', 'a\tb', '-'];
    for (const value of values) {
      for (const style of ['PLAIN', 'QUOTE_SINGLE', 'QUOTE_DOUBLE'] as const) {
        for (const inFlow of [false, true]) {
          const text = renderScalar(value, style, inFlow);
          assert.deepEqual(readBack(text, inFlow), [value, value], `${JSON.stringify(value)} ${style} inFlow=${inFlow} → ${text}`);
        }
      }
    }
  });
});

describe('doubleQuoted', () => {
  it('escapes as JSON does, which YAML double quotes read the same way', () => {
    assert.equal(doubleQuoted('plain'), '"plain"');
    assert.equal(doubleQuoted(''), '""');
    assert.equal(doubleQuoted('a"b\\c\nd\te\r'), '"a\\"b\\\\c\\nd\\te\\r"');
    assert.equal(doubleQuoted('\u0000\u001f'), '"\\u0000\\u001f"');
    assert.equal(parse(doubleQuoted('a"b\\c\nd\te\u0001')), 'a"b\\c\nd\te\u0001');
  });
});
