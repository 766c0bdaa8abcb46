import type { ErrorObject } from 'ajv';
import validators from '../generated/schema-validators';
import { parseIncomingReference } from '../match/reference';
import { Result } from '../output/results';
import { IncomingRef } from '../match/decide';
import type { Parsed } from '../parsed';

/**
 * The functionConfig kinds the function accepts, with the JSON Schema file in schemas/ that checks
 * each (compiled ahead of time by scripts/build.js into generated/schema-validators).
 */
const CONFIG_KINDS = [
  { apiVersion: 'kobold/v1alpha3', kind: 'List', schema: 'kobold-v1alpha3.schema.json' },
  { apiVersion: 'kobold/v1alpha3', kind: 'ImageRefUpdater', schema: 'kobold-v1alpha3.schema.json' },
  { apiVersion: 'v1', kind: 'ConfigMap', schema: 'configmap.schema.json' },
] as const;

const ALLOWED = CONFIG_KINDS.map(({ apiVersion, kind }) => `${apiVersion} ${kind}`).join(', ');

export type ConfigLoad = Parsed<string[]>;

/** `/items/2` → `items[2]`, `/data/images` → `data.images`. */
export function fieldName(instancePath: string): string {
  return instancePath.split('/').slice(1).reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}

function describeSchemaError(error: ErrorObject): string {
  const field = error.keyword === 'required' ? fieldName(`${error.instancePath}/${String(error.params.missingProperty)}`) : fieldName(error.instancePath);
  if (error.keyword === 'required') return `functionConfig ${field} is missing`;
  if (error.keyword === 'pattern') return `functionConfig ${field} must name at least one image reference`;
  return `functionConfig ${field || 'document'} ${error.message ?? 'is invalid'}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Splits ConfigMap `data.images` at commas, spaces and newlines. */
export function splitImageList(images: string): string[] {
  return images.split(/[\s,]+/).filter((ref) => ref !== '');
}

/**
 * Reads the image references out of a functionConfig of one of the accepted kinds, checked with its
 * JSON Schema; anything else is a configuration error naming the field and what is allowed.
 */
export function loadFunctionConfig(config: unknown): ConfigLoad {
  if (config === undefined || config === null) {
    return { ok: false, error: `no functionConfig: give one of ${ALLOWED}` };
  }
  if (!isRecord(config)) return { ok: false, error: 'functionConfig must be a mapping' };
  const known = CONFIG_KINDS.find(({ apiVersion, kind }) => config.apiVersion === apiVersion && config.kind === kind);
  if (known === undefined) {
    return { ok: false, error: `functionConfig apiVersion ${JSON.stringify(config.apiVersion)} kind ${JSON.stringify(config.kind)} is not supported: use one of ${ALLOWED}` };
  }
  const validate = validators[known.schema];
  if (!validate(config)) return { ok: false, error: describeSchemaError(validate.errors![0]) };
  const imageRefs = known.kind === 'ConfigMap' ? splitImageList((config.data as { images: string }).images) : (config.items as string[]);
  return { ok: true, value: imageRefs };
}

/** The references that parse, and a warning for each that does not (it is left out). */
export function checkImageRefs(imageRefs: readonly string[]): { refs: IncomingRef[]; warnings: Result[] } {
  const refs: IncomingRef[] = [];
  const warnings: Result[] = [];
  imageRefs.forEach((text, index) => {
    const parsed = parseIncomingReference(text);
    if (parsed.ok) {
      const { ref, tag, digest } = parsed.value;
      refs.push({ text, contextName: ref.contextName, tag, digest });
    } else {
      warnings.push({ severity: 'warning', message: `image reference ${index} ${JSON.stringify(text)} from the functionConfig is ignored: ${parsed.error}` });
    }
  });
  return { refs, warnings };
}
