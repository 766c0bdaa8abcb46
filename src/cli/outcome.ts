import { EditedOutput } from '../output/edits';
import { ResultLog } from '../output/result-log';

/** An input with edits, to be written piece by piece. */
export interface EditedInput {
  source: string;
  /** Whether the source is all ASCII. */
  ascii: boolean;
  write: (output: EditedOutput) => void;
}

/** What a run prints and how it ends. */
export interface Outcome {
  stdout: string | Uint8Array | EditedInput;
  stderr: string;
  exitCode: number;
}

export function errorOutcome(message: string, stdout: string | Uint8Array = ''): Outcome {
  return { stdout, stderr: `image-ref-updater: ${message}\n`, exitCode: 1 };
}

/** The results to print: all, or with `quiet` only warnings and errors. */
export function shownResults(results: ResultLog, quiet: boolean): ResultLog {
  if (!quiet) return results;
  const shown = new ResultLog();
  for (const result of results) if (result.severity !== 'info') shown.add(result);
  return shown;
}
