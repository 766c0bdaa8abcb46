import { strict as assert } from 'assert';
import { InputError } from '../src/problem';
import { checkYamlText, decodeYamlBytes, decodeYamlInput } from '../src/yaml/input-text';

function bytes(...values: Array<number | string>): Uint8Array {
  return Uint8Array.from(values.flatMap((value) => (typeof value === 'string' ? [...Buffer.from(value, 'utf8')] : [value])));
}

/** The InputError `run` throws. */
function inputError(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof InputError, `expected an InputError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected an InputError');
}

/** What the InputError `run` throws says: its code, its line and column (none for a byte offset), and its words. */
function problemOf(run: () => unknown): [string, number | undefined, number | undefined, string] {
  const { code, place, problem } = inputError(run);
  assert.equal(place.input, undefined, 'the input is named by the caller');
  return [code, place.position?.line, place.position?.column, problem];
}

describe('checkYamlText', () => {
  it('accepts printable text, tabs and line breaks', () => {
    checkYamlText('a: b\n\tc: "d"\r\n# é ü 😀 \u00a0\u0085\u2028\n');
    checkYamlText('');
  });

  it('accepts a byte-order mark', () => {
    checkYamlText('\ufeffa: b\n');
  });

  it('rejects a NUL byte, naming line and column', () => {
    const error = inputError(() => checkYamlText('a: b\nc: \u0000d\n'));
    assert.equal(error.code, 'NOT_YAML_TEXT');
    assert.deepEqual(error.place, { position: { line: 2, column: 4, offset: 8 } });
    assert.equal(error.problem, 'binary input: NUL byte');
  });

  it('rejects other control characters, naming the code point and place', () => {
    assert.deepEqual(problemOf(() => checkYamlText('a\u0007')), ['NOT_YAML_TEXT', 1, 2, 'binary input: character U+0007 is not allowed in YAML']);
    assert.deepEqual(problemOf(() => checkYamlText('a\n\u007f')), ['NOT_YAML_TEXT', 2, 1, 'binary input: character U+007F is not allowed in YAML']);
    assert.deepEqual(problemOf(() => checkYamlText('a\r\nb\u001b')), ['NOT_YAML_TEXT', 2, 2, 'binary input: character U+001B is not allowed in YAML']);
    assert.deepEqual(problemOf(() => checkYamlText('\u0090')), ['NOT_YAML_TEXT', 1, 1, 'binary input: character U+0090 is not allowed in YAML']);
    assert.deepEqual(problemOf(() => checkYamlText('a\u000b')), ['NOT_YAML_TEXT', 1, 2, 'binary input: character U+000B is not allowed in YAML']);
    assert.deepEqual(problemOf(() => checkYamlText('a\u000c')), ['NOT_YAML_TEXT', 1, 2, 'binary input: character U+000C is not allowed in YAML']);
  });

  it('rejects non-characters and lone surrogates', () => {
    assert.deepEqual(problemOf(() => checkYamlText('a\ufffe')), ['NOT_YAML_TEXT', 1, 2, 'binary input: character U+FFFE is not allowed in YAML']);
    assert.deepEqual(problemOf(() => checkYamlText('a\uffff')), ['NOT_YAML_TEXT', 1, 2, 'binary input: character U+FFFF is not allowed in YAML']);
    assert.deepEqual(problemOf(() => checkYamlText('x\n\ud800')), ['NOT_YAML_TEXT', 2, 1, 'binary input: character U+D800 is not allowed in YAML']);
  });

  it('reports the first bad character', () => {
    assert.deepEqual(problemOf(() => checkYamlText('ok\n\u0001\u0000')), ['NOT_YAML_TEXT', 2, 1, 'binary input: character U+0001 is not allowed in YAML']);
  });
});

describe('decodeYamlInput', () => {
  it('decodes UTF-8', () => {
    assert.equal(decodeYamlInput(bytes('a: é\n')), 'a: é\n');
    assert.equal(decodeYamlInput(bytes('v: 😀')), 'v: 😀');
    assert.equal(decodeYamlInput(bytes()), '');
  });

  it('says whether the input was ASCII, a byte-order mark or any other non-ASCII byte making it not', () => {
    assert.deepEqual(decodeYamlBytes(bytes('a: b\n')), { text: 'a: b\n', ascii: true });
    assert.deepEqual(decodeYamlBytes(bytes()), { text: '', ascii: true });
    assert.deepEqual(decodeYamlBytes(bytes('a: é\n')), { text: 'a: é\n', ascii: false });
    assert.deepEqual(decodeYamlBytes(bytes(0xef, 0xbb, 0xbf, 'a: b\n')), { text: '\ufeffa: b\n', ascii: false });
  });

  it('keeps a byte-order mark, so that it is written back', () => {
    assert.equal(decodeYamlInput(bytes(0xef, 0xbb, 0xbf, 'a: b\n')), '\ufeffa: b\n');
  });

  it('rejects a NUL byte with line and column', () => {
    assert.deepEqual(problemOf(() => decodeYamlInput(bytes('a\nb', 0x00))), ['NOT_YAML_TEXT', 2, 2, 'binary input: NUL byte']);
    assert.deepEqual(problemOf(() => decodeYamlInput(bytes(0x00, 0x01, 0x02))), ['NOT_YAML_TEXT', 1, 1, 'binary input: NUL byte']);
  });

  it('rejects control characters with line and column', () => {
    assert.deepEqual(problemOf(() => decodeYamlInput(bytes('k: v\r\n', 0x1b))), ['NOT_YAML_TEXT', 2, 1, 'binary input: character U+001B is not allowed in YAML']);
  });

  it('finds every control character in ASCII input (searched byte by byte) as the UTF-8 path does, the first one reported', () => {
    for (let byte = 0; byte < 0x80; byte++) {
      const ascii = bytes('k: v\n', byte, 'x\n');
      const utf8 = bytes('k: \u00e9\n', byte, 'x\n');
      const allowed = byte === 0x09 || byte === 0x0a || byte === 0x0d || (byte >= 0x20 && byte < 0x7f);
      if (allowed) {
        assert.equal(decodeYamlInput(ascii), Buffer.from(ascii).toString('latin1'));
        continue;
      }
      const asciiError = inputError(() => decodeYamlInput(ascii));
      assert.deepEqual(asciiError.place.position, { line: 2, column: 1, offset: 5 }, `byte 0x${byte.toString(16)}`);
      assert.equal(asciiError.problem, inputError(() => decodeYamlInput(utf8)).problem, `byte 0x${byte.toString(16)}`);
    }
    assert.deepEqual(problemOf(() => decodeYamlInput(bytes('a\n', 0x7f, 0x01, 0x00))), ['NOT_YAML_TEXT', 2, 1, 'binary input: character U+007F is not allowed in YAML']);
  });

  it('rejects invalid UTF-8 with the offset of the bad byte', () => {
    assert.deepEqual(problemOf(() => decodeYamlInput(bytes('a', 0xff))), ['NOT_YAML_TEXT', undefined, undefined, 'not UTF-8: invalid byte sequence at byte 1']);
    assert.deepEqual(problemOf(() => decodeYamlInput(bytes(0xff, 'abc'))), ['NOT_YAML_TEXT', undefined, undefined, 'not UTF-8: invalid byte sequence at byte 0']);
    assert.deepEqual(problemOf(() => decodeYamlInput(bytes('ab: é', 0x80))), ['NOT_YAML_TEXT', undefined, undefined, 'not UTF-8: invalid byte sequence at byte 6']);
    assert.deepEqual(problemOf(() => decodeYamlInput(bytes('a: ', 0xc0, 0x80))), ['NOT_YAML_TEXT', undefined, undefined, 'not UTF-8: invalid byte sequence at byte 3']);
    assert.deepEqual(problemOf(() => decodeYamlInput(bytes('abc', 0xfe, 'x'))), ['NOT_YAML_TEXT', undefined, undefined, 'not UTF-8: invalid byte sequence at byte 3']);
  });

  it('points at the first byte of a sequence that the next byte does not continue', () => {
    // 0xC3 starts a two-byte sequence that "(" does not continue: the bad sequence is at byte 1.
    assert.deepEqual(problemOf(() => decodeYamlInput(bytes('a', 0xc3, '('))), ['NOT_YAML_TEXT', undefined, undefined, 'not UTF-8: invalid byte sequence at byte 1']);
  });

  it('points at the first byte of a sequence cut short by the end of the input, not past the end', () => {
    assert.deepEqual(problemOf(() => decodeYamlInput(bytes('a', 0xc3))), ['NOT_YAML_TEXT', undefined, undefined, 'not UTF-8: invalid byte sequence at byte 1']);
    assert.deepEqual(problemOf(() => decodeYamlInput(bytes('a', 0xe2, 0x82))), ['NOT_YAML_TEXT', undefined, undefined, 'not UTF-8: invalid byte sequence at byte 1']);
    assert.deepEqual(problemOf(() => decodeYamlInput(bytes('ab', 0xf0, 0x9f, 0x98))), ['NOT_YAML_TEXT', undefined, undefined, 'not UTF-8: invalid byte sequence at byte 2']);
  });

  it('rejects an encoded surrogate, which is not UTF-8', () => {
    const [code, line, , problem] = problemOf(() => decodeYamlInput(bytes(0xed, 0xa0, 0x80)));
    assert.deepEqual([code, line], ['NOT_YAML_TEXT', undefined]);
    assert.match(problem, /^not UTF-8: invalid byte sequence at byte [01]$/);
  });

  it('rejects UTF-16 input', () => {
    const utf16 = Uint8Array.from([0xff, 0xfe, ...Buffer.from('a: b\n', 'utf16le')]);
    assert.deepEqual(problemOf(() => decodeYamlInput(utf16)), ['NOT_YAML_TEXT', undefined, undefined, 'not UTF-8: invalid byte sequence at byte 0']);
  });
});
