'use strict';
// The checkout benchmark of `npm run bench`: a tree of 5,000 files in 250 directories, one
// Deployment per file, one file in ten marked. Times `image-ref-updater FN_CONFIG --diff DIR`
// against `kpt fn eval DIR --exec` with the same function and config (`--output unwrap`, so kpt
// writes nothing back) and against the floor, a node process that only walks the tree and reads
// every file (walk-floor.js). `node bench/tree.js` runs it alone.

const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { deploymentDocument, EXPECTED_NEW_LINES, FUNCTION_CONFIG_REFS } = require('./generate');

const ROOT = path.resolve(__dirname, '..');
const FLOOR = path.join(__dirname, 'walk-floor.js');
const DIRECTORIES = 250;
const FILES_PER_DIRECTORY = 20;

/** Writes the tree (once; it is kept in bench/.bench/) and the functionConfig. */
function generateTree(scratch) {
  const tree = path.join(scratch, 'tree');
  const fnConfig = path.join(scratch, 'tree-fn-config.yaml');
  fs.writeFileSync(fnConfig, `apiVersion: kobold/v1alpha3\nkind: List\nmetadata:\n  name: image-refs\nitems:\n${FUNCTION_CONFIG_REFS.map((ref) => `- ${ref}\n`).join('')}`);
  const done = path.join(scratch, 'tree.done');
  let marked = 0;
  for (let index = 0; index < DIRECTORIES * FILES_PER_DIRECTORY; index++) if (index % 10 === 0) marked++;
  if (!fs.existsSync(done)) {
    fs.rmSync(tree, { recursive: true, force: true });
    for (let d = 0; d < DIRECTORIES; d++) {
      const dir = path.join(tree, 'apps', `team-${String(d).padStart(3, '0')}`);
      fs.mkdirSync(dir, { recursive: true });
      for (let f = 0; f < FILES_PER_DIRECTORY; f++) {
        const index = d * FILES_PER_DIRECTORY + f;
        fs.writeFileSync(path.join(dir, `svc-${String(index).padStart(5, '0')}.yaml`), deploymentDocument(index, index % 10 === 0));
      }
    }
    fs.writeFileSync(done, '');
  }
  return { tree, fnConfig, markedFiles: marked, expectedChanges: marked * 2 };
}

/** Runs a command once: wall ms from spawn to exit, its stdout, and a problem when it failed. */
function timed(command, args) {
  const start = process.hrtime.bigint();
  const run = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const problem = run.status === 0 ? null : `${command} ${args.join(' ')}: exit ${run.status}: ${(run.stderr || String(run.error)).trim().split('\n').slice(-2).join(' | ')}`;
  return { ms, stdout: run.stdout ?? '', problem };
}

/** The diff must name every marked file once and change exactly its image lines. */
function checkDiff(diff, expected) {
  const files = (diff.match(/^\+\+\+ b\//gm) ?? []).length;
  const added = diff.split('\n').filter((line) => line.startsWith('+') && !line.startsWith('+++'));
  const problems = [];
  if (files !== expected.markedFiles) problems.push(`the diff names ${files} files, expected ${expected.markedFiles}`);
  if (added.length !== expected.expectedChanges) problems.push(`the diff adds ${added.length} lines, expected ${expected.expectedChanges}`);
  if (added.some((line) => !EXPECTED_NEW_LINES.includes(line.slice(1).trim()))) problems.push('the diff adds a line that is not an expected image line');
  return problems;
}

function median(values) {
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length === 0 ? null : sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Runs the checkout benchmark: `runs` timed rounds after `warmup`, each running the CLI, the floor
 * and kpt one after another. Returns the medians, the problems, and whether kpt was there.
 */
function benchTree({ cli, scratch, runs, warmup, log }) {
  const expected = generateTree(scratch);
  const kpt = spawnSync('kpt', ['version'], { encoding: 'utf8' }).status === 0;
  const commands = [
    { key: 'cli', args: [process.execPath, cli, expected.fnConfig, '--diff', expected.tree] },
    { key: 'floor', args: [process.execPath, FLOOR, expected.tree] },
    ...(kpt ? [{ key: 'kpt', args: ['kpt', 'fn', 'eval', expected.tree, '--exec', cli, '--fn-config', expected.fnConfig, '--output', 'unwrap'] }] : []),
  ];
  const samples = { cli: [], floor: [], kpt: [] };
  const problems = [];
  log(`\ntree: ${DIRECTORIES * FILES_PER_DIRECTORY} files in ${DIRECTORIES} directories, ${expected.markedFiles} marked${kpt ? '' : '; kpt is not on PATH, so no kpt runs'}`);
  for (let round = 0; round < warmup + runs; round++) {
    for (const { key, args } of commands) {
      const run = timed(args[0], args.slice(1));
      if (run.problem) problems.push(run.problem);
      if (key === 'cli' && round === 0) problems.push(...checkDiff(run.stdout, expected));
      if (key === 'kpt' && round === 0 && (run.stdout.match(/docker\.io\/foo\/(?:app:1\.2\.3|sidecar:2\.0\.1) # kobold/g) ?? []).length !== expected.expectedChanges) problems.push('kpt did not change the expected image lines');
      if (round >= warmup) samples[key].push(run.ms);
    }
    if (round >= warmup) log(`  run ${round - warmup + 1}/${runs}: ${commands.map(({ key }) => `${key} ${samples[key][samples[key].length - 1].toFixed(0)} ms`).join(', ')}`);
  }
  for (const problem of problems) log(`  PROBLEM: ${problem}`);
  return { cliMs: median(samples.cli), floorMs: median(samples.floor), kptMs: kpt ? median(samples.kpt) : null, problems, files: DIRECTORIES * FILES_PER_DIRECTORY, directories: DIRECTORIES };
}

module.exports = { benchTree };

if (require.main === module) {
  const scratch = path.join(__dirname, '.bench');
  fs.mkdirSync(scratch, { recursive: true });
  const result = benchTree({ cli: path.join(ROOT, 'dist', 'cli.js'), scratch, runs: 5, warmup: 1, log: (line) => process.stderr.write(`${line}\n`) });
  process.stdout.write(`CLI --diff ${result.cliMs?.toFixed(0)} ms, walk-and-read floor ${result.floorMs?.toFixed(0)} ms, kpt fn eval ${result.kptMs?.toFixed(0) ?? 'n/a'} ms\n`);
  process.stdout.write(`kpt / CLI ${result.kptMs === null ? 'n/a' : (result.kptMs / result.cliMs).toFixed(1)} (goal >= 20), CLI / floor ${(result.cliMs / result.floorMs).toFixed(2)} (goal <= 2)\n`);
  if (result.problems.length > 0) process.exitCode = 1;
}
