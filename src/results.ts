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
  return {
    message,
    severity,
    ...(origin.resourceRef && { resourceRef: origin.resourceRef }),
    ...(field && { field }),
    ...(origin.file && { file: origin.file }),
  };
}

export function hasError(results: readonly Result[]): boolean {
  return results.some((result) => result.severity === 'error');
}

/** One result as block YAML lines, strings double-quoted (JSON's escapes are YAML's). */
function resultLines(result: Result): string[] {
  const lines = [`- message: ${JSON.stringify(result.message)}`, `  severity: ${result.severity}`];
  const block = (key: string, fields: object | undefined): void => {
    if (fields === undefined) return;
    lines.push(`  ${key}:`);
    for (const [name, value] of Object.entries(fields)) {
      if (value !== undefined) lines.push(`    ${name}: ${typeof value === 'number' ? value : JSON.stringify(value)}`);
    }
  };
  block('resourceRef', result.resourceRef);
  block('field', result.field);
  block('file', result.file);
  return lines;
}

/**
 * Results as block YAML, the way kpt writes and reads them (block style, so that `[0]` in a field
 * path is never inside a flow mapping). `wrapInKey` gives `results:` followed by the list.
 */
export function resultsYaml(results: readonly Result[], wrapInKey: boolean, eol = '\n'): string {
  const lines = results.flatMap(resultLines);
  if (wrapInKey) lines.unshift(results.length === 0 ? 'results: []' : 'results:');
  return lines.length === 0 ? '' : lines.join(eol) + eol;
}
