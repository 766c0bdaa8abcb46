import { applyEdits } from './output/edits';
import { checkImageRefs } from './krm/fn-config';
import { formatProblem, InputError } from './problem';
import { checkYamlText } from './yaml/input-text';
import { Result } from './output/results';
import { ResultLog } from './output/result-log';
import { updateStream } from './update/stream';

export type { Result, Severity, ResourceRef, FieldRef, FileRef } from './output/results';

export interface ImageRefUpdate {
  /** The input with only the changed scalars replaced; the input itself when there is an error. */
  output: string;
  results: Result[];
}

/**
 * Updates the marked image references in a YAML stream (one or more documents) from a list of new
 * image references. Errors in the input come back as an `error` result with the input unchanged.
 * `file` names the stream in results and messages; without it, messages call it `input`.
 */
export function updateImageRefs(yamlText: string, imageRefs: readonly string[], file?: string): ImageRefUpdate {
  const { refs, warnings } = checkImageRefs(imageRefs);
  const name = file ?? 'input';
  try {
    checkYamlText(yamlText);
    const results = new ResultLog();
    results.addAll(warnings);
    const edits = updateStream(yamlText, refs, results, { name, file });
    return { output: applyEdits(yamlText, edits), results: [...results] };
  } catch (error) {
    if (error instanceof InputError) return { output: yamlText, results: [...warnings, { severity: 'error', message: formatProblem(error.withInput(name)) }] };
    throw error;
  }
}
