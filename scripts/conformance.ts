/**
 * Conformance against kobold's recorded decisions in ../shared/parity (see its README): every line
 * of match.jsonl, parse.jsonl and handler.sample.jsonl through the real code. Closes with
 * `N passed, N failed, N skipped` and exits 1 on any failure.
 */
import { existsSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { checkHandlerCase, HandlerRow } from './conformance/handler';
import { checkMatchCase, MatchRow } from './conformance/match';
import { checkParseCase, ParseRow } from './conformance/parse';

const PARITY_DIR = resolve(process.argv[2] ?? join(__dirname, '..', '..', 'shared', 'parity'));
const SHOWN_FAILURES = 20;

function readRows<T>(file: string): T[] {
  return readFileSync(join(PARITY_DIR, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

interface Tally {
  passed: number;
  failed: string[];
  skipped: number;
}

function tally<T>(file: string, check: (row: T) => 'passed' | 'skipped' | string): Tally {
  const result: Tally = { passed: 0, failed: [], skipped: 0 };
  for (const row of readRows<T>(file)) {
    const verdict = check(row);
    if (verdict === 'passed') result.passed++;
    else if (verdict === 'skipped') result.skipped++;
    else result.failed.push(verdict);
  }
  console.log(`${file}: ${result.passed} passed, ${result.failed.length} failed${result.skipped ? `, ${result.skipped} skipped (X: not expressible on one YAML line)` : ''}`);
  result.failed.slice(0, SHOWN_FAILURES).forEach((failure) => console.log(`  FAIL ${failure}`));
  if (result.failed.length > SHOWN_FAILURES) console.log(`  ... and ${result.failed.length - SHOWN_FAILURES} more`);
  return result;
}

function main(): number {
  if (!existsSync(PARITY_DIR)) {
    console.error(`conformance: no parity folder at ${PARITY_DIR}`);
    return 1;
  }
  const tallies = [
    tally<MatchRow>('match.jsonl', (row) => checkMatchCase(row) ?? 'passed'),
    tally<ParseRow>('parse.jsonl', (row) => checkParseCase(row) ?? 'passed'),
    tally<HandlerRow>('handler.sample.jsonl', (row) => {
      const verdict = checkHandlerCase(row);
      return verdict.status === 'failed' ? verdict.reason : verdict.status;
    }),
  ];
  const passed = tallies.reduce((sum, t) => sum + t.passed, 0);
  const failed = tallies.reduce((sum, t) => sum + t.failed.length, 0);
  const skipped = tallies.reduce((sum, t) => sum + t.skipped, 0);
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
  return failed === 0 ? 0 : 1;
}

process.exitCode = main();
