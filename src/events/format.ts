import { InputError, Problem, UnitPlace } from '../problem';

/** One image a payload says was pushed. */
export interface PushedImage {
  /** The reference built from the payload: registry/repository:tag, with `@digest` when the payload has it. */
  reference: string;
  /** Whether the pushed manifest is an image index or manifest list, which wins over the per-platform digests of its tag. */
  index: boolean;
}

/** What a format reads from a payload its schema accepted. */
export interface FormatReading {
  pushes: PushedImage[];
  warnings: Problem[];
  /** The format of the payload inside an envelope (CloudEvents), to name it. */
  inner?: string;
}

/** What a format reading a nested payload (an envelope's data) needs from the decoder. */
export interface NestedDecoder {
  /** Decodes a payload given as text (JSON or lines) by the format its shape has. */
  decodeText(text: string, field: string): FormatReading & { format: string };
  /** Decodes a parsed JSON payload by the format its shape has. */
  decodeValue(value: unknown, field: string): FormatReading & { format: string };
  /** Decodes an envelope by a format that reads the whole envelope as its own (Harbor's CloudEvents), if one recognises it. */
  decodeEnvelope(envelope: unknown): (FormatReading & { format: string }) | undefined;
}

/**
 * A payload format: how `auto` recognises it, and how its pushes are read. A `json` format is given
 * the parsed payload, checked first against `schemas/events/NAME.schema.json`; a `text` format (lines)
 * the payload's text.
 */
export interface EventFormat<Payload> {
  name: string;
  input: 'json' | 'text';
  /** Whether a payload has this format's distinguishing fields (the schema then checks the rest). */
  recognises(payload: unknown): boolean;
  read(payload: Payload, nested: NestedDecoder): FormatReading;
}

/**
 * A format in the registry of formats, whose payload type is erased: `read` is only called on a
 * payload that the format's own schema accepted (or on text), which is what `Payload` describes.
 */
export type AnyEventFormat = EventFormat<never>;

/** A JSON format for the registry. */
export function jsonFormat<Payload>(format: Omit<EventFormat<Payload>, 'input'>): AnyEventFormat {
  return { ...format, input: 'json' } as unknown as AnyEventFormat;
}

/** An envelope's reading: the pushes and warnings of the payload it holds, named after that payload's format. */
export function envelopeReading(inner: FormatReading & { format: string }): FormatReading {
  return { pushes: inner.pushes, warnings: inner.warnings, inner: inner.format };
}

/** The place of a problem in the content of an envelope's field (`message.data`). */
export function fieldPlace(path: string): UnitPlace {
  return { kind: 'field', path };
}

/**
 * Runs a decoding step on an envelope's field; its error is in that field (in a field of it, when
 * the field holds another envelope: `data.message.data`).
 */
export function inField<T>(field: string, decode: () => T): T {
  try {
    return decode();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const { unit } = error.place;
    throw error.inUnit(fieldPlace(unit?.kind === 'field' ? `${field}.${unit.path}` : field));
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `NAME` with `@digest` appended when there is a digest. */
export function withDigest(name: string, digest: string | undefined): string {
  return digest ? `${name}@${digest}` : name;
}
