import { ABSENT, FIELD_CURRENT, FIELD_PATH, FIELD_PROPOSED, FILE_INDEX, FILE_PATH, MESSAGE, REF_API_VERSION, REF_KIND, REF_NAME, REF_NAMESPACE, ResultLog, SEVERITY } from './result-log';

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
  const quoted: string[] = [];
  const quote = (id: number): string => quoted[id] ?? (quoted[id] = JSON.stringify(results.value(id)));
  /** `    name: value` for the id in `slot` of the result at `index`, or nothing when it is absent. */
  const line = (index: number, slot: number, name: string): string => {
    const id = results.id(index, slot);
    if (id === ABSENT) return '';
    const value = results.value(id);
    return `    ${name}: ${typeof value === 'number' ? value : quote(id)}${eol}`;
  };
  let refBlock = '';
  let fileBlock = '';
  for (let i = 0; i < results.length; i++) {
    if (i === 0 || !results.sameOrigin(i, i - 1)) {
      refBlock = results.id(i, REF_API_VERSION) === ABSENT ? '' : `  resourceRef:${eol}${line(i, REF_API_VERSION, 'apiVersion')}${line(i, REF_KIND, 'kind')}${line(i, REF_NAME, 'name')}${line(i, REF_NAMESPACE, 'namespace')}`;
      fileBlock = results.id(i, FILE_PATH) === ABSENT ? '' : `  file:${eol}${line(i, FILE_PATH, 'path')}${line(i, FILE_INDEX, 'index')}`;
    }
    const fieldBlock = results.id(i, FIELD_PATH) === ABSENT ? '' : `  field:${eol}${line(i, FIELD_PATH, 'path')}${line(i, FIELD_CURRENT, 'currentValue')}${line(i, FIELD_PROPOSED, 'proposedValue')}`;
    write(`- message: ${quote(results.id(i, MESSAGE))}${eol}  severity: ${results.value(results.id(i, SEVERITY))}${eol}${refBlock}${fieldBlock}${fileBlock}`);
  }
}

/** The results as one block YAML string. */
export function resultsYaml(results: ResultLog, wrapInKey: boolean, eol = '\n'): string {
  const parts: string[] = [];
  writeResultsYaml(results, wrapInKey, eol, (chunk) => parts.push(chunk));
  return parts.join('');
}
