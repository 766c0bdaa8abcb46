import { base64Text } from '../base64-text';
import { InputError } from '../../problem';
import { envelopeReading, FormatReading, inField, isRecord, jsonFormat } from '../format';

interface CloudEvent {
  specversion: string;
  type: string;
  data?: unknown;
  data_base64?: string;
}

/**
 * A CloudEvents structured-mode JSON envelope: its `data` (JSON, or text) or `data_base64` is
 * decoded by the format it has, unless a format reads the whole envelope as its own (Harbor's
 * CloudEvents, whose `data` alone says nothing of its format but its `type` does).
 */
export const cloudevents = jsonFormat<CloudEvent>({
  name: 'cloudevents',
  recognises: (payload) => isRecord(payload) && typeof payload.specversion === 'string' && ('data' in payload || 'data_base64' in payload),
  read(event, nested): FormatReading {
    if (event.data !== undefined && event.data_base64 !== undefined) throw new InputError('INVALID_PAYLOAD', 'data and data_base64 exclude each other');
    const inner =
      nested.decodeEnvelope(event) ??
      (event.data_base64 !== undefined
        ? nested.decodeText(inField('data_base64', () => base64Text(event.data_base64!)), 'data_base64')
        : typeof event.data === 'string'
          ? nested.decodeText(event.data, 'data')
          : nested.decodeValue(event.data, 'data'));
    return envelopeReading(inner);
  },
});
