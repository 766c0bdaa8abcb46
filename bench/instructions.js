'use strict';
// How many machine instructions a CLI run takes, counted by valgrind's callgrind: unlike wall time
// on a shared machine, the count repeats within a few percent, so it shows the effect of a change
// to the cold start (most of a short run) that timings drown in noise. Prints the median of several
// runs of the CLI and of `node -e 0`, in millions.
//
//   node bench/instructions.js [dense|sparse] [COUNT] [--cli dist/cli.js] [--runs 3]
//
// Needs valgrind; a run takes about 80 times as long as without it.

const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { generate } = require('./generate');
const { parseOneRunArgs } = require('./one-run-args');

/** The instructions of one run of `node ARGS < input`, from callgrind's summary on stderr. */
function countOnce(args, input) {
  const stdin = fs.openSync(input, 'r');
  try {
    const run = spawnSync('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, ...args], { stdio: [stdin, 'ignore', 'pipe'], encoding: 'utf8' });
    if (run.error) throw new Error(`valgrind did not run: ${run.error.message}`);
    const collected = /Collected : (\d+)/.exec(run.stderr);
    if (run.status !== 0 || !collected) throw new Error(`node ${args.join(' ')} failed under valgrind (exit ${run.status}):\n${run.stderr.slice(-2000)}`);
    return Number(collected[1]);
  } finally {
    fs.closeSync(stdin);
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function main() {
  const options = parseOneRunArgs(process.argv.slice(2), { shape: 'sparse', count: 5000, runs: 3 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-instructions-'));
  try {
    const input = path.join(dir, 'input.yaml');
    fs.writeFileSync(input, generate(options.shape, options.count).text);
    const millions = (args) => median(Array.from({ length: options.runs }, () => countOnce(args, input))) / 1e6;
    const floor = millions(['-e', '0']);
    const cli = millions([options.cli]);
    console.log(`${options.shape} ${options.count}: CLI ${cli.toFixed(0)} M instructions, node -e 0 ${floor.toFixed(0)} M, above the floor ${(cli - floor).toFixed(0)} M (medians of ${options.runs})`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
