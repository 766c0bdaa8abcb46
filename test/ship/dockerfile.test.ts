import { strict as assert } from 'assert';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { join, posix } from 'path';
import { parse } from 'yaml';
import {
  Copy,
  execForm,
  instructionsOf,
  isIgnored,
  keyValues,
  parseCopy,
  parseDockerfile,
  parseDockerignore,
  replayDockerfile,
  Replay,
  hostPath,
  listFiles,
  Stage,
  workdirOf,
} from './support/dockerfile';
import { asUser, describeRun, dockerCalls, fakeDockerOnPath, pathWith, REPO, run, TempDirs } from './support/process';
import { FN_CONFIG, resourceListOf } from './support/sample-package';

const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
  version: string;
  license: string;
  description: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const dockerfile = parseDockerfile(readFileSync(join(REPO, 'Dockerfile'), 'utf8'));
const runtime = dockerfile.stages[dockerfile.stages.length - 1];
const DISTROLESS = /^gcr\.io\/distroless\/nodejs20-debian12(:[\w.-]+)?(@sha256:[0-9a-f]{64})?$/;
const NODE_20_SLIM = /^node:20(\.\d+){0,2}-(bookworm-)?slim(@sha256:[0-9a-f]{64})?$/;
const NODE_20 = /^node:20([.-][\w.-]*)?(@sha256:[0-9a-f]{64})?$/;

function single(stage: Stage, keyword: string): string {
  const found = instructionsOf(stage, keyword);
  assert.equal(found.length, 1, `the ${stage.name ?? 'final'} stage must have exactly one ${keyword}`);
  return found[0].args;
}

function stageNamed(name: string): Stage {
  const stage = dockerfile.stages.find((candidate) => candidate.name === name || String(candidate.index) === name);
  assert.ok(stage, `COPY --from=${name} names no stage`);
  return stage;
}

function runsIn(stage: Stage, pattern: RegExp): boolean {
  return instructionsOf(stage, 'RUN').some(({ args }) => pattern.test(args));
}

/** The ARG defaults visible in the final stage. */
function argDefaults(): Map<string, string | undefined> {
  const defaults = new Map<string, string | undefined>();
  for (const { args } of [...dockerfile.globalArgs, ...instructionsOf(runtime, 'ARG')]) {
    for (const [key, value] of keyValues(args)) if (value !== undefined || !defaults.has(key)) defaults.set(key, value);
  }
  return defaults;
}

const ENTRYPOINT = execForm(single(runtime, 'ENTRYPOINT'));
const WORKDIR = workdirOf(runtime);

/** A package file with comment markers (a sidecar the functionConfig does not update), and the shared functionConfig for it. */
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  template:
    spec:
      containers:
      - name: app
        image: my.org/amazing/app:v1.0.0 # kobold: tag: ^1; type: semver
      - name: sidecar
        image: my.org/amazing/sidecar:v1.0.0 # kobold: tag: ^1; type: semver
`;
const RESOURCE_LIST = resourceListOf(DEPLOYMENT, FN_CONFIG);
const UPDATED_ITEMS = RESOURCE_LIST.replace('app:v1.0.0 #', 'app:v1.2.3 #');

/** The function's KRM-mode answer: the input with one scalar changed, then the results. */
function assertUpdated(result: { status: number | null; stdout: string; stderr: string }, what: string): void {
  assert.equal(result.status, 0, describeRun(what, result));
  assert.ok(result.stdout.startsWith(UPDATED_ITEMS), `${what}: the output must be the input with only the app image changed\n${result.stdout}`);
  const list = parse(result.stdout) as { items: { spec: { template: { spec: { containers: { image: string }[] } } } }[]; results: { severity: string; field: { path: string; proposedValue: string } }[] };
  assert.deepEqual(
    list.items[0].spec.template.spec.containers.map(({ image }) => image),
    ['my.org/amazing/app:v1.2.3', 'my.org/amazing/sidecar:v1.0.0'],
  );
  assert.deepEqual(
    list.results.map(({ severity, field }) => [severity, field.path, field.proposedValue]),
    [['info', 'spec.template.spec.containers[0].image', 'my.org/amazing/app:v1.2.3']],
  );
}

describe('Dockerfile', function () {
  this.timeout(180_000);

  describe('structure', () => {
    it('is multi-stage: a Node 20 build stage (npm ci, npm run build), a production-dependency stage, a Node 20 runtime', () => {
      assert.ok(dockerfile.stages.length >= 3, `expected at least 3 stages, found ${dockerfile.stages.length}`);
      const build = dockerfile.stages.find((stage) => runsIn(stage, /\bnpm run build\b/));
      assert.ok(build, 'a stage must run npm run build');
      assert.match(build.from, NODE_20, 'the build stage runs on node:20');
      assert.ok(runsIn(build, /\bnpm ci\b/), 'the build stage installs with npm ci');
      const deps = dockerfile.stages.find((stage) => runsIn(stage, /\bnpm ci\b[^&;|]*--omit=dev/));
      assert.ok(deps, 'a stage must run npm ci --omit=dev');
      assert.notEqual(deps, build, 'production dependencies are installed in a stage of their own');
      assert.notEqual(deps, runtime);
      assert.ok(DISTROLESS.test(runtime.from) || NODE_20_SLIM.test(runtime.from), `the runtime stage must be Node 20 slim or distroless Node 20, not ${runtime.from}`);
      if (DISTROLESS.test(runtime.from)) assert.deepEqual(instructionsOf(runtime, 'RUN'), [], 'a distroless image has no shell to RUN with');
    });

    it('copies only dist/ (from the build stage), production node_modules (from the --omit=dev stage), schemas/ and package.json into the runtime', () => {
      const copies = instructionsOf(runtime, 'COPY').map(({ args }) => parseCopy(args));
      // `COPY file dir/` lands at dir/file.
      const target = (copy: Copy) => posix.resolve(WORKDIR, copy.dest, copy.dest.endsWith('/') ? posix.basename(copy.sources[0]) : '');
      assert.ok(copies.every((copy) => copy.sources.length === 1), 'one source per COPY');
      const byDest = new Map(copies.map((copy) => [target(copy), copy]));
      const app = (name: string) => posix.join(WORKDIR, name);
      assert.deepEqual([...byDest.keys()].sort(), [app('dist'), app('node_modules'), app('package.json'), app('schemas')].sort());
      const dist = byDest.get(app('dist'))!;
      assert.ok(dist.from !== undefined && runsIn(stageNamed(dist.from), /\bnpm run build\b/), 'dist/ comes from the build stage');
      const modules = byDest.get(app('node_modules'))!;
      assert.ok(modules.from !== undefined && runsIn(stageNamed(modules.from), /--omit=dev/), 'node_modules comes from the npm ci --omit=dev stage');
      assert.equal(byDest.get(app('schemas'))!.from, undefined, 'schemas/ comes from the build context');
      assert.equal(byDest.get(app('package.json'))!.from, undefined, 'package.json comes from the build context');
    });

    it('runs as the non-root uid 65532', () => {
      const users = instructionsOf(runtime, 'USER');
      assert.ok(users.length > 0, 'the runtime stage sets USER');
      assert.match(users[users.length - 1].args, /^65532(:65532)?$/);
    });

    it('has an exec-form ENTRYPOINT that runs dist/cli.js with no arguments (KRM mode) and no CMD', () => {
      assert.ok(ENTRYPOINT, 'ENTRYPOINT must be in exec form (a JSON array): the shell form needs /bin/sh and breaks stdin/signals');
      assert.deepEqual(ENTRYPOINT.slice(1), [posix.join(WORKDIR, 'dist', 'cli.js')], 'the entrypoint runs the CLI without arguments, so it reads a ResourceList on stdin');
      if (DISTROLESS.test(runtime.from)) assert.equal(ENTRYPOINT[0], '/nodejs/bin/node', 'distroless Node keeps node at /nodejs/bin/node');
      else assert.equal(posix.basename(ENTRYPOINT[0]), 'node');
      assert.deepEqual(instructionsOf(runtime, 'CMD'), [], 'a CMD would add arguments and switch the CLI to standalone mode');
    });

    it('carries the OCI labels: source, description, licenses (Apache-2.0), version from a build ARG defaulting to the package version', () => {
      const labels = new Map<string, string | undefined>();
      for (const { args } of instructionsOf(runtime, 'LABEL')) for (const [key, value] of keyValues(args)) labels.set(key, value);
      assert.match(labels.get('org.opencontainers.image.source') ?? '', /^https:\/\/\S+$/);
      assert.equal(labels.get('org.opencontainers.image.description'), pkg.description);
      assert.equal(labels.get('org.opencontainers.image.licenses'), 'Apache-2.0');
      assert.equal(pkg.license, 'Apache-2.0');
      const version = /^\$\{?(\w+)\}?$/.exec(labels.get('org.opencontainers.image.version') ?? '');
      assert.ok(version, 'the version label comes from a build ARG');
      assert.equal(argDefaults().get(version[1]), pkg.version, `ARG ${version[1]} defaults to the package version`);
    });

    it('.dockerignore keeps node_modules, dist, .git and packed tarballs out of the context, and every COPY source in', () => {
      const rules = parseDockerignore(readFileSync(join(REPO, '.dockerignore'), 'utf8'));
      for (const path of ['node_modules', 'node_modules/yaml/package.json', 'dist/cli.js', '.git/HEAD', 'kobold-image-ref-updater-0.1.0.tgz', 'test/ship/dockerfile.test.ts']) {
        assert.ok(isIgnored(rules, path), `${path} must be left out of the build context`);
      }
      const sources = dockerfile.stages.flatMap((stage) => instructionsOf(stage, 'COPY').map(({ args }) => parseCopy(args)).filter((copy) => copy.from === undefined).flatMap((copy) => copy.sources));
      for (const source of sources) {
        assert.ok(existsSync(join(REPO, source)), `COPY ${source}: no such file in the repository`);
        assert.ok(!isIgnored(rules, posix.normalize(source)), `COPY ${source} is left out by .dockerignore`);
      }
      assert.ok(!isIgnored(rules, 'src/cli/main.ts') && !isIgnored(rules, 'schemas/configmap.schema.json'), 'sources and schemas are in the context');
    });
  });

  describe('the runtime image, replayed from the Dockerfile in a scratch directory', () => {
    const temps = new TempDirs();
    let replay: Replay;
    let appDir: string;
    let command: string[];

    before(function () {
      this.timeout(180_000);
      assert.ok(ENTRYPOINT, 'an exec-form ENTRYPOINT is needed to run the image');
      const base = temps.make('docker');
      chmodSync(base, 0o755);
      const env = { ...process.env, npm_config_cache: join(base, 'npm-cache'), npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false' };
      replay = replayDockerfile(dockerfile, REPO, join(base, 'fs'), env);
      appDir = hostPath(replay.runtimeRoot, WORKDIR);
      // The image's node is this machine's node; every other absolute path is inside the image.
      command = ENTRYPOINT.map((word, index) => (index === 0 ? process.execPath : word.startsWith('/') ? hostPath(replay.runtimeRoot, word) : word));
    });

    after(() => temps.removeAll());

    it('holds only dist/, schemas/, package.json and the production dependencies under WORKDIR', () => {
      assert.deepEqual(readdirSync(appDir).sort(), ['dist', 'node_modules', 'package.json', 'schemas']);
      assert.ok(existsSync(join(appDir, 'dist', 'cli.js')));
      assert.ok(existsSync(join(appDir, 'dist', 'index.js')));
      assert.deepEqual(listFiles(join(appDir, 'schemas')), listFiles(join(REPO, 'schemas')));
      const modules = readdirSync(join(appDir, 'node_modules'));
      for (const dep of Object.keys(pkg.dependencies)) assert.ok(existsSync(join(appDir, 'node_modules', dep, 'package.json')), `production dependency ${dep} is missing`);
      for (const dev of Object.keys(pkg.devDependencies)) assert.ok(!existsSync(join(appDir, 'node_modules', dev)), `dev dependency ${dev} must not be in the image`);
      assert.ok(!modules.includes('.bin') || !readdirSync(join(appDir, 'node_modules', '.bin')).includes('tsc'), 'no TypeScript compiler in the image');
    });

    it('`docker run -i --rm IMAGE < resource-list.yaml`: the ENTRYPOINT updates the ResourceList and exits 0', () => {
      for (const word of command.slice(1)) if (word.startsWith('/')) assert.ok(existsSync(word), `ENTRYPOINT path ${word} is not in the image`);
      assertUpdated(run(command[0], command.slice(1), { cwd: appDir, input: RESOURCE_LIST, env: { PATH: '/usr/bin:/bin' } }), 'the ENTRYPOINT');
    });

    it('works as the image USER, uid 65532', function () {
      const user = asUser(65532);
      if ('reason' in user) {
        console.log(`      skipped: cannot run as uid 65532 here: ${user.reason}`);
        this.skip();
      }
      const [bin, ...args] = [...user.prefix, ...command];
      assertUpdated(run(bin, args, { cwd: appDir, input: RESOURCE_LIST, env: { PATH: '/usr/bin:/bin' } }), 'the ENTRYPOINT as uid 65532');
    });

    it('works as nobody (uid 65534), the user kpt and kustomize give function containers', function () {
      const user = asUser(65534);
      if ('reason' in user) {
        console.log(`      skipped: cannot run as nobody here: ${user.reason}`);
        this.skip();
      }
      const [bin, ...args] = [...user.prefix, ...command];
      assertUpdated(run(bin, args, { cwd: '/', input: RESOURCE_LIST, env: {} }), 'the ENTRYPOINT as nobody');
    });

    it('`docker run --rm IMAGE --version` prints the version from the image\'s package.json', () => {
      const result = run(command[0], [...command.slice(1), '--version'], { cwd: appDir });
      assert.equal(result.status, 0, describeRun('--version', result));
      assert.equal(result.stdout.trim(), pkg.version);
    });

    it('finds its JSON Schemas in the image: an invalid functionConfig is an error result, exit 1, resources unchanged', () => {
      const input = RESOURCE_LIST.replace('  - my.org/amazing/app:v1.2.3\n', '  - 42\n');
      const result = run(command[0], command.slice(1), { cwd: appDir, input });
      assert.equal(result.status, 1, describeRun('an invalid functionConfig', result));
      assert.match(result.stderr, /items\[0\]/);
      const list = parse(result.stdout) as { items: unknown[]; results: { severity: string }[] };
      assert.deepEqual(parse(input).items, list.items);
      assert.equal(list.results[0].severity, 'error');
    });

    describe('through a docker stand-in that runs the replayed image (no Docker engine here)', () => {
      const IMAGE = 'registry.test/image-ref-updater:dev'; // kpt prefixes names without a registry with gcr.io/kpt-fn/
      let bin: string;
      let log: string;
      let path: string;

      before(() => {
        bin = temps.make('docker-bin');
        chmodSync(bin, 0o755);
        log = fakeDockerOnPath(bin, { image: IMAGE, entrypoint: command, cwd: appDir, user: single(runtime, 'USER') });
        path = pathWith(bin);
      });

      function makePackage(): string {
        const dir = temps.make('kpt-eval');
        mkdirSync(join(dir, 'pkg'));
        writeFileSync(join(dir, 'pkg', 'deployment.yaml'), DEPLOYMENT);
        writeFileSync(join(dir, 'fn-config.yaml'), FN_CONFIG);
        return join(dir, 'pkg');
      }

      it('`docker run -i --rm IMAGE` reads stdin and writes stdout', () => {
        assertUpdated(run('docker', ['run', '-i', '--rm', IMAGE], { input: RESOURCE_LIST, env: { ...process.env, PATH: path } }), 'docker run -i --rm');
      });

      it('`kpt fn eval DIR --image IMAGE --fn-config F` updates the package, running the container as nobody', () => {
        const pkgDir = makePackage();
        const earlier = dockerCalls(log).length;
        const result = run('kpt', ['fn', 'eval', pkgDir, '--image', IMAGE, '--fn-config', join(pkgDir, '..', 'fn-config.yaml')], { env: { ...process.env, PATH: path } });
        assert.equal(result.status, 0, describeRun('kpt fn eval --image', result));
        assert.equal(readFileSync(join(pkgDir, 'deployment.yaml'), 'utf8'), DEPLOYMENT.replace('app:v1.0.0 #', 'app:v1.2.3 #'));
        assert.match(result.stderr, /\[info\] apps\/v1\/Deployment\/app spec\.template\.spec\.containers\[0\]\.image: updated image ref/);
        const runs = dockerCalls(log).slice(earlier).filter((call) => call[0] === 'run');
        assert.ok(runs.length > 0 && runs.every((call) => call.includes('-i') && call.join(' ').includes('--user nobody')), JSON.stringify(runs));
      });

      it('`kpt fn eval DIR --image IMAGE -- images=REF` (a ConfigMap functionConfig) updates the package', () => {
        const pkgDir = makePackage();
        const result = run('kpt', ['fn', 'eval', pkgDir, '--image', IMAGE, '--', 'images=my.org/amazing/sidecar:v1.1.0'], { env: { ...process.env, PATH: path } });
        assert.equal(result.status, 0, describeRun('kpt fn eval --image -- images=', result));
        assert.equal(readFileSync(join(pkgDir, 'deployment.yaml'), 'utf8'), DEPLOYMENT.replace('sidecar:v1.0.0 #', 'sidecar:v1.1.0 #'));
      });

      it('as a kustomize container transformer: kustomize\'s docker flags and its comment-free ResourceList with kobold/markers', () => {
        // kyaml's container runtime: docker run --rm -i -a STDIN -a STDOUT -a STDERR --network none
        // --user nobody --security-opt=no-new-privileges -e NAME... IMAGE
        const input = `apiVersion: config.kubernetes.io/v1
kind: ResourceList
items:
- apiVersion: apps/v1
  kind: Deployment
  metadata:
    annotations:
      config.kubernetes.io/index: '0'
      internal.config.kubernetes.io/index: '0'
      kobold/markers: |
        spec.template.spec.containers[*].image: tag: ^1; type: semver
    name: app
  spec:
    template:
      spec:
        containers:
        - image: my.org/amazing/app:v1.0.0
          name: app
functionConfig:
  apiVersion: kobold/v1alpha3
  items:
  - my.org/amazing/app:v1.2.3
  kind: ImageRefUpdater
  metadata:
    annotations:
      config.kubernetes.io/function: |
        container:
          image: ${IMAGE}
      config.kubernetes.io/local-config: 'true'
    name: image-refs
`;
        const args = ['run', '--rm', '-i', '-a', 'STDIN', '-a', 'STDOUT', '-a', 'STDERR', '--network', 'none', '--user', 'nobody', '--security-opt=no-new-privileges', '-e', 'LOG_TO_STDERR', '-e', 'STRUCTURED_RESULTS', IMAGE];
        const result = run('docker', args, { input, env: { ...process.env, PATH: path, LOG_TO_STDERR: 'true', STRUCTURED_RESULTS: 'true' } });
        assert.equal(result.status, 0, describeRun('docker run (kustomize)', result));
        assert.ok(result.stdout.startsWith(input.replace('image: my.org/amazing/app:v1.0.0', 'image: my.org/amazing/app:v1.2.3')), result.stdout);
      });
    });
  });
});
