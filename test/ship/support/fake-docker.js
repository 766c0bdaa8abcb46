'use strict';
// A stand-in for the docker CLI where there is no Docker engine: `docker run [OPTIONS] IMAGE [ARG...]`
// runs the configured ENTRYPOINT on this machine instead of in a container, with the container's
// stdin rules (no -i, no stdin), its user (--user, or the image's USER; switched with setpriv when
// running as root) and a clean environment (-e NAME[=VALUE] only). `version`, `image inspect` and
// `pull` answer for the one configured image. Every call is appended to the log as a JSON line.
//
// Usage: node fake-docker.js CONFIG.json ARG...   (CONFIG: { image, entrypoint, cwd, user, log })
const { spawnSync } = require('child_process');
const { appendFileSync, readFileSync } = require('fs');

const [configFile, ...args] = process.argv.slice(2);
const config = JSON.parse(readFileSync(configFile, 'utf8'));
const USERS = { root: 0, nobody: 65534, nonroot: 65532 };

function fail(code, message) {
  process.stderr.write(`docker (fake): ${message}\n`);
  process.exit(code);
}

const BOOLEAN = new Set(['--rm', '-i', '--interactive', '--init', '--read-only', '--privileged']);
const VALUED = new Set(['--network', '--net', '--user', '-u', '--security-opt', '--pull', '-a', '--attach', '-e', '--env', '--name', '--mount', '--workdir', '-w', '--platform']);

function parseRun(words) {
  const options = { flags: new Set(), values: [] };
  let i = 0;
  for (; i < words.length && words[i].startsWith('-'); i += 1) {
    const [flag, inline] = words[i].includes('=') ? [words[i].slice(0, words[i].indexOf('=')), words[i].slice(words[i].indexOf('=') + 1)] : [words[i], undefined];
    if (BOOLEAN.has(flag)) options.flags.add(flag);
    else if (VALUED.has(flag)) {
      const value = inline ?? words[++i];
      if (value === undefined) fail(125, `flag needs an argument: ${flag}`);
      options.values.push([flag, value]);
    } else fail(125, `unknown flag: ${flag}`);
  }
  return { options, image: words[i], rest: words.slice(i + 1) };
}

function valuesOf(options, ...flags) {
  return options.values.filter(([flag]) => flags.includes(flag)).map(([, value]) => value);
}

appendFileSync(config.log, `${JSON.stringify(args)}\n`);
const [command, ...rest] = args;
if (command === 'version') {
  process.stdout.write('24.0.0-fake\n');
} else if (command === 'image' && rest[0] === 'inspect') {
  process.exit(rest[1] === config.image ? 0 : 1);
} else if (command === 'pull') {
  if (rest[0] !== config.image) fail(1, `pull access denied for ${rest[0]}`);
} else if (command === 'run') {
  const { options, image, rest: extra } = parseRun(rest);
  if (image !== config.image) fail(125, `Unable to find image '${image}' locally (only ${config.image} is known)`);
  const interactive = options.flags.has('-i') || options.flags.has('--interactive');
  const attach = valuesOf(options, '-a', '--attach').map((stream) => stream.toUpperCase());
  if (attach.length > 0 && interactive && !attach.includes('STDIN')) fail(125, 'stdin not attached');
  const userName = (valuesOf(options, '--user', '-u').pop() ?? config.user ?? 'root').split(':')[0];
  const uid = /^\d+$/.test(userName) ? Number(userName) : USERS[userName];
  if (uid === undefined) fail(126, `unable to find user ${userName}: no matching entries in passwd file`);
  const env = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: uid === 0 ? '/root' : '/home/nonroot' };
  for (const pair of valuesOf(options, '-e', '--env')) {
    const at = pair.indexOf('=');
    if (at >= 0) env[pair.slice(0, at)] = pair.slice(at + 1);
    else if (process.env[pair] !== undefined) env[pair] = process.env[pair];
  }
  let argv = [...config.entrypoint, ...extra];
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && uid !== 0) argv = ['setpriv', `--reuid=${uid}`, `--regid=${uid}`, '--clear-groups', ...argv];
  const result = spawnSync(argv[0], argv.slice(1), { cwd: config.cwd, env, stdio: [interactive ? 'inherit' : 'ignore', 'inherit', 'inherit'] });
  if (result.error) fail(127, String(result.error));
  process.exit(result.status ?? 1);
} else {
  fail(1, `unsupported command: ${args.join(' ')}`);
}
