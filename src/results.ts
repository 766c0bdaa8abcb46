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

/** One field of a nested block, or nothing when it is absent; strings double-quoted (JSON's escapes are YAML's). */
function fieldYaml(name: string, value: string | number | undefined, eol: string): string {
  return value === undefined ? '' : `    ${name}: ${typeof value === 'number' ? value : JSON.stringify(value)}${eol}`;
}

/** The `resourceRef` and `file` blocks, which all results about one resource share. */
function originYaml(ref: ResourceRef | undefined, file: FileRef | undefined, eol: string): { ref: string; file: string } {
  return {
    ref: ref === undefined ? '' : `  resourceRef:${eol}${fieldYaml('apiVersion', ref.apiVersion, eol)}${fieldYaml('kind', ref.kind, eol)}${fieldYaml('name', ref.name, eol)}${fieldYaml('namespace', ref.namespace, eol)}`,
    file: file === undefined ? '' : `  file:${eol}${fieldYaml('path', file.path, eol)}${fieldYaml('index', file.index, eol)}`,
  };
}

/**
 * Renders results one by one: the origin blocks once for a run of results about the same resource,
 * and each string quoted once, since a run's results repeat their messages, paths and values.
 */
function resultsRenderer(eol: string): (result: Result) => string {
  let lastRef: ResourceRef | undefined;
  let lastFile: FileRef | undefined;
  let origin = originYaml(undefined, undefined, eol);
  const quoted = new Map<string, string>();
  const quote = (value: string): string => {
    let text = quoted.get(value);
    if (text === undefined) {
      text = JSON.stringify(value);
      quoted.set(value, text);
    }
    return text;
  };
  return (result) => {
    if (result.resourceRef !== lastRef || result.file !== lastFile) {
      lastRef = result.resourceRef;
      lastFile = result.file;
      origin = originYaml(lastRef, lastFile, eol);
    }
    const field = result.field;
    let fieldBlock = '';
    if (field !== undefined) {
      fieldBlock = `  field:${eol}    path: ${quote(field.path)}${eol}`;
      if (field.currentValue !== undefined) fieldBlock += `    currentValue: ${quote(field.currentValue)}${eol}`;
      if (field.proposedValue !== undefined) fieldBlock += `    proposedValue: ${quote(field.proposedValue)}${eol}`;
    }
    return `- message: ${quote(result.message)}${eol}  severity: ${result.severity}${eol}${origin.ref}${fieldBlock}${origin.file}`;
  };
}

/** Results to write: an array, or a run's compact log (result-log.ts), read by index. */
export type Results = Iterable<Result> & { readonly length: number; at(index: number): Result | undefined };

/**
 * Writes results as block YAML, the way kpt writes and reads them (block style, so that `[0]` in a
 * field path is never inside a flow mapping), one result at a time. `wrapInKey` starts with
 * `results:`.
 */
export function writeResultsYaml(results: Results, wrapInKey: boolean, eol: string, write: (chunk: string) => void): void {
  if (wrapInKey) write(results.length === 0 ? `results: []${eol}` : `results:${eol}`);
  const render = resultsRenderer(eol);
  // Indexed: a generator or iterator costs more than the rendering until it is optimized.
  for (let i = 0; i < results.length; i++) write(render(results.at(i)!));
}

/** The results as one block YAML string. */
export function resultsYaml(results: Results, wrapInKey: boolean, eol = '\n'): string {
  const parts: string[] = [];
  writeResultsYaml(results, wrapInKey, eol, (chunk) => parts.push(chunk));
  return parts.join('');
}
