import { describeOffset, InputError } from './input-error';

/** A character YAML does not allow in a stream (it only allows printable Unicode, tab and line breaks). */
const NOT_YAML_CHARACTER = /[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

/**
 * Checks that text can be YAML at all: no NUL bytes or other control characters, which mean binary
 * input. A UTF-8 byte-order mark is fine.
 */
export function checkYamlText(text: string, where: string): void {
  const match = NOT_YAML_CHARACTER.exec(text);
  if (match === null) return;
  const codePoint = match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  const what = codePoint === '0000' ? 'binary input: NUL byte' : `binary input: character U+${codePoint} is not allowed in YAML`;
  throw new InputError(what, `${where}, ${describeOffset(text, match.index)}`);
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes input bytes as UTF-8 (keeping a byte-order mark, so it is written back) and checks them. */
export function decodeYamlInput(bytes: Uint8Array, where: string): string {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new InputError(`not UTF-8: invalid byte sequence at byte ${firstInvalidUtf8Byte(bytes)}`, where);
  }
  checkYamlText(text, where);
  return text;
}

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence (prefixes stay valid up to it). */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, middle + 1), { stream: true });
      low = middle + 1;
    } catch {
      high = middle;
    }
  }
  return low;
}
