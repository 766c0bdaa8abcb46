'use strict';
// Where does the CLI spend its time? Runs it once under `node --cpu-prof` on a generated input and
// prints the functions with the most self time and the most total (inclusive) time.
//
//   node bench/profile.js [dense|sparse] [COUNT] [--cli dist/cli.js] [--top 15]
//
// The .cpuprofile is kept in bench/.bench/prof/ (open it in Chrome DevTools > Performance, or
// VS Code, for the flame chart).

const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { generate } = require('./generate');
const { parseOneRunArgs, ROOT } = require('./one-run-args');

/** "name file:line" with the path made relative to the project, for reading. */
function frameName(frame) {
  const name = frame.functionName || '(anonymous)';
  if (!frame.url) return name;
  let url = frame.url.replace(/^file:\/\//, '');
  if (url.startsWith(ROOT)) url = path.relative(ROOT, url);
  return `${name} ${url}:${frame.lineNumber + 1}`;
}

function summarise(profile, top) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map();
  const total = new Map();
  let all = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000; // µs -> ms
    all += dt;
    const leaf = frameName(byId.get(id).callFrame);
    self.set(leaf, (self.get(leaf) ?? 0) + dt);
    // every distinct function on the stack gets the sample once (recursion is not counted twice)
    const seen = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const name = frameName(byId.get(n).callFrame);
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + dt);
    }
  });
  const files = new Map();
  for (const [name, ms] of self) {
    const file = / (\S+):\d+$/.exec(name)?.[1] ?? name;
    files.set(file, (files.get(file) ?? 0) + ms);
  }
  const table = (map, title, skipInternals = false) => {
    const rows = [...map.entries()]
      .filter(([name]) => name !== '(root)' && !(skipInternals && / node:\S+$/.test(name)))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top);
    return [`${title}:`, ...rows.map(([name, ms]) => `  ${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / all).toFixed(1).padStart(5)}%  ${name}`)].join('\n');
  };
  return `sampled ${all.toFixed(0)} ms\n\n${table(self, 'self time by function')}\n\n${table(files, 'self time by file')}\n\n${table(total, 'total time (inclusive, node internals left out)', true)}\n`;
}

function main() {
  const options = parseOneRunArgs(process.argv.slice(2), { shape: 'dense', count: 5000, top: 15 });
  const dir = path.join(__dirname, '.bench', 'prof');
  fs.mkdirSync(dir, { recursive: true });
  const input = generate(options.shape, options.count);
  const inputFile = path.join(__dirname, '.bench', 'inputs', `${options.shape}-${options.count}.yaml`);
  fs.mkdirSync(path.dirname(inputFile), { recursive: true });
  fs.writeFileSync(inputFile, input.text);
  const name = `cli-${options.shape}-${options.count}-${Date.now()}.cpuprofile`;
  const fd = fs.openSync(inputFile, 'r');
  const run = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-interval', '100', '--cpu-prof-dir', dir, '--cpu-prof-name', name, options.cli], {
    stdio: [fd, 'ignore', 'inherit'],
  });
  fs.closeSync(fd);
  if (run.status !== 0) throw new Error(`the CLI exited with ${run.status ?? run.signal}`);
  const file = path.join(dir, name);
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  process.stdout.write(`${options.shape} ${options.count} (${(input.text.length / 1024 / 1024).toFixed(2)} MiB), ${path.relative(process.cwd(), file)}\n`);
  process.stdout.write(summarise(profile, options.top));
}

try {
  main();
} catch (error) {
  process.stderr.write(`profile: ${error.message}\n`);
  process.exitCode = 1;
}
