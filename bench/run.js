'use strict';
// `npm run bench`: times the built CLI against a naive yaml-Document baseline and `node -e 0` on
// generated kpt ResourceLists, checks the CLI's output, and reports the issue's targets.
// See bench/README.md. Run `npm run build` first (the npm script does).

const { spawn, spawnSync } = require('child_process');
const { createHash } = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { generate, SHAPES, EXPECTED_NEW_LINES } = require('./generate');
const { countOnce } = require('./instructions');
const { benchTree } = require('./tree');

const ROOT = path.resolve(__dirname, '..');
const BASELINE = path.join(__dirname, 'naive-baseline.js');
const PROBE = path.join(__dirname, 'rss-probe.js');
const SCRATCH = path.join(__dirname, '.bench');
const MiB = 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// options: --name value on the command line, or BENCH_NAME in the environment

const USAGE = `usage: node bench/run.js [options]
  --counts 1,1000,5000,20000   Deployments per input            (BENCH_COUNTS)
  --shapes dense,sparse,...    input shapes: ${SHAPES.join(', ')} (BENCH_SHAPES)
  --runs 5                     timed runs per case              (BENCH_RUNS)
  --runs-large 3               timed runs when count >= 20000   (BENCH_RUNS_LARGE)
  --warmup 1                   untimed rounds per input first   (BENCH_WARMUP)
  --rss auto|time|probe        how peak RSS is read             (BENCH_RSS)
  --timeout 600000             ms before a run is killed        (BENCH_TIMEOUT)
  --out bench/results.md       where the report goes, "-" none  (BENCH_OUT)
  --cli dist/cli.js            the CLI to measure               (BENCH_CLI)
  --tree yes|no                the 5,000-file checkout bench    (BENCH_TREE)
  --strict                     exit 1 when a target FAILs       (BENCH_STRICT=1)
  --quick                      same as --counts 1,1000 --runs 3`;

function parseOptions(argv) {
  const env = process.env;
  const options = {
    counts: env.BENCH_COUNTS ?? '1,1000,5000,20000',
    shapes: env.BENCH_SHAPES ?? SHAPES.join(','),
    runs: env.BENCH_RUNS ?? '5',
    'runs-large': env.BENCH_RUNS_LARGE ?? '3',
    warmup: env.BENCH_WARMUP ?? '1',
    rss: env.BENCH_RSS ?? 'auto',
    timeout: env.BENCH_TIMEOUT ?? '600000',
    out: env.BENCH_OUT ?? path.join('bench', 'results.md'),
    cli: env.BENCH_CLI ?? path.join('dist', 'cli.js'),
    tree: env.BENCH_TREE ?? 'yes',
    strict: env.BENCH_STRICT === '1',
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg === '--strict') {
      options.strict = true;
    } else if (arg === '--quick') {
      options.counts = '1,1000';
      options.runs = '3';
    } else if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s);
      if (!(name in options)) throw new Error(`unknown option ${arg}\n${USAGE}`);
      const value = inline ?? argv[++i];
      if (value === undefined) throw new Error(`${arg} needs a value`);
      options[name] = value;
    } else {
      throw new Error(`unexpected argument ${arg}\n${USAGE}`);
    }
  }
  const list = (text) => text.split(',').map((s) => s.trim()).filter(Boolean);
  const int = (name, min) => {
    const n = Number(options[name]);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min}`);
    return n;
  };
  const counts = list(options.counts).map(Number);
  if (counts.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--counts must be positive integers');
  const shapes = list(options.shapes);
  for (const shape of shapes) if (!SHAPES.includes(shape)) throw new Error(`unknown shape ${shape}`);
  if (!['auto', 'time', 'probe'].includes(options.rss)) throw new Error('--rss must be auto, time or probe');
  if (!['yes', 'no'].includes(options.tree)) throw new Error('--tree must be yes or no');
  return {
    counts,
    shapes,
    runs: int('runs', 1),
    runsLarge: int('runs-large', 1),
    warmup: int('warmup', 0),
    rss: options.rss,
    timeout: int('timeout', 1),
    out: options.out,
    cli: path.resolve(ROOT, options.cli),
    tree: options.tree === 'yes',
    strict: options.strict,
  };
}

// ---------------------------------------------------------------------------------------------
// measuring one process: wall time from the parent's clock, peak RSS from GNU time or the probe

/** GNU time with -f/-o (not BSD time, which has neither), checked by running it once. */
function gnuTimeWorks() {
  if (!fs.existsSync('/usr/bin/time')) return false;
  const file = path.join(SCRATCH, 'time-check.txt');
  const run = spawnSync('/usr/bin/time', ['-f', '%M %U %S', '-o', file, process.execPath, '-e', '0'], { stdio: 'ignore' });
  try {
    return run.status === 0 && /^\d+ [\d.]+ [\d.]+\s*$/.test(fs.readFileSync(file, 'utf8'));
  } catch {
    return false;
  }
}

/**
 * Runs `node ARGS < input > output` once. Resolves to wall ms, peak RSS in KiB (or null), exit
 * status, stderr. The wall clock is the parent's (process.hrtime from spawn to exit, so
 * sub-millisecond resolution, unlike GNU time's %e): it includes fork/exec of the child (and of
 * /usr/bin/time, about 1 ms, the same for every command), not the parent's own start-up. The child
 * runs in its own process group so that a timeout kills /usr/bin/time and node together.
 */
function measure(nodeArgs, inputFile, outputFile, rssMethod, timeout) {
  const rssFile = path.join(SCRATCH, 'rss.txt');
  fs.rmSync(rssFile, { force: true });
  const input = fs.openSync(inputFile, 'r');
  const output = fs.openSync(outputFile, 'w');
  const env = { ...process.env };
  let command = process.execPath;
  let args = nodeArgs;
  if (rssMethod === 'time') {
    command = '/usr/bin/time';
    args = ['-f', '%M %U %S', '-o', rssFile, process.execPath, ...nodeArgs];
  } else {
    env.BENCH_RSS_FILE = rssFile;
    env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(PROBE)}`.trim();
  }
  return new Promise((resolve) => {
    const stderr = [];
    let timedOut = false;
    let spawnError = null;
    const start = process.hrtime.bigint();
    const child = spawn(command, args, { stdio: [input, output, 'pipe'], env, detached: true });
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeout);
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    child.on('error', (error) => {
      spawnError = error;
    });
    child.on('close', (code, signal) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      clearTimeout(timer);
      fs.closeSync(input);
      fs.closeSync(output);
      let rssKiB = null;
      let cpuMs = null;
      let rssText = '';
      try {
        // One line "PEAK_RSS_KiB USER_S SYS_S". GNU time writes "Command exited with non-zero status N"
        // or "Command terminated by signal N" before it. The probe appends one line per node process
        // that exited: the largest RSS is the peak, the CPU times add up.
        rssText = fs.readFileSync(rssFile, 'utf8');
        const lines = rssText.split('\n').map((line) => line.trim()).filter((line) => /^\d+ [\d.]+ [\d.]+$/.test(line));
        for (const line of lines) {
          const [rss, user, sys] = line.split(' ').map(Number);
          rssKiB = Math.max(rssKiB ?? 0, rss);
          cpuMs = (cpuMs ?? 0) + (user + sys) * 1000;
        }
      } catch {
        // no measurement (the probe does not see a kill by signal)
      }
      const killed = /^Command terminated by signal (\d+)/m.exec(rssText);
      const status = spawnError ? `error ${spawnError.code ?? spawnError.message}`
        : timedOut ? `timeout after ${timeout} ms`
        : signal ? `signal ${signal}`
        : killed ? `signal ${killed[1]}`
        : code;
      const text = Buffer.concat(stderr).toString('utf8');
      resolve({ ms, cpuMs, rssKiB, status, stderr: text });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// sanity checks: a broken fast path must not look fast

function sha256(file) {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/**
 * The CLI's output must parse as one ResourceList with all the items, equal the input line for line
 * except the expected image lines, and end in a `results` list with one info per changed field.
 */
function checkCliOutput(inputText, outputFile, input) {
  const { parseDocument } = require(require.resolve('yaml', { paths: [ROOT] }));
  const problems = [];
  const output = fs.readFileSync(outputFile, 'utf8');
  const doc = parseDocument(output, { uniqueKeys: true });
  if (doc.errors.length > 0) problems.push(`output does not parse: ${doc.errors[0].message.split('\n')[0]}`);
  else {
    const list = doc.toJS({ maxAliasCount: 100 });
    if (list?.kind !== 'ResourceList') problems.push('output is not a ResourceList');
    if (!Array.isArray(list?.items) || list.items.length !== input.count) problems.push(`output has ${list?.items?.length} items, expected ${input.count}`);
    const infos = Array.isArray(list?.results) ? list.results.filter((r) => r.severity === 'info').length : 0;
    const others = Array.isArray(list?.results) ? list.results.length - infos : 0;
    if (infos !== input.expectedChanges) problems.push(`${infos} info results, expected ${input.expectedChanges}`);
    if (others !== 0) problems.push(`${others} results that are not info`);
  }
  const inLines = inputText.split('\n');
  const outLines = output.split('\n');
  let changed = 0;
  let unexpected = 0;
  const last = inLines.length - 1; // the input ends with '\n': inLines[last] is ''
  for (let i = 0; i < last; i++) {
    if (inLines[i] === outLines[i]) continue;
    changed++;
    if (!EXPECTED_NEW_LINES.includes(outLines[i]?.trim())) {
      if (unexpected++ === 0) problems.push(`line ${i + 1} changed unexpectedly: ${JSON.stringify(outLines[i]?.slice(0, 120))}`);
    }
  }
  if (changed !== input.expectedChanges) problems.push(`${changed} lines changed, expected ${input.expectedChanges} image lines`);
  if (!/^results:/.test(outLines[last] ?? '')) problems.push('the output does not continue with `results:` after the input');
  return { problems, changed };
}

// ---------------------------------------------------------------------------------------------
// statistics and formatting

function median(values) {
  const sorted = values.filter((v) => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function fmt(value, digits = 0) {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'n/a';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function sh(command) {
  const run = spawnSync('sh', ['-c', command], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim() : '';
}

function machine() {
  const cpu = os.cpus()[0]?.model?.trim() ?? 'unknown CPU';
  const nproc = sh('nproc') || String(os.cpus().length);
  const memGiB = (os.totalmem() / 1024 ** 3).toFixed(1);
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  return `${os.type()} ${os.release()} ${os.arch()}, ${cpu}, nproc ${nproc}, ${memGiB} GiB RAM, node ${process.version}, load average ${load}`;
}

function gitDescription() {
  const head = sh(`git -C ${JSON.stringify(ROOT)} rev-parse --short HEAD`);
  if (!head) return 'unknown';
  const dirty = sh(`git -C ${JSON.stringify(ROOT)} status --porcelain -- src`) ? ' (src/ has uncommitted changes)' : '';
  return `${head}${dirty}`;
}

// ---------------------------------------------------------------------------------------------
// instructions: how the work grows with the input, counted by callgrind (bench/instructions.js)

const INSTRUCTION_COUNT = 1000;

/** For each shape, the main thread's instructions at INSTRUCTION_COUNT and 4x it, and their ratio (null without valgrind). */
function instructionScaling(shapes, cli, log) {
  const valgrind = spawnSync('valgrind', ['--version'], { encoding: 'utf8' });
  if (valgrind.status !== 0) {
    log('\nbench: valgrind is not installed: the instruction targets are n/a');
    return shapes.map((shape) => ({ shape, ratio: null }));
  }
  const dir = fs.mkdtempSync(path.join(SCRATCH, 'instructions-'));
  try {
    return shapes.map((shape) => {
      const [small, large] = [INSTRUCTION_COUNT, 4 * INSTRUCTION_COUNT].map((count) => {
        const file = path.join(dir, `${shape}-${count}.yaml`);
        fs.writeFileSync(file, generate(shape, count).text);
        const floor = countOnce(['-e', '0'], file, dir).main;
        return countOnce([cli], file, dir).main - floor;
      });
      log(`\n${shape}: ${fmt(small / 1e6)} M instructions above node -e 0 at ${fmt(INSTRUCTION_COUNT)}, ${fmt(large / 1e6)} M at ${fmt(4 * INSTRUCTION_COUNT)}`);
      return { shape, ratio: large / small };
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  fs.mkdirSync(path.join(SCRATCH, 'inputs'), { recursive: true });
  fs.mkdirSync(path.join(SCRATCH, 'out'), { recursive: true });
  const CLI = options.cli;
  if (!fs.existsSync(CLI)) throw new Error(`${path.relative(ROOT, CLI)} is missing: run npm run build first`);

  let rssMethod = options.rss;
  if (rssMethod === 'auto') rssMethod = gnuTimeWorks() ? 'time' : 'probe';
  if (rssMethod === 'time' && !gnuTimeWorks()) throw new Error('--rss time: GNU /usr/bin/time with -f/-o is not available');
  const rssLabel = rssMethod === 'time' ? 'GNU /usr/bin/time -f "%M %U %S" (ru_maxrss and CPU time of the child)' : 'rss-probe.js preloaded with NODE_OPTIONS=--require (process.resourceUsage() at exit)';
  const log = (line) => process.stderr.write(`${line}\n`);
  const startMachine = machine();
  log(`bench: ${startMachine}`);
  log(`bench: peak RSS from ${rssLabel}; wall time from the parent's hrtime, spawn to exit`);

  const commands = [
    { key: 'cli', label: 'CLI', args: [CLI] },
    { key: 'baseline', label: 'baseline', args: [BASELINE] },
    { key: 'floor', label: 'node -e 0', args: ['-e', '0'] },
  ];
  const rows = [];
  const sanityFailures = [];

  for (const shape of options.shapes) {
    for (const count of options.counts) {
      const input = generate(shape, count);
      const inputFile = path.join(SCRATCH, 'inputs', `${shape}-${count}.yaml`);
      fs.writeFileSync(inputFile, input.text);
      const bytes = Buffer.byteLength(input.text);
      log(`\n${shape} ${count}: ${fmt(bytes)} bytes (${fmt(bytes / MiB, 2)} MiB), ${fmt(input.bytesPerDeployment, 1)} bytes per Deployment, ${input.expectedChanges} image lines to change`);
      const runs = count >= 20000 ? options.runsLarge : options.runs;
      const samples = Object.fromEntries(commands.map((c) => [c.key, []]));
      const digests = Object.fromEntries(commands.map((c) => [c.key, null]));
      const problems = [];
      const rounds = options.warmup + runs;
      for (let round = 0; round < rounds; round++) {
        const timed = round >= options.warmup;
        for (const command of commands) {
          const outputFile = path.join(SCRATCH, 'out', `${command.key}.out`);
          const result = await measure(command.args, inputFile, outputFile, rssMethod, options.timeout);
          if (result.status !== 0) {
            const why = typeof result.status === 'number' ? `exit code ${result.status}` : result.status;
            const tail = result.stderr.trim().split('\n').slice(-3).join(' | ').slice(0, 300);
            problems.push(`${command.label} ${timed ? `run ${round - options.warmup + 1}` : `warm-up ${round + 1}`}: ${why}${tail ? `: ${tail}` : ''}`);
          } else if (command.key !== 'floor') {
            const digest = sha256(outputFile);
            if (digests[command.key] === null) {
              digests[command.key] = digest;
              // the first successful output of each command is checked in full (untimed)
              if (command.key === 'cli') {
                const check = checkCliOutput(input.text, outputFile, input);
                for (const p of check.problems) problems.push(`CLI output: ${p}`);
                log(`  CLI output: ${check.changed} image lines changed, ${check.problems.length ? `${check.problems.length} PROBLEM(S)` : "parses, as expected"}`);
              } else {
                const m = /naive-baseline: (\d+) scalars changed/.exec(result.stderr);
                const changed = m ? Number(m[1]) : -1;
                if (changed !== input.expectedChanges) problems.push(`baseline changed ${changed} scalars, expected ${input.expectedChanges}`);
              }
            } else if (digest !== digests[command.key]) {
              problems.push(`${command.label} ${timed ? `run ${round - options.warmup + 1}` : `warm-up ${round + 1}`}: output differs from the first one`);
            }
          }
          if (timed) samples[command.key].push(result.status === 0 ? result : { ms: null, cpuMs: null, rssKiB: null });
        }
        if (timed) {
          const last = (key) => samples[key][samples[key].length - 1];
          log(`  run ${round - options.warmup + 1}/${runs}: ${commands.map((c) => `${c.label} ${fmt(last(c.key).ms)} ms (CPU ${fmt(last(c.key).cpuMs)}) ${fmt(last(c.key).rssKiB === null ? null : last(c.key).rssKiB / 1024, 1)} MiB`).join(', ')}`);
        }
      }
      for (const p of problems) log(`  PROBLEM: ${p}`);
      if (problems.length > 0) sanityFailures.push(...problems.map((p) => `${shape} ${count}: ${p}`));
      const med = (key, field) => median(samples[key].map((s) => s[field]));
      const row = {
        shape,
        count,
        bytes,
        bytesPerDeployment: input.bytesPerDeployment,
        cliMs: med('cli', 'ms'),
        cliCpuMs: med('cli', 'cpuMs'),
        baselineMs: med('baseline', 'ms'),
        floorMs: med('floor', 'ms'),
        cliRss: med('cli', 'rssKiB'),
        baselineRss: med('baseline', 'rssKiB'),
        floorRss: med('floor', 'rssKiB'),
        runs,
        ok: problems.length === 0,
      };
      rows.push(row);
    }
  }

  // ---- instructions (valgrind), an input and 4x it, on the fast path (sparse, sparse-str) and the composer's (sparse-anchor)
  const instructionRows = instructionScaling(options.shapes.filter((shape) => shape !== 'dense'), CLI, log);

  // ---- targets of the issue "Fast on large inputs and quick to start"
  const find = (shape, count) => rows.find((r) => r.shape === shape && r.count === count);
  const ratio = (a, b) => (a === null || b === null || a === undefined || b === undefined || b === 0 ? null : a / b);
  const targets = [];
  const target = (name, value, op, limit, note) => {
    const pass = value === null ? null : op === '>=' ? value >= limit : value <= limit;
    targets.push({ name, value, op, limit, pass, note });
  };
  for (const [shape, limit] of [['dense', 5], ['sparse', 20]]) {
    const r = find(shape, 5000);
    target(`${shape} 5,000: speed-up vs baseline (baseline ms / CLI ms)`, r ? ratio(r.baselineMs, r.cliMs) : null, '>=', limit);
  }
  {
    const r = find('dense', 1);
    target('1 resource (dense): CLI ms / node -e 0 ms', r ? ratio(r.cliMs, r.floorMs) : null, '<=', 1.3);
  }
  for (const shape of ['dense', 'sparse']) {
    const big = find(shape, 20000);
    const small = find(shape, 1000);
    target(`${shape}: CLI ms 20,000 / CLI ms 1,000`, big && small ? ratio(big.cliMs, small.cliMs) : null, '<=', 22);
  }
  {
    const r = find('dense', 20000);
    const value = r && r.cliRss !== null && r.floorRss !== null ? ((r.cliRss - r.floorRss) * 1024) / r.bytes : null;
    target('dense 20,000: (CLI peak RSS − node -e 0 peak RSS) / input size', value, '<=', 3);
  }
  // No cliff: tagged items (the fast reader takes !!str) and items the composer reads (an anchor)
  // cost at most a few times the plain ones, and grow with the input as they do.
  for (const shape of ['sparse-str', 'sparse-anchor']) {
    const odd = find(shape, 5000);
    const plain = find('sparse', 5000);
    target(`${shape} 5,000: CLI ms / sparse 5,000 CLI ms`, odd && plain ? ratio(odd.cliMs, plain.cliMs) : null, '<=', 3);
    const big = find(shape, 20000);
    target(`${shape}: CLI ms 20,000 / CLI ms 5,000`, big && odd ? ratio(big.cliMs, odd.cliMs) : null, '<=', 4.6);
  }
  // Linear on both paths, in work rather than noisy time: 4x the input under 5x the instructions.
  for (const row of instructionRows) {
    target(`${row.shape}: instructions ${fmt(4 * INSTRUCTION_COUNT)} / ${fmt(INSTRUCTION_COUNT)} (main thread, callgrind)`, row.ratio, '<=', 5);
  }

  // ---- the checkout: files in place (bench/tree.js)
  const tree = options.tree ? benchTree({ cli: CLI, scratch: SCRATCH, runs: options.runs, warmup: options.warmup, log }) : null;
  if (tree) {
    sanityFailures.push(...tree.problems.map((p) => `tree: ${p}`));
    target(`tree of ${fmt(tree.files)} files: speed-up of --diff vs kpt fn eval --exec (kpt ms / CLI ms)`, ratio(tree.kptMs, tree.cliMs), '>=', 20);
    target(`tree of ${fmt(tree.files)} files: --diff ms / walk-and-read floor ms`, ratio(tree.cliMs, tree.floorMs), '<=', 2);
  }
  const treeTable = tree
    ? `| checkout | CLI --diff ms | walk-and-read floor ms | kpt fn eval ms |\n|---|--:|--:|--:|\n| ${fmt(tree.files)} files in ${fmt(tree.directories)} directories, one in ten marked | ${fmt(tree.cliMs)} | ${fmt(tree.floorMs)} | ${fmt(tree.kptMs)} |\n\n`
    : '';

  // ---- report
  const mib = (kib) => (kib === null ? null : kib / 1024);
  const table = [
    '| input (shape, count) | size MB | B/Deployment | CLI ms | baseline ms | node -e 0 ms | CLI MB/s | CLI peak RSS MB | baseline peak RSS MB | node -e 0 peak RSS MB | CLI CPU ms | runs | output check |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|',
    ...rows.map((r) => `| ${r.shape} ${fmt(r.count)} | ${fmt(r.bytes / MiB, r.bytes < 100 * 1024 ? 4 : 2)} | ${fmt(r.bytesPerDeployment)} | ${fmt(r.cliMs)} | ${fmt(r.baselineMs)} | ${fmt(r.floorMs)} | ${fmt(r.cliMs ? r.bytes / MiB / (r.cliMs / 1000) : null, 2)} | ${fmt(mib(r.cliRss), 1)} | ${fmt(mib(r.baselineRss), 1)} | ${fmt(mib(r.floorRss), 1)} | ${fmt(r.cliCpuMs)} | ${r.runs} | ${r.ok ? 'ok' : '**FAILED**'} |`),
  ].join('\n');
  const verdict = (t) => (t.pass === null ? 'n/a' : t.pass ? 'PASS' : '**FAIL**');
  const targetTable = [
    '| target | value | goal | result |',
    '|---|--:|--:|---|',
    ...targets.map((t) => `| ${t.name} | ${t.value === null ? 'n/a' : fmt(t.value, 2)} | ${t.op} ${t.limit} | ${verdict(t)} |`),
  ].join('\n');
  const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const report = `# Benchmark results

- date: ${date}
- machine at the start: ${startMachine}
- machine at the end: ${machine()}
- ${options.cli === path.join(ROOT, 'dist', 'cli.js') ? `commit: ${gitDescription()}; CLI: \`dist/cli.js\` built from this tree` : `CLI: \`${path.relative(ROOT, options.cli)}\` (not this tree's dist/; the tree is at ${gitDescription()})`}
- medians of ${options.runs} runs (${options.runsLarge} for 20,000 and more) after ${options.warmup} warm-up round(s); in each round the CLI, the baseline and \`node -e 0\` run one after another on the same input
- wall time: parent's clock around the spawn; peak RSS: ${rssLabel}
- MB = MiB (1,048,576 bytes) throughout; how to run and what the columns mean: [README.md](README.md)

${table}

${treeTable}${targetTable}
${sanityFailures.length > 0 ? `\n**Output check failed** (the timings of these inputs do not count):\n\n${sanityFailures.map((f) => `- ${f}`).join('\n')}\n` : ''}`;

  process.stdout.write(`\n${table}\n\n${treeTable}${targetTable}\n`);
  for (const t of targets) process.stdout.write(`${t.pass === null ? 'N/A ' : t.pass ? 'PASS' : 'FAIL'}  ${t.name}: ${t.value === null ? 'n/a' : fmt(t.value, 2)} (goal ${t.op} ${t.limit})\n`);
  if (sanityFailures.length > 0) process.stdout.write(`\nOUTPUT CHECK FAILED:\n${sanityFailures.map((f) => `  ${f}`).join('\n')}\n`);
  if (options.out !== '-') {
    const outFile = path.resolve(ROOT, options.out);
    // The "Container image" section is bench/container.js's: kept as it was.
    const previous = fs.existsSync(outFile) ? fs.readFileSync(outFile, 'utf8') : '';
    const container = previous.indexOf('\n## Container image\n');
    fs.writeFileSync(outFile, container < 0 ? report : `${report.trimEnd()}\n${previous.slice(container)}`);
    log(`\nbench: wrote ${path.relative(process.cwd(), outFile) || outFile}`);
  }
  if (sanityFailures.length > 0 || (options.strict && targets.some((t) => t.pass === false))) process.exitCode = 1;
}

main().catch((error) => {
  process.stderr.write(`bench: ${error.message}\n`);
  process.exitCode = 1;
});
