/**
 * parse.jsonl parity: our reference parsing against what kobold's Go code recorded for the same
 * string (see /work/shared/parity/README.md).
 */
import { IncomingParse, newTag, parseImageRefWithDigest, parseReference, RefParse } from '../../src/match/reference';

/** One Go result as recorded; `kind` and `digest` are left out when empty. */
export interface GoRefResult {
  ok: boolean;
  kind?: 'tag' | 'digest';
  name: string;
  contextName: string;
  registry: string;
  repository: string;
  identifier: string;
  digest?: string;
  error: string;
}

export interface ParseRow {
  id: string;
  family: string;
  ref: string;
  parseReference: GoRefResult;
  newTagStrict: GoRefResult;
  parseImageRefWithDigest: GoRefResult;
}

const FIELDS = ['ok', 'kind', 'name', 'contextName', 'registry', 'repository', 'identifier', 'digest'] as const;

type Field = (typeof FIELDS)[number];

/** Null when our three parses agree with the row, else the first difference on one line. */
export function checkParseCase(row: ParseRow): string | null {
  const incoming = parseImageRefWithDigest(row.ref, 'strict');
  const checks: [keyof ParseRow, GoRefResult, GoRefResult][] = [
    ['parseReference', row.parseReference, fromRefParse(parseReference(row.ref))],
    ['newTagStrict', row.newTagStrict, fromRefParse(newTag(row.ref, 'strict'))],
    ['parseImageRefWithDigest', row.parseImageRefWithDigest, fromIncomingParse(incoming)],
  ];
  for (const [fn, expected, actual] of checks) {
    const field = FIELDS.find((f) => value(expected, f) !== value(actual, f));
    if (field !== undefined) {
      return `${row.id} ${fn}(${JSON.stringify(row.ref)}).${field}: expected ${JSON.stringify(value(expected, field))}, got ${JSON.stringify(value(actual, field))}`;
    }
    if (!sameError(expected.error, actual.error)) {
      return `${row.id} ${fn}(${JSON.stringify(row.ref)}).error: expected ${JSON.stringify(expected.error)}, got ${JSON.stringify(actual.error)}`;
    }
  }
  return null;
}

function value(result: GoRefResult, field: Field): string | boolean {
  return result[field] ?? '';
}

/**
 * Go's `ParseReference` used the input as a printf format, so an input with `%` comes back with
 * artefacts such as `%!d(MISSING)` in place of `%-5d` (or `%` for `%%`). Those replace what they
 * stand for beyond recovery, so the recorded text is compared with ours as that format renders it.
 */
function sameError(expected: string, actual: string): boolean {
  return expected === actual || expected === sprintfWithoutArguments(actual);
}

function fromRefParse(parse: RefParse): GoRefResult {
  return parse.ok ? { ok: true, ...parse.value, error: '' } : failure(parse.error);
}

function fromIncomingParse(parse: IncomingParse): GoRefResult {
  return parse.ok ? { ok: true, ...parse.value.ref, digest: parse.value.digest, error: '' } : failure(parse.error);
}

function failure(error: string): GoRefResult {
  return { ok: false, name: '', contextName: '', registry: '', repository: '', identifier: '', error };
}

/** Go's `fmt.Sprintf(format)` with no arguments: fmt's doPrintf when every verb lacks its operand. */
function sprintfWithoutArguments(format: string): string {
  const end = format.length;
  let out = '';
  let i = 0;
  for (;;) {
    const percent = format.indexOf('%', i);
    if (percent < 0) return out + format.slice(i);
    out += format.slice(i, percent);
    i = percent + 1;
    while (i < end && '#0+- '.includes(format[i])) i++;
    let goodArgNum = true;
    let afterIndex = false;
    // An explicit argument index `[n]` can never name one of zero operands.
    const argumentIndex = (): void => {
      if (format[i] !== '[') return;
      goodArgNum = false;
      const close = end - i < 3 ? -1 : format.indexOf(']', i);
      if (close < 0) {
        afterIndex = false;
        i++;
      } else {
        const index = parseNumber(format, i + 1, close);
        afterIndex = index.isNumber && index.next === close;
        i = close + 1;
      }
    };
    argumentIndex();
    if (format[i] === '*') {
      i++;
      out += '%!(BADWIDTH)';
      afterIndex = false;
    } else {
      const width = parseNumber(format, i, end);
      i = width.next;
      if (afterIndex && width.isNumber) goodArgNum = false;
    }
    if (i + 1 < end && format[i] === '.') {
      i++;
      if (afterIndex) goodArgNum = false;
      argumentIndex();
      if (format[i] === '*') {
        i++;
        out += '%!(BADPREC)';
        afterIndex = false;
      } else {
        i = parseNumber(format, i, end).next;
      }
    }
    if (!afterIndex) argumentIndex();
    if (i >= end) return out + '%!(NOVERB)';
    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;
    out += verb === '%' ? '%' : `%!${verb}(${goodArgNum ? 'MISSING' : 'BADINDEX'})`;
  }
}

/** fmt's parsenum: decimal digits from `start`; a number past 1e6 gives up and jumps to `end`. */
function parseNumber(s: string, start: number, end: number): { isNumber: boolean; next: number } {
  let num = 0;
  let next = start;
  for (; next < end && s[next] >= '0' && s[next] <= '9'; next++) {
    if (num > 1e6) return { isNumber: false, next: end };
    num = num * 10 + Number(s[next]);
  }
  return { isNumber: next > start, next };
}
