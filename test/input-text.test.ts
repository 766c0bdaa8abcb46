import { strict as assert } from 'assert';
import { describeOffset, InputError } from '../src/input-error';
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

describe('InputError', () => {
  it('puts the place before what is wrong, on one line', () => {
    const error = new InputError('invalid YAML: bad indentation', 'deploy.yaml document 1, line 3, column 5');
    assert.equal(error.message, 'deploy.yaml document 1, line 3, column 5: invalid YAML: bad indentation');
    assert.equal(error.what, 'invalid YAML: bad indentation');
    assert.equal(error.where, 'deploy.yaml document 1, line 3, column 5');
    assert.equal(error.name, 'InputError');
    assert.ok(error instanceof Error);
  });

  it('is just what is wrong without a place', () => {
    assert.equal(new InputError('no input', '').message, 'no input');
  });
});

describe('describeOffset', () => {
  it('counts lines and columns from 1', () => {
    assert.equal(describeOffset('abc', 0), 'line 1, column 1');
    assert.equal(describeOffset('abc', 2), 'line 1, column 3');
    assert.equal(describeOffset('ab\ncd\nef', 3), 'line 2, column 1');
    assert.equal(describeOffset('ab\ncd\nef', 7), 'line 3, column 2');
  });

  it('places a line break at the end of its line', () => {
    assert.equal(describeOffset('ab\ncd', 2), 'line 1, column 3');
  });

  it('handles CRLF and empty lines', () => {
    assert.equal(describeOffset('a\r\nb', 3), 'line 2, column 1');
    assert.equal(describeOffset('\n\n\nx', 3), 'line 4, column 1');
  });

  it('gives the place just past the end', () => {
    assert.equal(describeOffset('ab\n', 3), 'line 2, column 1');
    assert.equal(describeOffset('', 0), 'line 1, column 1');
  });
});

describe('checkYamlText', () => {
  it('accepts printable text, tabs and line breaks', () => {
    checkYamlText('a: b\n\tc: "d"\r\n# é ü 😀 \u00a0\u0085\u2028\n', 'x');
    checkYamlText('', 'x');
  });

  it('accepts a byte-order mark', () => {
    checkYamlText('\ufeffa: b\n', 'x');
  });

  it('rejects a NUL byte, naming line and column', () => {
    const error = inputError(() => checkYamlText('a: b\nc: \u0000d\n', 'input'));
    assert.equal(error.message, 'input, line 2, column 4: binary input: NUL byte');
    assert.equal(error.what, 'binary input: NUL byte');
  });

  it('rejects other control characters, naming the code point and place', () => {
    assert.equal(inputError(() => checkYamlText('a\u0007', 'w')).message, 'w, line 1, column 2: binary input: character U+0007 is not allowed in YAML');
    assert.equal(inputError(() => checkYamlText('a\n\u007f', 'w')).message, 'w, line 2, column 1: binary input: character U+007F is not allowed in YAML');
    assert.equal(inputError(() => checkYamlText('a\r\nb\u001b', 'w')).message, 'w, line 2, column 2: binary input: character U+001B is not allowed in YAML');
    assert.equal(inputError(() => checkYamlText('\u0090', 'w')).message, 'w, line 1, column 1: binary input: character U+0090 is not allowed in YAML');
    assert.equal(inputError(() => checkYamlText('a\u000b', 'w')).message, 'w, line 1, column 2: binary input: character U+000B is not allowed in YAML');
    assert.equal(inputError(() => checkYamlText('a\u000c', 'w')).message, 'w, line 1, column 2: binary input: character U+000C is not allowed in YAML');
  });

  it('rejects non-characters and lone surrogates', () => {
    assert.equal(inputError(() => checkYamlText('a\ufffe', 'w')).message, 'w, line 1, column 2: binary input: character U+FFFE is not allowed in YAML');
    assert.equal(inputError(() => checkYamlText('a\uffff', 'w')).message, 'w, line 1, column 2: binary input: character U+FFFF is not allowed in YAML');
    assert.equal(inputError(() => checkYamlText('x\n\ud800', 'w')).message, 'w, line 2, column 1: binary input: character U+D800 is not allowed in YAML');
  });

  it('reports the first bad character', () => {
    assert.equal(inputError(() => checkYamlText('ok\n\u0001\u0000', 'w')).message, 'w, line 2, column 1: binary input: character U+0001 is not allowed in YAML');
  });
});

describe('decodeYamlInput', () => {
  it('decodes UTF-8', () => {
    assert.equal(decodeYamlInput(bytes('a: é\n'), 'f.yaml'), 'a: é\n');
    assert.equal(decodeYamlInput(bytes('v: 😀'), 'f.yaml'), 'v: 😀');
    assert.equal(decodeYamlInput(bytes(), 'f.yaml'), '');
  });

  it('says whether the input was ASCII, a byte-order mark or any other non-ASCII byte making it not', () => {
    assert.deepEqual(decodeYamlBytes(bytes('a: b\n'), 'f.yaml'), { text: 'a: b\n', ascii: true });
    assert.deepEqual(decodeYamlBytes(bytes(), 'f.yaml'), { text: '', ascii: true });
    assert.deepEqual(decodeYamlBytes(bytes('a: é\n'), 'f.yaml'), { text: 'a: é\n', ascii: false });
    assert.deepEqual(decodeYamlBytes(bytes(0xef, 0xbb, 0xbf, 'a: b\n'), 'f.yaml'), { text: '\ufeffa: b\n', ascii: false });
  });

  it('keeps a byte-order mark, so that it is written back', () => {
    assert.equal(decodeYamlInput(bytes(0xef, 0xbb, 0xbf, 'a: b\n'), 'f.yaml'), '\ufeffa: b\n');
  });

  it('rejects a NUL byte with line and column', () => {
    assert.equal(inputError(() => decodeYamlInput(bytes('a\nb', 0x00), 'f.yaml')).message, 'f.yaml, line 2, column 2: binary input: NUL byte');
    assert.equal(inputError(() => decodeYamlInput(bytes(0x00, 0x01, 0x02), 'stdin')).message, 'stdin, line 1, column 1: binary input: NUL byte');
  });

  it('rejects control characters with line and column', () => {
    assert.equal(inputError(() => decodeYamlInput(bytes('k: v\r\n', 0x1b), 'f.yaml')).message, 'f.yaml, line 2, column 1: binary input: character U+001B is not allowed in YAML');
  });

  it('finds every control character in ASCII input (searched byte by byte) as the UTF-8 path does, the first one reported', () => {
    for (let byte = 0; byte < 0x80; byte++) {
      const ascii = bytes('k: v\n', byte, 'x\n');
      const utf8 = bytes('k: \u00e9\n', byte, 'x\n');
      const allowed = byte === 0x09 || byte === 0x0a || byte === 0x0d || (byte >= 0x20 && byte < 0x7f);
      if (allowed) {
        assert.equal(decodeYamlInput(ascii, 'f.yaml'), Buffer.from(ascii).toString('latin1'));
        continue;
      }
      const asciiError = inputError(() => decodeYamlInput(ascii, 'f.yaml'));
      assert.equal(asciiError.where, 'f.yaml, line 2, column 1', `byte 0x${byte.toString(16)}`);
      assert.equal(asciiError.what, inputError(() => decodeYamlInput(utf8, 'f.yaml')).what, `byte 0x${byte.toString(16)}`);
    }
    assert.equal(inputError(() => decodeYamlInput(bytes('a\n', 0x7f, 0x01, 0x00), 'f.yaml')).message, 'f.yaml, line 2, column 1: binary input: character U+007F is not allowed in YAML');
  });

  it('rejects invalid UTF-8 with the offset of the bad byte', () => {
    assert.equal(inputError(() => decodeYamlInput(bytes('a', 0xff), 'f.yaml')).message, 'f.yaml: not UTF-8: invalid byte sequence at byte 1');
    assert.equal(inputError(() => decodeYamlInput(bytes(0xff, 'abc'), 'f.yaml')).message, 'f.yaml: not UTF-8: invalid byte sequence at byte 0');
    assert.equal(inputError(() => decodeYamlInput(bytes('ab: é', 0x80), 'f.yaml')).message, 'f.yaml: not UTF-8: invalid byte sequence at byte 6');
    assert.equal(inputError(() => decodeYamlInput(bytes('a: ', 0xc0, 0x80), 'f.yaml')).message, 'f.yaml: not UTF-8: invalid byte sequence at byte 3');
    assert.equal(inputError(() => decodeYamlInput(bytes('abc', 0xfe, 'x'), 'stdin')).message, 'stdin: not UTF-8: invalid byte sequence at byte 3');
  });

  it('points at the first byte of a sequence that the next byte does not continue', () => {
    // 0xC3 starts a two-byte sequence that "(" does not continue: the bad sequence is at byte 1.
    assert.equal(inputError(() => decodeYamlInput(bytes('a', 0xc3, '('), 'f.yaml')).message, 'f.yaml: not UTF-8: invalid byte sequence at byte 1');
  });

  it('points at the first byte of a sequence cut short by the end of the input, not past the end', () => {
    assert.equal(inputError(() => decodeYamlInput(bytes('a', 0xc3), 'f.yaml')).message, 'f.yaml: not UTF-8: invalid byte sequence at byte 1');
    assert.equal(inputError(() => decodeYamlInput(bytes('a', 0xe2, 0x82), 'f.yaml')).message, 'f.yaml: not UTF-8: invalid byte sequence at byte 1');
    assert.equal(inputError(() => decodeYamlInput(bytes('ab', 0xf0, 0x9f, 0x98), 'f.yaml')).message, 'f.yaml: not UTF-8: invalid byte sequence at byte 2');
  });

  it('rejects an encoded surrogate, which is not UTF-8', () => {
    assert.match(inputError(() => decodeYamlInput(bytes(0xed, 0xa0, 0x80), 'f.yaml')).message, /^f\.yaml: not UTF-8: invalid byte sequence at byte [01]$/);
  });

  it('rejects UTF-16 input', () => {
    const utf16 = Uint8Array.from([0xff, 0xfe, ...Buffer.from('a: b\n', 'utf16le')]);
    assert.equal(inputError(() => decodeYamlInput(utf16, 'f.yaml')).message, 'f.yaml: not UTF-8: invalid byte sequence at byte 0');
  });
});
