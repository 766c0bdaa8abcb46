'use strict';
// `npm run bench:container`: the size of the container image and the wall time of a cold
// `docker run -i --rm --network none IMAGE` (a new container each time) on a one-Deployment
// ResourceList, next to a container that runs only `node -e 0` and to the CLI on the host. Writes the
// "Container image" section of bench/results.md (npm run bench keeps it). See bench/README.md.
//
//   node bench/container.js [IMAGE] [--runs 7]     IMAGE: localhost/image-ref-updater:test, built first

const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { generate, EXPECTED_NEW_LINES } = require('./generate');

const ROOT = path.resolve(__dirname, '..');
const RESULTS = path.join(__dirname, 'results.md');
const SECTION = '## Container image';
const MiB = 1024 * 1024;

function main(argv) {
  let image = 'localhost/image-ref-updater:test';
  let runs = 7;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') runs = Number(argv[++i]);
    else if (argv[i].startsWith('-')) throw new Error(`unknown option ${argv[i]}`);
    else image = argv[i];
  }
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');
  const docker = (...args) => {
    const result = spawnSync('docker', args, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`docker ${args.join(' ')} exited ${result.status}: ${result.stderr}${result.error ?? ''}`);
    return result.stdout.trim();
  };

  // Building with the Dockerfile's FROM lines as they resolve here (DOCKER_BUILDKIT=0 docker build --network host -t IMAGE .).
  const build = spawnSync('docker', ['build', '--network', 'host', '-q', '-t', image, '.'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DOCKER_BUILDKIT: '0' } });
  if (build.status !== 0) throw new Error(`docker build exited ${build.status}: ${build.stderr}`);
  const base = [...fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8').matchAll(/^FROM\s+(\S+)/gm)].at(-1)[1];
  const size = (name) => Number(docker('image', 'inspect', '--format', '{{.Size}}', name));
  const imageSize = size(image);
  const baseSize = size(base);

  const loadBefore = os.loadavg().map((n) => n.toFixed(2)).join(' ');
  const generated = generate('dense', 1);
  const input = generated.text;
  /** The run's output has the new image lines and one info result per change. */
  const ok = (stdout) => EXPECTED_NEW_LINES.every((line) => stdout.includes(line)) && stdout.split('\n').filter((line) => line.trim() === 'severity: info').length === generated.expectedChanges;
  const time = (command, args, stdin) => {
    const start = process.hrtime.bigint();
    const result = spawnSync(command, args, { input: stdin, encoding: 'utf8', maxBuffer: 16 * MiB });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    return { ms, stdout: result.stdout };
  };
  const cases = [
    { name: '`docker run -i --rm --network none IMAGE` < one Deployment', run: () => time('docker', ['run', '-i', '--rm', '--network', 'none', image], input), check: true },
    { name: '`docker run --rm --network none --entrypoint /nodejs/bin/node IMAGE -e 0`', run: () => time('docker', ['run', '--rm', '--network', 'none', '--entrypoint', '/nodejs/bin/node', image, '-e', '0'], '') },
    { name: '`node dist/cli.js` < one Deployment, on the host', run: () => time(process.execPath, [path.join(ROOT, 'dist', 'cli.js')], input), check: true },
  ];
  const samples = cases.map(() => []);
  for (const c of cases) c.run(); // one warm-up round: the image's layers and the page cache
  for (let round = 0; round < runs; round++) {
    cases.forEach((c, i) => {
      const { ms, stdout } = c.run();
      if (c.check && !ok(stdout)) throw new Error(`${c.name}: unexpected output\n${stdout}`);
      samples[i].push(ms);
    });
  }
  const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  };
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  const server = docker('version', '--format', '{{.Server.Version}}');
  const info = docker('info', '--format', '{{.Driver}}, cgroup v{{.CgroupVersion}}');
  const section = `${SECTION}

- date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}; commit ${commit}; \`node bench/container.js\` (${runs} runs after 1 warm-up round, medians, min-max)
- ${os.cpus().length} cores, load average ${loadBefore} at the start and ${os.loadavg().map((n) => n.toFixed(2)).join(' ')} at the end (the host CLI row shows what the machine's load costs a process start)
- Docker ${server} (${info}); the runtime base \`${base}\` is ${base.includes('distroless') ? "this machine's local stand-in (../shared/tools/container-engine.sh: node and its libraries from Debian bookworm), not Google's image" : 'as found locally'}

| image | size MB |
|---|--:|
| \`${image}\` | ${(imageSize / MiB).toFixed(1)} |
| \`${base}\` (the runtime base) | ${(baseSize / MiB).toFixed(1)} |
| added by the Dockerfile (/app) | ${((imageSize - baseSize) / MiB).toFixed(1)} |

| run | median ms | min-max ms |
|---|--:|--:|
${cases.map((c, i) => `| ${c.name} | ${Math.round(median(samples[i]))} | ${Math.round(Math.min(...samples[i]))}-${Math.round(Math.max(...samples[i]))} |`).join('\n')}
`;
  process.stdout.write(`${section}\n`);
  const old = fs.readFileSync(RESULTS, 'utf8');
  const at = old.indexOf(`\n${SECTION}\n`);
  fs.writeFileSync(RESULTS, `${(at < 0 ? old : old.slice(0, at + 1)).trimEnd()}\n\n${section}`);
  console.error(`bench: wrote the "${SECTION.slice(3)}" section of ${path.relative(process.cwd(), RESULTS)}`);
}

main(process.argv.slice(2));
