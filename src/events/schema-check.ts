import type { ErrorObject } from 'ajv';
import validators from '../generated/schema-validators';
import { fieldName } from '../krm/fn-config';
import { InputError } from '../problem';

/** The validator of a format's recognised shape, `schemas/events/NAME.schema.json`. */
function validatorOf(format: string) {
  return validators[`events/${format}.schema.json`];
}

/** `events[0].target.tag must be string`, `push_data is missing`: the first problem, naming the field. */
function describeShapeError(error: ErrorObject): string {
  const missing = error.keyword === 'required';
  const path = missing ? `${error.instancePath}/${String(error.params.missingProperty)}` : error.instancePath;
  const field = fieldName(path) || 'the payload';
  if (missing) return `${field} is missing`;
  if (error.keyword === 'const') return `${field} must be ${JSON.stringify(error.params.allowedValue)}`;
  if (error.keyword === 'minLength') return `${field} must not be empty`;
  return `${field} ${error.message ?? 'is invalid'}`;
}

/** Checks a payload against its format's schema; the error names the first field that is missing or wrong. */
export function checkShape(format: string, payload: unknown): void {
  const validate = validatorOf(format);
  if (!validate(payload)) throw new InputError('WRONG_PAYLOAD_SHAPE', `not of format ${format}: ${describeShapeError(validate.errors![0])}`);
}
