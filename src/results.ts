import { stringify } from 'yaml';

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

/**
 * Results as block YAML, every string double-quoted and no anchors for repeated objects, the way
 * kpt reads them. `wrapInKey` gives `results:` followed by the list.
 */
export function resultsYaml(results: readonly Result[], wrapInKey: boolean): string {
  return stringify(wrapInKey ? { results } : results, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0, indentSeq: false, aliasDuplicateObjects: false });
}
