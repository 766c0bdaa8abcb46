import { strict as assert } from 'assert';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import { join } from 'path';
import { EVENT_FIXTURES } from './support/events';
import { CLI, describeRun, ensureBuilt, run, RunResult, TempDirs } from './support/process';
import { DEPLOYMENT, FN_CONFIG, RESOURCE_LIST, UPDATED, UPDATED_RESOURCE_LIST } from './support/sample-package';

const NETWORK_MODULES = ['http', 'https', 'http2', 'net', 'tls', 'dns', 'dgram', 'undici'];
const NETWORK_USE = new RegExp(`(?:from|require\\()\\s*['"](?:node:)?(?:${NETWORK_MODULES.join('|')})['"]|\\bfetch\\(|\\bWebSocket\\b`);

/** The exit code of a run that touched the network, chosen to be none the CLI uses. */
const NETWORK_EXIT = 99;

/**
 * A module for `node --require` that ends the process with NETWORK_EXIT, naming what was used, as
 * soon as the program requires a network module (or a subpath of one, `dns/promises`) or reads the
 * global fetch or WebSocket. Node's own start-up (stdin on a pipe is a net.Socket) does not go
 * through Module._load, so only the program's requires are seen.
 */
const NETWORK_GUARD = `
const Module = require('module');
const NETWORK = new Set(${JSON.stringify(NETWORK_MODULES)});
const fail = (what) => {
  process.stderr.write('network use: ' + what + '\\n');
  process.exit(${NETWORK_EXIT});
};
const load = Module._load;
Module._load = function (request, ...rest) {
  if (NETWORK.has(request.replace(/^node:/, '').split('/')[0])) fail('require(' + JSON.stringify(request) + ')');
  return load.call(this, request, ...rest);
};
for (const name of ['fetch', 'WebSocket']) Object.defineProperty(globalThis, name, { configurable: true, get: () => fail(name) });
`;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|js)$/.test(name) ? [path] : [];
  });
}

describe('no network access', () => {
  it('no source file uses a network module or fetch: the functionConfig is the only source of references', () => {
    const offenders = sourceFiles(join(__dirname, '..', 'src')).filter((file) => NETWORK_USE.test(readFileSync(file, 'utf8')));
    assert.deepEqual(offenders, []);
  });

  describe('the built CLI, its dependencies bundled in, in every mode: no network module required, no fetch', function () {
    this.timeout(60_000);
    const temps = new TempDirs();
    let dir = '';
    let guard = '';
    const EVENT = join(EVENT_FIXTURES, 'distribution.json');
    const EVENT_DEPLOYMENT = readFileSync(join(EVENT_FIXTURES, 'deployment.yaml'), 'utf8');

    /** Runs the built CLI in `dir` under the network guard. */
    const guarded = (args: readonly string[], input = ''): RunResult => run(process.execPath, ['--require', guard, CLI, ...args], { cwd: dir, input });

    before(() => {
      ensureBuilt();
      dir = temps.make('no-network');
      guard = join(dir, 'network-guard.js');
      writeFileSync(guard, NETWORK_GUARD);
      writeFileSync(join(dir, 'fn-config.yaml'), FN_CONFIG);
      writeFileSync(join(dir, 'deployment.yaml'), DEPLOYMENT);
      writeFileSync(join(dir, 'event-deployment.yaml'), EVENT_DEPLOYMENT);
    });
    after(() => temps.cleanup());

    it('KRM mode: a ResourceList on stdin, updated', () => {
      const outcome = guarded([], RESOURCE_LIST);
      assert.equal(outcome.status, 0, describeRun('KRM mode', outcome));
      assert.equal(outcome.stdout.slice(0, UPDATED_RESOURCE_LIST.length), UPDATED_RESOURCE_LIST);
    });

    it('standalone: FN_CONFIG FILE, updated on stdout', () => {
      const outcome = guarded(['fn-config.yaml', 'deployment.yaml']);
      assert.equal(outcome.status, 0, describeRun('standalone', outcome));
      assert.equal(outcome.stdout, UPDATED);
    });

    it('files in place: --image REF -d PATH, a diff of the update', () => {
      const outcome = guarded(['--image', 'my.org/amazing/app:v1.2.3', '-d', 'deployment.yaml']);
      assert.equal(outcome.status, 0, describeRun('--image -d', outcome));
      assert.match(outcome.stdout, /^\+ {8}image: my\.org\/amazing\/app:v1\.2\.3 {3}# kobold: tag: \^1; type: semver$/m);
    });

    it('a registry event: --event PAYLOAD FILE, updated from the payload', () => {
      const outcome = guarded(['--event', EVENT, 'event-deployment.yaml']);
      assert.equal(outcome.status, 0, describeRun('--event', outcome));
      assert.match(outcome.stdout, /^ +image: registry\.example\.com:5000\/team\/app:v1\.4\.2@sha256:[0-9a-f]{64} +# kobold: /m);
    });

    it('decode: a payload to a functionConfig', () => {
      const outcome = guarded(['decode', EVENT]);
      assert.equal(outcome.status, 0, describeRun('decode', outcome));
      assert.match(outcome.stdout, /^- "registry\.example\.com:5000\/team\/app:v1\.4\.2@sha256:[0-9a-f]{64}"$/m);
    });
  });
});
