import { fstatSync, readFileSync, readSync, statSync } from 'fs';
import { applyEdits } from '../output/edits';
import { COMPOSER_FLAGS, engineFlagsFor } from './engine-flags';
import { beforeFirstCompose } from '../yaml/composed-tree';
import { FdOutput, writeAllSync } from './fd-output';
import { checkImageRefs, loadFunctionConfig } from '../krm/fn-config';
import { formatProblem, InputError, inputErrorOf, readingInput } from '../problem';
import { fileError } from '../files/walk';
import { firstYamlError } from '../yaml/cst';
import { decodeYamlBytes, decodeYamlInput, DecodedInput } from '../yaml/input-text';
import { ttyModule, v8Module, yamlLibrary } from '../lazy';
import { holdsAlias, liteToJs } from '../yaml/lite-tree';
import { runResourceList } from '../krm/resource-list';
import { Result, resultsYaml } from '../output/results';
import { ResultLog } from '../output/result-log';
import { readSimpleYaml } from '../yaml/fast-reader';
import { updateStream } from '../update/stream';
import { ACTION_FLAGS, Command, parseCommandLine, readsStdin, RefSource } from './args';
import { errorOutcome, Outcome, shownResults } from './outcome';
import { runFiles } from './files-mode';
import { eventReferences } from './event-source';
import { runDecode } from './decode-command';

const USAGE = `image-ref-updater: update container image references marked with "# kobold:" comments.

Usage:
  image-ref-updater                          KRM function: a ResourceList on stdin, the updated one on stdout
  image-ref-updater FN_CONFIG [FILE...|-]    standalone: update YAML files (or stdin) and print them;
                                             results go to stderr
  image-ref-updater FN_CONFIG -w|-d|-l PATH...
  image-ref-updater --image REF -w|-d|-l PATH...
  image-ref-updater --event PAYLOAD|- -w|-d|-l PATH...
                                             files in place: each PATH is a file or a directory, walked
                                             for *.yaml and *.yml (.git skipped, symbolic links not
                                             followed, .krmignore files read as .gitignore files are)
  image-ref-updater --event PAYLOAD|- [--event-format NAME|auto] [FILE...|-]
                                             standalone, the new references from a registry's webhook
                                             payload (- reads it from stdin, then FILEs are needed)
  image-ref-updater decode [--event-format NAME|auto] [--output list|lines] [PAYLOAD|-]
                                             print a payload's references as a kobold/v1alpha3 List
  image-ref-updater --help | --version

Options:
  -w, --write        rewrite every changed file in place (a temporary file renamed over it)
  -d, --diff         write nothing; print a unified diff (git apply and patch -p1 take it)
  -l, --list         write nothing; print the path of each file that would change
  --image REF        a new image reference instead of FN_CONFIG; repeat it or give REF1,REF2;
                     every positional argument is then a FILE or PATH
  --event PAYLOAD    a registry's webhook payload (a file, or - for stdin) instead of FN_CONFIG:
                     its pushed images are the new references; every positional argument is a
                     FILE or PATH
  --event-format F   the payload's format: auto (the default, by its shape), lines, distribution,
                     dockerhub, harbor, quay, github, gcr, ecr, eventgrid or
                     cloudevents; a JSON array is a batch of events
  --quiet            results: only warnings, errors and the summary

Mark a field, then pass the new image references:
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
  image-ref-updater --image my.org/amazing/app:v1.2.3 --write .
                                          (CI: update a whole checkout, byte for byte)
  image-ref-updater fn-config.yaml --diff deploy/ > update.patch
  kpt fn eval PKG --exec image-ref-updater --fn-config fn-config.yaml
  kpt fn eval PKG --exec image-ref-updater -- images=my.org/amazing/app:v1.2.3
  kpt fn render PKG --allow-exec          (Kptfile pipeline: mutators: - exec: image-ref-updater)
  kustomize build DIR --enable-alpha-plugins --enable-exec
                                          (transformers: a kobold/v1alpha3 ImageRefUpdater with
                                           config.kubernetes.io/function exec, and kobold/markers
                                           annotations, since kustomize drops comments)
  docker run -i --rm IMAGE < resource-list.yaml > out.yaml
  image-ref-updater fn-config.yaml deploy/*.yaml > updated.yaml
  image-ref-updater --event payload.json --write .     (a registry's webhook body, e.g. from a receiver)
  image-ref-updater decode payload.json > image-refs.yaml

Results go to stderr as YAML; with -w, -d and -l a summary follows as a YAML comment line.
Exit status: 0 when the run worked (warnings included, and whether or not -d or -l found changes),
1 on any error.`;

/** Standard input's name in messages. */
const STDIN = 'stdin';

function packageVersion(): string {
  return (JSON.parse(readFileSync(`${__dirname}/../package.json`, 'utf8')) as { version: string }).version;
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
    const decoded = readingInput(STDIN, () => decodeYamlBytes(this.get()));
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
  return fstatSync(0).isCharacterDevice() && ttyModule().isatty(0);
}

/** The name of a FILE argument in messages: `-` is stdin. */
function inputName(file: string): string {
  return file === '-' ? STDIN : file;
}

function readInput(file: string, stdin: StdinBytes | undefined): Uint8Array {
  if (file === '-') {
    if (stdin === undefined) throw new InputError('NO_INPUT', 'expected YAML on stdin, which is a terminal', { input: STDIN });
    return stdin.get();
  }
  if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) throw new InputError('IS_A_DIRECTORY', `is a directory: to update the files in it, give ${ACTION_FLAGS}`, { input: file });
  try {
    return readFileSync(file);
  } catch (error) {
    throw fileError(error as NodeJS.ErrnoException).withInput(file);
  }
}

/** Sets the V8 flags that suit a run on these inputs (engine-flags.ts). */
function tuneEngineFor(inputs: ReadonlyArray<string | Uint8Array>): void {
  let length = 0;
  for (const input of inputs) length += input.length;
  const flags = engineFlagsFor(length);
  if (flags.length === 0) return;
  v8Module().setFlagsFromString(flags.join(' '));
  beforeFirstCompose(() => v8Module().setFlagsFromString(COMPOSER_FLAGS.join(' ')));
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

/** A YAML document as plain values: by the simple reader when it can (no alias to expand), else by the yaml library; its first error at its place. */
function readYamlDocument(text: string): unknown {
  const simple = readSimpleYaml(text, 0, text.length, false);
  if (simple !== null && !holdsAlias(simple)) return liteToJs(simple);
  const doc = yamlLibrary().parseDocument(text);
  const error = firstYamlError(doc, text, 0);
  if (error !== undefined) throw error;
  try {
    return doc.toJS();
  } catch (thrown) {
    throw inputErrorOf(thrown) ?? thrown;
  }
}

function loadConfigFile(file: string, stdin: StdinBytes | undefined): string[] {
  const name = inputName(file);
  const loaded = loadFunctionConfig(readingInput(name, () => readYamlDocument(decodeYamlInput(readInput(file, stdin)))));
  if (!loaded.ok) throw new InputError('INVALID_FUNCTION_CONFIG', loaded.error, { input: name });
  return loaded.value;
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

/** A run's new image references, the warnings of their source, and the line stderr starts with. */
interface LoadedRefs {
  imageRefs: string[];
  warnings: Result[];
  stderrLine: string;
}

/** The new image references of a run, from its one source. */
function loadRefs(source: RefSource, stdin: StdinBytes | undefined): LoadedRefs {
  if (source.kind === 'event') {
    const { imageRefs, warnings, formatLine } = eventReferences(readInput(source.file, stdin), source.file, source.format);
    return { imageRefs, warnings, stderrLine: formatLine };
  }
  return { imageRefs: source.kind === 'fn-config' ? loadConfigFile(source.file, stdin) : source.refs, warnings: [], stderrLine: '' };
}

/** Standalone mode: the FILEs (or stdin) updated as plain YAML streams; results on stderr. */
function runStandalone(source: RefSource, files: readonly string[], quiet: boolean, stdin: StdinBytes | undefined): Outcome {
  const inputs = (files.length === 0 ? ['-'] : files).map((file) => ({ file, bytes: readInput(file, stdin) }));
  tuneEngineFor(inputs.map(({ bytes }) => bytes));
  // Joined as latin1, which maps every byte to one character and back: invalid UTF-8 is kept as it came.
  const unchanged = Buffer.from(joinStreams(inputs.map(({ bytes }) => Buffer.from(bytes).toString('latin1'))), 'latin1');
  let loaded: LoadedRefs;
  try {
    loaded = loadRefs(source, stdin);
  } catch (error) {
    if (error instanceof InputError) return errorOutcome(formatProblem(error), unchanged);
    throw error;
  }
  const { refs, warnings } = checkImageRefs(loaded.imageRefs);
  const results = new ResultLog();
  results.addAll(loaded.warnings);
  results.addAll(warnings);
  const outputs: string[] = [];
  try {
    for (const { file, bytes } of inputs) {
      const name = inputName(file);
      outputs.push(readingInput(name, () => {
        const text = decodeYamlInput(bytes);
        return applyEdits(text, updateStream(text, refs, results, { name, file: file === '-' ? undefined : file }));
      }));
    }
  } catch (error) {
    if (error instanceof InputError) return errorOutcome(formatProblem(error), unchanged);
    throw error;
  }
  const shown = shownResults(results, quiet);
  return { stdout: joinStreams(outputs), stderr: loaded.stderrLine + (shown.length > 0 ? resultsYaml(shown, false) : ''), exitCode: 0 };
}

/** Files in place: the references loaded first (a bad source writes nothing), then the files. */
async function runFilesCommand(command: Extract<Command, { kind: 'files' }>, stdin: StdinBytes | undefined): Promise<Outcome> {
  const loaded = loadRefs(command.source, stdin);
  const { refs, warnings } = checkImageRefs(loaded.imageRefs);
  const results = new ResultLog();
  results.addAll(loaded.warnings);
  results.addAll(warnings);
  const outcome = await runFiles(command.action, command.paths, refs, results, command.quiet, tuneEngineFor);
  return { ...outcome, stderr: loaded.stderrLine + outcome.stderr };
}

async function run(command: Command, stdin: StdinBytes | undefined): Promise<Outcome> {
  if (command.kind === 'help') return { stdout: `${USAGE}\n`, stderr: '', exitCode: 0 };
  if (command.kind === 'version') return { stdout: `${packageVersion()}\n`, stderr: '', exitCode: 0 };
  try {
    if (command.kind === 'decode') return runDecode(command.args, (file) => readInput(file, stdin));
    if (command.kind === 'standalone') return runStandalone(command.source, command.files, command.quiet, stdin);
    if (command.kind === 'files') return await runFilesCommand(command, stdin);
    if (stdin === undefined) return errorOutcome('expected a ResourceList on stdin; see image-ref-updater --help');
    return runKrm(stdin);
  } catch (error) {
    if (error instanceof InputError) return errorOutcome(formatProblem(error));
    // A directory the walk cannot read, or one of its .krmignore files.
    const { code, path } = error as NodeJS.ErrnoException;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' || code === 'ENOTDIR') {
      const problem = fileError(error as NodeJS.ErrnoException);
      return errorOutcome(formatProblem(path === undefined ? problem : problem.withInput(path)));
    }
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
  const parsed = parseCommandLine(process.argv.slice(2));
  const outcome = parsed.ok ? await run(parsed.value, readsStdin(parsed.value) && !stdinIsTerminal() ? await readStdin() : undefined) : errorOutcome(parsed.error);
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
