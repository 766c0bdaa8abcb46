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
 * `results:`. The resourceRef and file blocks are made once for a run of results about one
 * resource, which share those objects.
 */
export function writeResultsYaml(results: Iterable<Result>, wrapInKey: boolean, eol: string, write: (chunk: string) => void): void {
  const line = (name: string, value: string | number | undefined): string => (value === undefined ? '' : `    ${name}: ${yamlValue(value)}${eol}`);
  let ref: ResourceRef | undefined;
  let refBlock = '';
  let file: FileRef | undefined;
  let fileBlock = '';
  let empty = true;
  for (const result of results) {
    if (empty && wrapInKey) write(`results:${eol}`);
    empty = false;
    if (result.resourceRef !== ref) {
      ref = result.resourceRef;
      refBlock = ref === undefined ? '' : `  resourceRef:${eol}${line('apiVersion', ref.apiVersion)}${line('kind', ref.kind)}${line('name', ref.name)}${line('namespace', ref.namespace)}`;
    }
    if (result.file !== file) {
      file = result.file;
      fileBlock = file === undefined ? '' : `  file:${eol}${line('path', file.path)}${line('index', file.index)}`;
    }
    const { field } = result;
    const fieldBlock = field === undefined ? '' : `  field:${eol}${line('path', field.path)}${line('currentValue', field.currentValue)}${line('proposedValue', field.proposedValue)}`;
    write(`- message: ${yamlValue(result.message)}${eol}  severity: ${result.severity}${eol}${refBlock}${fieldBlock}${fileBlock}`);
  }
  if (empty && wrapInKey) write(`results: []${eol}`);
}

/** A string double-quoted (JSON's escapes are YAML's), a number as it is. */
function yamlValue(value: string | number): string {
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/** The results as one block YAML string. */
export function resultsYaml(results: Iterable<Result>, wrapInKey: boolean, eol = '\n'): string {
  const parts: string[] = [];
  writeResultsYaml(results, wrapInKey, eol, (chunk) => parts.push(chunk));
  return parts.join('');
}
