import { ABSENT, FIELD_CURRENT, FIELD_PATH, FIELD_PROPOSED, FILE_INDEX, FILE_PATH, MESSAGE, REF_API_VERSION, REF_KIND, REF_NAME, REF_NAMESPACE, ResultLog, SEVERITY, SLOTS } from './result-log';

/** Severity of a kpt v1 function result. */
export type Severity = 'error' | 'warning' | 'info';

/** The resource a result is about (kpt v1 `resourceRef`). */
export interface ResourceRef {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

/** The field a result is about (kpt v1 `field`). */
export interface FieldRef {
  path: string;
  currentValue?: string;
  proposedValue?: string;
}

/** Where the resource came from (kpt v1 `file`). */
export interface FileRef {
  path: string;
  index?: number;
}

/**
 * One result, in the shape kpt v1 prints. The kpt TypeScript SDK's `Result` describes the older
 * v1alpha1 shape (`warn`, `suggestedValue`), so the function has its own.
 */
export interface Result {
  message: string;
  severity: Severity;
  resourceRef?: ResourceRef;
  field?: FieldRef;
  file?: FileRef;
}

/** What every result about one resource shares. */
export interface ResourceOrigin {
  resourceRef?: ResourceRef;
  file?: FileRef;
}

export function resultAbout(origin: ResourceOrigin, severity: Severity, message: string, field?: FieldRef): Result {
  const result: Result = { message, severity };
  if (origin.resourceRef) result.resourceRef = origin.resourceRef;
  if (field) result.field = field;
  if (origin.file) result.file = origin.file;
  return result;
}

/**
 * Writes results as block YAML, the way kpt writes and reads them (block style, so that `[0]` in a
 * field path is never inside a flow mapping), one result at a time. `wrapInKey` starts with
 * `results:`. Read from the log by ids: a run's results repeat their messages, paths, values and
 * origins, so each string is quoted once and the origin blocks are made once for a run of results
 * about one resource.
 */
export function writeResultsYaml(results: ResultLog, wrapInKey: boolean, eol: string, write: (chunk: string) => void): void {
  if (wrapInKey) write(results.length === 0 ? `results: []${eol}` : `results:${eol}`);
  const texts: string[] = [];
  const text = (id: number): string => texts[id] ?? (texts[id] = yamlValue(results.value(id)!));
  const line = (name: string, id: number): string => (id === ABSENT ? '' : `    ${name}: ${text(id)}${eol}`);
  let ids = new Int32Array(SLOTS);
  let previous = new Int32Array(SLOTS);
  let refBlock = '';
  let fileBlock = '';
  for (let i = 0; i < results.length; i++) {
    const swap = previous;
    previous = ids;
    ids = swap;
    results.readIds(i, ids);
    if (i === 0 || !sameIds(ids, previous, REF_API_VERSION, 4) || !sameIds(ids, previous, FILE_PATH, 2)) {
      refBlock = ids[REF_API_VERSION] === ABSENT ? '' : `  resourceRef:${eol}${line('apiVersion', ids[REF_API_VERSION])}${line('kind', ids[REF_KIND])}${line('name', ids[REF_NAME])}${line('namespace', ids[REF_NAMESPACE])}`;
      fileBlock = ids[FILE_PATH] === ABSENT ? '' : `  file:${eol}${line('path', ids[FILE_PATH])}${line('index', ids[FILE_INDEX])}`;
    }
    const fieldBlock = ids[FIELD_PATH] === ABSENT ? '' : `  field:${eol}${line('path', ids[FIELD_PATH])}${line('currentValue', ids[FIELD_CURRENT])}${line('proposedValue', ids[FIELD_PROPOSED])}`;
    write(`- message: ${text(ids[MESSAGE])}${eol}  severity: ${results.value(ids[SEVERITY])}${eol}${refBlock}${fieldBlock}${fileBlock}`);
  }
}

/** A string double-quoted (JSON's escapes are YAML's), a number as it is. */
function yamlValue(value: string | number): string {
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/** Whether the ids in [from, from + count) are the same in both. */
function sameIds(ids: Int32Array, other: Int32Array, from: number, count: number): boolean {
  for (let slot = from; slot < from + count; slot++) if (ids[slot] !== other[slot]) return false;
  return true;
}

/** The results as one block YAML string. */
export function resultsYaml(results: ResultLog, wrapInKey: boolean, eol = '\n'): string {
  const parts: string[] = [];
  writeResultsYaml(results, wrapInKey, eol, (chunk) => parts.push(chunk));
  return parts.join('');
}
