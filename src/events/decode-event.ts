import { firstInvalidUtf8Byte } from '../yaml/input-text';
import { InputError, Problem } from '../problem';
import { AnyEventFormat, FormatReading, inField, NestedDecoder } from './format';
import { EVENT_FORMAT_NAMES, EVENT_FORMATS, JSON_FORMATS, TEXT_FORMAT } from './formats';
import { looksLikeJson, parseJsonPayload } from './json-text';
import { selectReferences } from './references';
import { checkShape } from './schema-check';
import type { Parsed } from '../parsed';

/** The image references a registry's payload announces, and the format it was read as. */
export interface DecodedEvent {
  /** The format taken, `cloudevents/NAME` for an envelope around a payload of format NAME. */
  format: string;
  references: string[];
  warnings: Problem[];
}

export type EventDecode = Parsed<DecodedEvent, InputError>;

type Reading = FormatReading & { format: string };

/** The formats an envelope's data may have: any but another envelope. */
const INNER_JSON_FORMATS = JSON_FORMATS.filter((format) => format.name !== 'cloudevents' && format.name !== 'eventgrid');

const utf8 = new TextDecoder('utf-8', { fatal: true });

function payloadText(payload: Uint8Array): string {
  try {
    return utf8.decode(payload);
  } catch {
    throw new InputError('PAYLOAD_NOT_TEXT', `not UTF-8: invalid byte sequence at byte ${firstInvalidUtf8Byte(payload)}`);
  }
}

function read(format: AnyEventFormat, payload: unknown, nested: NestedDecoder): Reading {
  if (format.input === 'json') checkShape(format.name, payload);
  const reading = format.read(payload as never, nested);
  return { ...reading, format: reading.inner === undefined ? format.name : `${format.name}/${reading.inner}` };
}

/** Reads a parsed JSON payload as `format`, or as the first of `formats` that recognises its shape. */
function readValue(value: unknown, format: AnyEventFormat | undefined, formats: readonly AnyEventFormat[]): Reading {
  const recognised = format ?? formats.find((candidate) => candidate.recognises(value));
  if (recognised === undefined) throw new InputError('UNRECOGNISED_PAYLOAD', `no format recognises this JSON payload (tried ${formats.map(({ name }) => name).join(', ')})`);
  return read(recognised, value, nestedDecoder);
}

/**
 * Reads a payload as it arrives: a JSON array is a batch (CloudEvents' batched mode, Azure Event
 * Grid), each event read as `format` or by its own shape, their pushes in order; anything else is one payload.
 */
function readPayloadValue(value: unknown, format: AnyEventFormat | undefined): Reading {
  if (!Array.isArray(value)) return readValue(value, format, JSON_FORMATS);
  const readings = value.map((event, index) => inField(`[${index}]`, () => readValue(event, format, JSON_FORMATS)));
  const formats = [...new Set(readings.map((reading) => reading.format))];
  return { pushes: readings.flatMap((reading) => reading.pushes), warnings: readings.flatMap((reading) => reading.warnings), format: formats.length === 0 ? 'batch' : `batch/${formats.join(',')}` };
}

/** Reads a payload's text: JSON by `readJson`, anything else as lines. */
function readText(text: string, format: AnyEventFormat | undefined, readJson: (value: unknown) => Reading): Reading {
  const json = looksLikeJson(text);
  if (format !== undefined && (format.input === 'json') !== json) {
    throw new InputError('WRONG_PAYLOAD_SHAPE', json ? `the payload is JSON, and ${format.name} is for payloads that are not` : `not of format ${format.name}: it is not JSON`);
  }
  return json ? readJson(parseJsonPayload(text)) : read(TEXT_FORMAT, text, nestedDecoder);
}

const nestedDecoder: NestedDecoder = {
  decodeText: (text, field) => inField(field, () => readText(text, undefined, (value) => readValue(value, undefined, INNER_JSON_FORMATS))),
  decodeValue: (value, field) => inField(field, () => readValue(value, undefined, INNER_JSON_FORMATS)),
  decodeEnvelope: (envelope) => {
    const format = INNER_JSON_FORMATS.find((candidate) => candidate.recognises(envelope));
    return format && read(format, envelope, nestedDecoder);
  },
};

/**
 * Decodes a registry's webhook payload (SPEC §9) as the named format, or `auto`: the format its
 * shape has. The result says which format was taken; a payload without a push has no references
 * and a warning that says so.
 */
export function decodeEvent(payload: Uint8Array, formatName = 'auto'): EventDecode {
  const format = EVENT_FORMATS.find(({ name }) => name === formatName);
  if (format === undefined && formatName !== 'auto') {
    return { ok: false, error: new InputError('UNKNOWN_EVENT_FORMAT', `unknown event format ${JSON.stringify(formatName)}: use one of ${EVENT_FORMAT_NAMES.join(', ')}`) };
  }
  try {
    const reading = readText(payloadText(payload), format, (value) => readPayloadValue(value, format));
    const { references, warnings } = selectReferences(reading.pushes);
    const all = [...reading.warnings, ...warnings];
    if (references.length === 0) all.push({ code: 'NO_PUSHED_IMAGE', problem: `the ${reading.format} payload announces no pushed image: nothing to update`, place: {} });
    return { ok: true, value: { format: reading.format, references, warnings: all } };
  } catch (error) {
    if (error instanceof InputError) return { ok: false, error };
    throw error;
  }
}
