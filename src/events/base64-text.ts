import { InputError } from '../problem';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The UTF-8 text a base64 field holds (Node's decoder alone would skip what is not base64). */
export function base64Text(value: string): string {
  if (!BASE64.test(value)) throw new InputError('PAYLOAD_NOT_TEXT', 'not base64');
  try {
    return utf8.decode(Buffer.from(value, 'base64'));
  } catch {
    throw new InputError('PAYLOAD_NOT_TEXT', 'not base64 of UTF-8 text');
  }
}
