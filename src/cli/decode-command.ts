import { ResultLog } from '../output/result-log';
import { resultsYaml } from '../output/results';
import { formatProblem, InputError } from '../problem';
import { eventReferences } from './event-source';
import { errorOutcome, Outcome } from './outcome';

interface DecodeArguments {
  file: string;
  format: string;
  output: 'list' | 'lines';
}

const DECODE_USAGE = 'usage: image-ref-updater decode [--event-format NAME|auto] [--output list|lines] [FILE|-]';

function parseDecodeArguments(args: readonly string[]): DecodeArguments | string {
  const parsed: DecodeArguments = { file: '-', format: 'auto', output: 'list' };
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const [name, inline] = args[i].startsWith('--') && args[i].includes('=') ? [args[i].slice(0, args[i].indexOf('=')), args[i].slice(args[i].indexOf('=') + 1)] : [args[i], undefined];
    if (name !== '--event-format' && name !== '--output') {
      if (name.startsWith('-') && name !== '-') return `unknown option ${name} for decode; ${DECODE_USAGE}`;
      files.push(name);
      continue;
    }
    const value = inline ?? args[++i];
    if (value === undefined || value === '') return `${name} needs a value; ${DECODE_USAGE}`;
    if (name === '--event-format') parsed.format = value;
    else if (value === 'list' || value === 'lines') parsed.output = value;
    else return `--output ${JSON.stringify(value)} is not list or lines`;
  }
  if (files.length > 1) return `decode reads one payload, got ${files.length} files; ${DECODE_USAGE}`;
  parsed.file = files[0] ?? '-';
  return parsed;
}

/** Whether `decode` with these arguments reads the payload from stdin. */
export function decodeReadsStdin(args: readonly string[]): boolean {
  const parsed = parseDecodeArguments(args);
  return typeof parsed !== 'string' && parsed.file === '-';
}

/** The references as a functionConfig that kpt accepts (it requires a name), or one a line. */
function formatReferences(references: readonly string[], output: DecodeArguments['output']): string {
  if (output === 'lines') return references.map((reference) => `${reference}\n`).join('');
  const items = references.length === 0 ? 'items: []\n' : `items:\n${references.map((reference) => `- ${JSON.stringify(reference)}\n`).join('')}`;
  return `apiVersion: kobold/v1alpha3\nkind: List\nmetadata:\n  name: image-refs\n${items}`;
}

/**
 * `image-ref-updater decode [--event-format NAME] [--output list|lines] [FILE|-]`: a registry's
 * payload to the image references it announces, for `kpt fn eval --fn-config` and scripts.
 */
export function runDecode(args: readonly string[], readPayload: (file: string) => Uint8Array): Outcome {
  const parsed = parseDecodeArguments(args);
  if (typeof parsed === 'string') return errorOutcome(parsed);
  try {
    const { imageRefs, warnings, formatLine } = eventReferences(readPayload(parsed.file), parsed.file, parsed.format);
    const results = new ResultLog();
    results.addAll(warnings);
    return { stdout: formatReferences(imageRefs, parsed.output), stderr: formatLine + (results.length > 0 ? resultsYaml(results, false) : ''), exitCode: 0 };
  } catch (error) {
    if (error instanceof InputError) return errorOutcome(formatProblem(error));
    throw error;
  }
}
