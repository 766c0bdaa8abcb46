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

export function hasError(results: readonly Result[]): boolean {
  return results.some((result) => result.severity === 'error');
}

/** One result as block YAML, strings double-quoted (JSON's escapes are YAML's). */
function resultYaml(result: Result, eol: string): string {
  let yaml = `- message: ${JSON.stringify(result.message)}${eol}  severity: ${result.severity}${eol}`;
  const block = (key: string, fields: object | undefined): void => {
    if (fields === undefined) return;
    yaml += `  ${key}:${eol}`;
    for (const [name, value] of Object.entries(fields)) {
      if (value !== undefined) yaml += `    ${name}: ${typeof value === 'number' ? value : JSON.stringify(value)}${eol}`;
    }
  };
  block('resourceRef', result.resourceRef);
  block('field', result.field);
  block('file', result.file);
  return yaml;
}

/**
 * Writes results as block YAML, the way kpt writes and reads them (block style, so that `[0]` in a
 * field path is never inside a flow mapping), one result at a time. `wrapInKey` starts with
 * `results:`.
 */
export function writeResultsYaml(results: readonly Result[], wrapInKey: boolean, eol: string, write: (chunk: string) => void): void {
  if (wrapInKey) write(results.length === 0 ? `results: []${eol}` : `results:${eol}`);
  for (const result of results) write(resultYaml(result, eol));
}

/** The results as one block YAML string. */
export function resultsYaml(results: readonly Result[], wrapInKey: boolean, eol = '\n'): string {
  const parts: string[] = [];
  writeResultsYaml(results, wrapInKey, eol, (chunk) => parts.push(chunk));
  return parts.join('');
}
