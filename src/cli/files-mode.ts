import { accessSync, constants, readFileSync } from 'fs';
import { dirname } from 'path';
import { FilesAction } from './args';
import { Outcome, shownResults } from './outcome';
import { applyEdits, EditList } from '../output/edits';
import { formatProblem, InputError, Problem } from '../problem';
import { IncomingRef } from '../match/decide';
import { FieldDecider } from '../match/field-decider';
import { hasMarkerText } from '../markers/prescreen';
import { resultsYaml } from '../output/results';
import { ResultLog } from '../output/result-log';
import { updateStream } from '../update/stream';
import { decodeYamlInput } from '../yaml/input-text';
import { collectFiles, fileError, FoundFile } from '../files/walk';
import { removeTempFiles, replaceFile } from '../files/atomic-write';
import { unifiedDiff } from '../files/unified-diff';

/** A file the run changes: its text and the edits. */
interface ChangedFile {
  file: FoundFile;
  source: string;
  edits: EditList;
}

/** What deciding every file gave: the changed files, and the input errors (then nothing is written). */
interface Decisions {
  changed: ChangedFile[];
  fields: number;
  errors: string[];
}

/** A file read, when it has marker text: the others are neither decoded nor parsed. */
interface MarkedFile {
  file: FoundFile;
  bytes: Buffer;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The summary of a run, as a YAML comment line: `# 7 fields updated in 5 files, 1 warning`. */
export function summaryLine(fields: number, files: number, warnings: number, wouldBe: boolean): string {
  const counts = `${plural(fields, 'field')} ${wouldBe ? 'would be updated' : 'updated'} in ${plural(files, 'file')}`;
  return `# ${counts}${warnings > 0 ? `, ${plural(warnings, 'warning')}` : ''}\n`;
}

/** Reads every file and keeps those with marker text. */
function readMarkedFiles(files: readonly FoundFile[]): MarkedFile[] {
  const marked: MarkedFile[] = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file.realPath);
    } catch (error) {
      throw fileError(error as NodeJS.ErrnoException).withInput(file.path);
    }
    if (hasMarkerText(bytes)) marked.push({ file, bytes });
  }
  return marked;
}

/** Decides every marked file; its results go to `results`, named by the file's path. */
function decideFiles(marked: readonly MarkedFile[], refs: readonly IncomingRef[], results: ResultLog): Decisions {
  const decisions: Decisions = { changed: [], fields: 0, errors: [] };
  const decider = new FieldDecider(refs);
  for (const { file, bytes } of marked) {
    try {
      const source = decodeYamlInput(bytes);
      const edits = updateStream(source, refs, results, { name: file.path, file: file.path }, decider);
      if (edits.length === 0) continue;
      decisions.fields += edits.length;
      decisions.changed.push({ file, source, edits });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      decisions.errors.push(formatProblem(error.withInput(file.path)));
    }
  }
  return decisions;
}

/** Why a changed file could not be written, checked before any is: its own and its directory's write permission. */
function unwritableReason(file: FoundFile): Problem | null {
  for (const path of [file.realPath, dirname(file.realPath)]) {
    try {
      accessSync(path, constants.W_OK);
    } catch (error) {
      const { code } = error as NodeJS.ErrnoException;
      const what = path === file.realPath ? 'the file' : 'its directory';
      const problem = code === 'EROFS' ? `cannot be written: ${what} is on a read-only file system` : `cannot be written: no permission to write ${what} (${code})`;
      return { code: 'NOT_WRITABLE', problem, place: { input: file.path } };
    }
  }
  return null;
}

function writtenSoFar(written: readonly string[]): string {
  return written.length === 0 ? 'no file was written' : `written before, each whole: ${written.join(', ')}`;
}

/**
 * Writes the changed files one after the other, stopping at the first that fails. A SIGINT or
 * SIGTERM removes the temporary file being written, says which files were written, and ends the
 * run by that signal.
 */
async function writeFiles(changed: readonly ChangedFile[]): Promise<Problem | null> {
  const written: string[] = [];
  const onSignal = (signal: NodeJS.Signals): void => {
    removeTempFiles();
    process.stderr.write(`image-ref-updater: interrupted by ${signal}; ${writtenSoFar(written)}\n`);
    process.removeListener('SIGINT', onSignal).removeListener('SIGTERM', onSignal);
    process.kill(process.pid, signal);
  };
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  try {
    for (const { file, source, edits } of changed) {
      try {
        await replaceFile(file.realPath, Buffer.from(applyEdits(source, edits), 'utf8'));
      } catch (error) {
        return { code: 'WRITE_FAILED', problem: `not written: ${(error as Error).message}; ${writtenSoFar(written)}`, place: { input: file.path } };
      }
      written.push(file.path);
    }
    return null;
  } finally {
    process.removeListener('SIGINT', onSignal).removeListener('SIGTERM', onSignal);
  }
}

function countWarnings(results: ResultLog): number {
  let warnings = 0;
  for (const result of results) if (result.severity === 'warning') warnings++;
  return warnings;
}

/**
 * Files and directories in place (SPEC §8): every file is read and decided before any is written;
 * an input error in any file means nothing is written. `tune` sets the engine for the marked inputs.
 */
export async function runFiles(action: FilesAction, paths: readonly string[], refs: readonly IncomingRef[], results: ResultLog, quiet: boolean, tune: (inputs: readonly Uint8Array[]) => void): Promise<Outcome> {
  const marked = readMarkedFiles(collectFiles(paths));
  tune(marked.map(({ bytes }) => bytes));
  const { changed, fields, errors } = decideFiles(marked, refs, results);
  if (errors.length > 0) return { stdout: '', stderr: errors.map((error) => `image-ref-updater: ${error}\n`).join('') + '# nothing written: fix the input errors above\n', exitCode: 1 };
  const shown = shownResults(results, quiet);
  const resultsText = shown.length > 0 ? resultsYaml(shown, false) : '';
  const summary = summaryLine(fields, changed.length, countWarnings(results), action !== 'write');
  if (action === 'list') return { stdout: changed.map(({ file }) => `${file.path}\n`).join(''), stderr: resultsText + summary, exitCode: 0 };
  if (action === 'diff') return { stdout: changed.map(({ file, source, edits }) => unifiedDiff(file.path, source, edits)).join(''), stderr: resultsText + summary, exitCode: 0 };
  const unwritable = changed.flatMap(({ file }) => {
    const reason = unwritableReason(file);
    return reason === null ? [] : [`image-ref-updater: ${formatProblem(reason)}\n`];
  });
  if (unwritable.length > 0) return { stdout: '', stderr: resultsText + unwritable.join('') + '# nothing written\n', exitCode: 1 };
  const failure = await writeFiles(changed);
  if (failure !== null) return { stdout: '', stderr: resultsText + `image-ref-updater: ${formatProblem(failure)}\n`, exitCode: 1 };
  return { stdout: '', stderr: resultsText + summary, exitCode: 0 };
}
