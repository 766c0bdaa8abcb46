'use strict';
// How many machine instructions a CLI run takes, counted by valgrind's callgrind: unlike wall time
// on a shared machine, the count repeats within a few percent, so it shows the effect of a change
// to the cold start (most of a short run) that timings drown in noise. Prints the medians of several
// runs of the CLI and of `node -e 0`, in millions: on the main thread, which is what the run waits
// for, and on all threads (V8 optimizes code and collects garbage on others too, on another core
// when there is one, so that part varies with scheduling and costs little wall time).
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

/** The `totals:` line of a callgrind output file (one thread's instructions). */
function totalOf(file) {
  const totals = /^(?:totals|summary): (\d+)/m.exec(fs.readFileSync(file, 'utf8'));
  if (totals === null) throw new Error(`no totals in ${file}`);
  return Number(totals[1]);
}

/** The instructions of one run of `node ARGS < input`: { main, all }, from callgrind's per-thread files. */
function countOnce(args, input, dir) {
  const outDir = fs.mkdtempSync(path.join(dir, 'run-'));
  const stdin = fs.openSync(input, 'r');
  try {
    const run = spawnSync('valgrind', ['--tool=callgrind', '--separate-threads=yes', `--callgrind-out-file=${outDir}/out`, process.execPath, ...args], { stdio: [stdin, 'ignore', 'pipe'], encoding: 'utf8' });
    if (run.error) throw new Error(`valgrind did not run: ${run.error.message}`);
    if (run.status !== 0) throw new Error(`node ${args.join(' ')} failed under valgrind (exit ${run.status}):\n${run.stderr.slice(-2000)}`);
    // One file per thread, `out-01` the main thread's.
    const files = fs.readdirSync(outDir).filter((file) => /^out-\d+$/.test(file));
    if (!files.includes('out-01')) throw new Error(`no main-thread output from callgrind in ${outDir}`);
    return { main: totalOf(path.join(outDir, 'out-01')), all: files.reduce((sum, file) => sum + totalOf(path.join(outDir, file)), 0) };
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
    const millions = (args) => {
      const counts = Array.from({ length: options.runs }, () => countOnce(args, input, dir));
      return { main: median(counts.map((count) => count.main)) / 1e6, all: median(counts.map((count) => count.all)) / 1e6 };
    };
    const floor = millions(['-e', '0']);
    const cli = millions([options.cli]);
    const line = (what) => `${cli[what].toFixed(0)} M, node -e 0 ${floor[what].toFixed(0)} M, above the floor ${(cli[what] - floor[what]).toFixed(0)} M`;
    console.log(`${options.shape} ${options.count}, medians of ${options.runs} runs:`);
    console.log(`  main thread: CLI ${line('main')}`);
    console.log(`  all threads: CLI ${line('all')}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { countOnce };

if (require.main === module) main();
