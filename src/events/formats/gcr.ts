import { base64Text } from '../base64-text';
import { InputError } from '../../problem';
import { fieldPlace, FormatReading, inField, isRecord, jsonFormat, withDigest } from '../format';
import { parseJsonPayload } from '../json-text';
import { checkShape } from '../schema-check';

interface GcrMessage {
  action: string;
  digest?: string;
  tag?: string;
}

type GcrPayload = { message: { data: string } } | GcrMessage;

function isGcrMessage(value: unknown): boolean {
  return isRecord(value) && typeof value.action === 'string' && ('digest' in value || 'tag' in value);
}

/** The message a Pub/Sub push subscription's envelope carries in `message.data`. */
function unwrapEnvelope(data: string): GcrMessage {
  const field = 'message.data';
  const message = inField(field, () => parseJsonPayload(base64Text(data)));
  if (isRecord(message) && 'message' in message) throw new InputError('INVALID_PAYLOAD', 'holds another push envelope', { unit: fieldPlace(field) });
  inField(field, () => checkShape('gcr', message));
  return message as GcrMessage;
}

/** The digest of a full reference `NAME@sha256:...`. */
function digestOf(reference: string): string {
  const at = reference.indexOf('@');
  if (at < 0) throw new InputError('INVALID_PAYLOAD', `digest ${JSON.stringify(reference)} is not a reference with a digest (NAME@sha256:...)`);
  return reference.slice(at + 1);
}

/**
 * Artifact Registry's and Container Registry's Pub/Sub notifications: an INSERT with full
 * references in `tag` and `digest`, as pulled from the subscription, or inside the envelope a push
 * subscription posts.
 */
export const gcr = jsonFormat<GcrPayload>({
  name: 'gcr',
  recognises: (payload) => isGcrMessage(payload) || (isRecord(payload) && 'message' in payload && 'subscription' in payload),
  read(payload): FormatReading {
    const message = 'message' in payload ? unwrapEnvelope(payload.message.data) : payload;
    if (message.action !== 'INSERT' || !message.tag) return { pushes: [], warnings: [] };
    const digest = message.digest ? digestOf(message.digest) : undefined;
    return { pushes: [{ reference: withDigest(message.tag, digest), index: false }], warnings: [] };
  },
});
