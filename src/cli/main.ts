import { fstatSync, readFileSync, readSync, statSync } from 'fs';
import { applyEdits, EditedOutput } from '../output/edits';
import { engineFlagsFor, SHORT_RUN_MARKERS } from './engine-flags';
import { FdOutput, writeAllSync } from './fd-output';
import { checkImageRefs, loadFunctionConfig } from '../krm/fn-config';
import { InputError } from '../input-error';
import { decodeYamlBytes, decodeYamlInput, DecodedInput } from '../yaml/input-text';
import { yamlLibrary } from '../lazy';
import { liteToJs } from '../yaml/lite-tree';
import { MARKER_HINT } from '../markers/marker';
import { countOccurrences } from '../markers/count-occurrences';
import { runResourceList } from '../krm/resource-list';
import { resultsYaml } from '../output/results';
import { ResultLog } from '../output/result-log';
import { readSimpleYaml } from '../yaml/fast-reader';
import { updateStream } from '../update/stream';

const USAGE = `image-ref-updater: update container image references marked with "# kobold:" comments.

Usage:
  image-ref-updater                        KRM function: a ResourceList on stdin, the updated one on stdout
  image-ref-updater FN_CONFIG [FILE...|-]  standalone: update YAML files (or stdin) and print them;
                                           results go to stderr
  image-ref-updater --help | --version

Mark a field, then pass the new image references in the functionConfig:
  image: my.org/amazing/app:1.0.0 # kobold: tag: ^1; type: semver
  tag: "1.0" # kobold: tag: ^1; type: semver; part: tag; context: docker.io/library/busybox

Markers also work inside a literal block scalar that holds YAML, such as Helm values as a string;
results name such a field OUTER|inner, and kobold/markers rules reach inside with the same path:
  # an Argo CD Application
  spec:
    source:
      helm:
        values: |
          image:
            tag: v1.0.0 # kobold: tag: ^1; type: semver; part: tag; context: my.org/amazing/app
  # a ConfigMap whose values a Flux HelmRelease reads (valuesFrom)
  data:
    values.yaml: |
      image: my.org/amazing/app:v1.0.0 # kobold: tag: ^1; type: semver
  # the Application's rule as a kobold/markers annotation line
  spec.source.helm.values|image.tag: tag: ^1; type: semver; part: tag; context: my.org/amazing/app

functionConfig kinds: kobold/v1alpha3 List (items: [REF...]), kobold/v1alpha3 ImageRefUpdater (the
same, for kustomize), v1 ConfigMap (data.images: "REF1,REF2").

Examples:
  kpt fn eval PKG --exec image-ref-updater --fn-config fn-config.yaml
  kpt fn eval PKG --exec image-ref-updater -- images=my.org/amazing/app:v1.2.3
  kpt fn render PKG --allow-exec          (Kptfile pipeline: mutators: - exec: image-ref-updater)
  kustomize build DIR --enable-alpha-plugins --enable-exec
                                          (transformers: a kobold/v1alpha3 ImageRefUpdater with
                                           config.kubernetes.io/function exec, and kobold/markers
                                           annotations, since kustomize drops comments)
  docker run -i --rm IMAGE < resource-list.yaml > out.yaml
  image-ref-updater fn-config.yaml deploy/*.yaml > updated.yaml

Exit status: 0 when the run worked (warnings included), 1 on any error.`;

function packageVersion(): string {
  return (JSON.parse(readFileSync(`${__dirname}/../package.json`, 'utf8')) as { version: string }).version;
}

/** An input with edits, to be written piece by piece. */
interface EditedInput {
  source: string;
  /** Whether the source is all ASCII. */
  ascii: boolean;
  write: (output: EditedOutput) => void;
}

/** What a run prints and how it ends. */
interface Outcome {
  stdout: string | Uint8Array | EditedInput;
  stderr: string;
  exitCode: number;
}

function errorOutcome(message: string, stdout: string | Uint8Array = ''): Outcome {
  return { stdout, stderr: `image-ref-updater: ${message}\n`, exitCode: 1 };
}

/**
 * Stdin's bytes until a run takes them: KRM mode decodes them and lets them go, so that a large
 * input is not held twice, as bytes and as text, while it is processed.
 */
class StdinBytes {
  constructor(private bytes: Buffer | undefined) {}

  /** The bytes, kept for a later look (standalone mode may name `-` twice). */
  get(): Buffer {
    if (this.bytes === undefined) throw new Error('stdin was already taken');
    return this.bytes;
  }

  /**
   * The bytes decoded, for the last time. Decoded here, so that no frame of the run that follows
   * holds them in a temporary.
   */
  decodeOnce(): DecodedInput {
    const decoded = decodeYamlBytes(this.get(), 'stdin');
    this.bytes = undefined;
    return decoded;
  }
}

/**
 * Reads all of stdin: a regular file in one read of its size, a pipe synchronously while it can
 * (no stream machinery to start) and as a stream when it is non-blocking (as kpt gives it) and a
 * read says EAGAIN.
 */
async function readStdin(): Promise<StdinBytes> {
  const stat = fstatSync(0);
  const chunks: Buffer[] = [];
  for (;;) {
    const chunk = Buffer.allocUnsafe(stat.isFile() && chunks.length === 0 ? Math.max(stat.size, 1) : 1 << 20);
    let read: number;
    try {
      read = readSync(0, chunk, 0, chunk.length, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      for await (const rest of process.stdin) chunks.push(rest as Buffer);
      break;
    }
    if (read === 0) break;
    chunks.push(chunk.subarray(0, read));
  }
  // Wrapped here: the bytes must be reachable from the StdinBytes alone, not from this promise's value.
  return new StdinBytes(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
}

/** Whether stdin is a terminal; only a character device can be one, and loading `tty` costs start-up time. */
function stdinIsTerminal(): boolean {
  return fstatSync(0).isCharacterDevice() && (require('tty') as typeof import('tty')).isatty(0);
}

function readInput(file: string, stdin: StdinBytes | undefined): Uint8Array {
  if (file === '-') {
    if (stdin === undefined) throw new InputError('expected YAML on stdin, which is a terminal', 'stdin');
    return stdin.get();
  }
  if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) throw new InputError('is a directory, expected a YAML file', file);
  return readFileSync(file);
}

/** Sets the V8 flags that suit a run on these inputs (engine-flags.ts). */
function tuneEngineFor(inputs: ReadonlyArray<string | Uint8Array>): void {
  let length = 0;
  let markerTexts = 0;
  for (const input of inputs) {
    length += input.length;
    markerTexts += countOccurrences(input, MARKER_HINT, SHORT_RUN_MARKERS + 1);
  }
  const flags = engineFlagsFor(length, markerTexts);
  if (flags.length > 0) (require('v8') as typeof import('v8')).setFlagsFromString(flags.join(' '));
}

/** KRM mode: ResourceList in, ResourceList out. Input that is no ResourceList gives no output. */
function runKrm(stdin: StdinBytes): Outcome {
  const { text: source, ascii } = stdin.decodeOnce();
  tuneEngineFor([source]);
  const run = runResourceList(source);
  // Only a run with an error reads its results back here: it has no results about fields.
  const errors = run.hasError ? run.results.filter((result) => result.severity === 'error').map((result) => `image-ref-updater: ${result.message}\n`) : [];
  return { stdout: { source, ascii, write: run.write }, stderr: errors.join(''), exitCode: run.hasError ? 1 : 0 };
}

/** A YAML document as plain values: by the simple reader when it can, else by the yaml library. */
function readYamlDocument(text: string): unknown {
  const simple = readSimpleYaml(text, 0, text.length, false);
  return simple === null ? yamlLibrary().parse(text) : liteToJs(simple);
}

function loadConfigFile(file: string, stdin: StdinBytes | undefined): string[] {
  let config: unknown;
  try {
    config = readYamlDocument(decodeYamlInput(readInput(file, stdin), file));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`not a readable YAML functionConfig: ${(error as Error).message.split('\n')[0]}`, file);
  }
  const loaded = loadFunctionConfig(config);
  if (!loaded.ok) throw new InputError(loaded.error, file);
  return loaded.imageRefs;
}

/**
 * Joins the outputs of several files into one stream. A file that starts a document itself follows
 * as it is; one that starts with directives needs the document before it ended (`...`); any other
 * gets a `---`. A byte-order mark only stays at the very start.
 */
function joinStreams(texts: readonly string[]): string {
  return texts.reduce((joined, file) => {
    if (joined === '') return file;
    const text = file.replace(/^\uFEFF|^\xEF\xBB\xBF/, '');
    const separated = joined.endsWith('\n') ? joined : `${joined}\n`;
    if (/^\uFEFF?%/.test(text)) return /(^|\n)\.\.\.[ \t]*\r?\n$/.test(separated) ? separated + text : `${separated}...\n${text}`;
    return /^\uFEFF?---(\s|$)/.test(text) ? separated + text : `${separated}---\n${text}`;
  }, '');
}

/** Standalone mode: the FILEs (or stdin) updated as plain YAML streams; results on stderr. */
function runStandalone(configFile: string, files: readonly string[], stdin: StdinBytes | undefined): Outcome {
  const inputs = (files.length === 0 ? ['-'] : files).map((file) => ({ file, bytes: readInput(file, stdin) }));
  tuneEngineFor(inputs.map(({ bytes }) => bytes));
  // Joined as latin1, which maps every byte to one character and back: invalid UTF-8 is kept as it came.
  const unchanged = Buffer.from(joinStreams(inputs.map(({ bytes }) => Buffer.from(bytes).toString('latin1'))), 'latin1');
  let imageRefs: string[];
  try {
    imageRefs = loadConfigFile(configFile, stdin);
  } catch (error) {
    if (error instanceof InputError) return errorOutcome(error.message, unchanged);
    throw error;
  }
  const { refs, warnings } = checkImageRefs(imageRefs);
  const results = new ResultLog();
  results.addAll(warnings);
  const outputs: string[] = [];
  try {
    for (const { file, bytes } of inputs) {
      const name = file === '-' ? undefined : file;
      const text = decodeYamlInput(bytes, name ?? 'stdin');
      outputs.push(applyEdits(text, updateStream(text, refs, results, name)));
    }
  } catch (error) {
    if (error instanceof InputError) return errorOutcome(error.message, unchanged);
    throw error;
  }
  return { stdout: joinStreams(outputs), stderr: results.length > 0 ? resultsYaml(results, false) : '', exitCode: 0 };
}

/** Whether a run with these arguments reads stdin: KRM mode, or standalone with `-` or no FILE. */
function readsStdin(args: readonly string[]): boolean {
  if (args.some((arg) => arg.startsWith('-') && arg !== '-')) return false;
  return args.length <= 1 || args.includes('-');
}

function run(args: readonly string[], stdin: StdinBytes | undefined): Outcome {
  if (args.includes('--help') || args.includes('-h')) return { stdout: `${USAGE}\n`, stderr: '', exitCode: 0 };
  if (args.includes('--version')) return { stdout: `${packageVersion()}\n`, stderr: '', exitCode: 0 };
  const unknown = args.find((arg) => arg.startsWith('-') && arg !== '-');
  if (unknown !== undefined) return errorOutcome(`unknown option ${unknown}; see image-ref-updater --help`);
  try {
    if (args.length > 0) return runStandalone(args[0], args.slice(1), stdin);
    if (stdin === undefined) return errorOutcome('expected a ResourceList on stdin; see image-ref-updater --help');
    return runKrm(stdin);
  } catch (error) {
    if (error instanceof InputError) return errorOutcome(error.message);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') return errorOutcome((error as Error).message);
    throw error;
  }
}

function writeStdout(stdout: Outcome['stdout']): void {
  if (typeof stdout === 'string' || stdout instanceof Uint8Array) return writeAllSync(1, stdout);
  const output = new FdOutput(1, stdout.source, stdout.ascii ? 'latin1' : 'utf8');
  stdout.write(output);
  output.flush();
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const outcome = run(args, readsStdin(args) && !stdinIsTerminal() ? await readStdin() : undefined);
  process.exitCode = outcome.exitCode;
  try {
    writeAllSync(2, outcome.stderr);
    writeStdout(outcome.stdout);
  } catch (error) {
    // The reader went away (`| head`): there is no one left to tell.
    if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`image-ref-updater: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
