import { isAscii } from 'buffer';
import { InputError, inputErrorAt } from '../problem';

/** A character YAML does not allow in a stream (it only allows printable Unicode, tab and line breaks). */
const NOT_YAML_CHARACTER = /[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
/** The same for ASCII: the C0 controls but tab, line feed and carriage return, and DEL. */
const NOT_YAML_ASCII_BYTES = [...Array(0x20).keys()].filter((byte) => byte !== 0x09 && byte !== 0x0a && byte !== 0x0d).concat(0x7f);

function notYamlError(text: string, offset: number): InputError {
  const codePoint = text.codePointAt(offset)!.toString(16).toUpperCase().padStart(4, '0');
  const what = codePoint === '0000' ? 'binary input: NUL byte' : `binary input: character U+${codePoint} is not allowed in YAML`;
  return inputErrorAt('NOT_YAML_TEXT', what, text, offset);
}

/**
 * Checks that text can be YAML at all: no NUL bytes or other control characters, which mean binary
 * input. A UTF-8 byte-order mark is fine.
 */
export function checkYamlText(text: string): void {
  const match = NOT_YAML_CHARACTER.exec(text);
  if (match !== null) throw notYamlError(text, match.index);
}

/**
 * The offset of the first byte of ASCII input that YAML does not allow, or -1. A search for each such
 * byte is a memchr, several times faster over megabytes than a regular expression for them all.
 */
function firstNotYamlAsciiByte(bytes: Buffer): number {
  let first = -1;
  for (const byte of NOT_YAML_ASCII_BYTES) {
    const at = bytes.indexOf(byte);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  return first;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decoded input, and whether it is all ASCII (then latin1 encodes it back as a plain copy). */
export interface DecodedInput {
  text: string;
  ascii: boolean;
}

/** Decodes input bytes as UTF-8 (keeping a byte-order mark, so it is written back) and checks them. */
export function decodeYamlInput(bytes: Uint8Array): string {
  return decodeYamlBytes(bytes).text;
}

/** decodeYamlInput, saying whether the input was ASCII. */
export function decodeYamlBytes(bytes: Uint8Array): DecodedInput {
  if (isAscii(bytes)) {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const text = buffer.toString('latin1');
    const notYaml = firstNotYamlAsciiByte(buffer);
    if (notYaml >= 0) throw notYamlError(text, notYaml);
    return { text, ascii: true };
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new InputError('NOT_YAML_TEXT', `not UTF-8: invalid byte sequence at byte ${firstInvalidUtf8Byte(bytes)}`);
  }
  checkYamlText(text);
  return { text, ascii: false };
}

/** The length of a valid UTF-8 sequence at `i`, or 0 when the bytes there are not one. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i];
  if (lead < 0x80) return 1;
  const [length, min, max] = lead >= 0xc2 && lead <= 0xdf ? [2, 0x80, 0xbf]
    : lead === 0xe0 ? [3, 0xa0, 0xbf]
    : lead === 0xed ? [3, 0x80, 0x9f]
    : lead >= 0xe1 && lead <= 0xef ? [3, 0x80, 0xbf]
    : lead === 0xf0 ? [4, 0x90, 0xbf]
    : lead === 0xf4 ? [4, 0x80, 0x8f]
    : lead >= 0xf1 && lead <= 0xf3 ? [4, 0x80, 0xbf]
    : [0, 0, 0];
  if (length === 0 || i + length > bytes.length || bytes[i + 1] < min || bytes[i + 1] > max) return 0;
  for (let k = 2; k < length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return 0;
  return length;
}

/** The offset of the first byte of the first sequence that is not valid UTF-8. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const length = utf8SequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return i;
}
