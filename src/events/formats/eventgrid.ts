import { envelopeReading, FormatReading, isRecord, jsonFormat } from '../format';

interface EventGridEvent {
  eventType: string;
  subject: string;
  data: unknown;
}

/**
 * An Azure Event Grid event (Event Grid's own schema; Event Grid delivers them in a JSON array, a
 * batch): its `data` is decoded by the format it has (Azure Container Registry's `ImagePushed` data
 * is a distribution event; other event types, a delete or a chart push, are no image push there).
 */
export const eventgrid = jsonFormat<EventGridEvent>({
  name: 'eventgrid',
  recognises: (payload) => isRecord(payload) && typeof payload.eventType === 'string' && 'subject' in payload && 'data' in payload,
  read(event, nested): FormatReading {
    const inner = nested.decodeValue(event.data, 'data');
    return envelopeReading(inner);
  },
});
