import { strict as assert } from 'assert';
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';
import { chownAll, docker, mountOwner, needImage, RUNTIME_BASE, TEST_IMAGE } from '../support/docker';
import { describeRun, onPath, REPO, run, RunResult, skipWith, TempDirs } from '../support/process';
import { DEPLOYMENT, FN_CONFIG, RESOURCE_LIST, UPDATED, UPDATED_RESOURCE_LIST } from '../support/sample-package';
import { KPT_FN, PACKAGE_JSON } from '../support/package-files';


/** A file as kpt writes it back: it re-serialises, leaving one space before a comment. */
const kptWritten = (text: string) => text.replace('   # kobold:', ' # kobold:');
const INFO = {
  message: 'updated image ref "my.org/amazing/app:v1.0.0" to "my.org/amazing/app:v1.2.3"',
  severity: 'info',
  resourceRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'app' },
  field: { path: 'spec.template.spec.containers[0].image', currentValue: 'my.org/amazing/app:v1.0.0', proposedValue: 'my.org/amazing/app:v1.2.3' },
};

/** The function's KRM-mode answer: the input with one scalar changed, then exactly one info result. */
function assertUpdated(result: RunResult, what: string): void {
  assert.equal(result.status, 0, describeRun(what, result));
  assert.ok(result.stdout.startsWith(UPDATED_RESOURCE_LIST), `${what}: the output must be the input with only the image changed\n${result.stdout}`);
  assert.deepEqual(parse(result.stdout.slice(UPDATED_RESOURCE_LIST.length)), { results: [INFO] });
}

/** `docker create IMAGE`, `docker export` of it, and the paths in that tar, sorted (directories end in `/`). */
function filesOf(image: string, temps: TempDirs): string[] {
  const container = docker(['create', image]).stdout.trim();
  try {
    const tar = join(temps.make('export'), 'fs.tar');
    docker(['export', '-o', tar, container]);
    const list = run('tar', ['-tf', tar]);
    assert.equal(list.status, 0, describeRun('tar -tf', list));
    return list.stdout.split('\n').filter((path) => path !== '').sort();
  } finally {
    docker(['rm', container]);
  }
}

describe('container image (a real Docker engine)', function () {
  this.timeout(120_000);
  const temps = new TempDirs();
  beforeEach(function () {
    needImage(this);
  });
  after(() => temps.cleanup());

  /** A directory to mount at /w, owned by `mountOwner()`, holding these files. */
  function mountDir(files: Record<string, string>): string {
    const dir = temps.make('mount');
    chmodSync(dir, 0o755);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    chownAll([dir, ...Object.keys(files).map((name) => join(dir, name))], mountOwner());
    return dir;
  }

  describe('what is in it', () => {
    let config: { User: string; Entrypoint: string[]; Cmd?: string[] | null; WorkingDir: string; Labels: Record<string, string> };
    beforeEach(() => {
      config = JSON.parse(docker(['image', 'inspect', '--format', '{{json .Config}}', TEST_IMAGE]).stdout);
    });

    it('runs as the non-root user 65532 (the distroless nonroot user)', () => {
      assert.equal(config.User, '65532:65532');
      const uid = docker(['run', '--rm', '--network', 'none', '--entrypoint', '/nodejs/bin/node', TEST_IMAGE, '-p', 'process.getuid() + ":" + process.getgid()']);
      assert.equal(uid.stdout.trim(), '65532:65532');
    });

    it('has an exec-form ENTRYPOINT that runs dist/cli.js in KRM mode, no CMD, WORKDIR /app', () => {
      assert.deepEqual(config.Entrypoint, ['/nodejs/bin/node', '/app/dist/cli.js']);
      assert.equal(config.Cmd ?? null, null, 'a CMD would add arguments and switch the CLI to standalone mode');
      assert.equal(config.WorkingDir, '/app');
    });

    it('carries the OCI labels: the package description and version, Apache-2.0, the source that kpt-fn.yaml points at', () => {
      const labels = config.Labels;
      assert.equal(labels['org.opencontainers.image.title'], 'image-ref-updater');
      assert.equal(labels['org.opencontainers.image.description'], PACKAGE_JSON.description);
      assert.equal(labels['org.opencontainers.image.licenses'], 'Apache-2.0');
      assert.equal(labels['org.opencontainers.image.version'], PACKAGE_JSON.version);
      assert.equal(KPT_FN.sourceURL, `${labels['org.opencontainers.image.source']}/tree/v${PACKAGE_JSON.version}`);
    });

    it('`docker build --build-arg VERSION=...` sets the version label', () => {
      const image = 'localhost/image-ref-updater-version:test';
      docker(['build', '--network', 'host', '-q', '--build-arg', 'VERSION=9.8.7-test', '-t', image, '.'], { env: { ...process.env, DOCKER_BUILDKIT: '0' }, timeout: 900_000 });
      try {
        assert.equal(docker(['image', 'inspect', '--format', '{{index .Config.Labels "org.opencontainers.image.version"}}', image]).stdout, '9.8.7-test\n');
      } finally {
        docker(['rmi', image]);
      }
    });

    it('has no shell: no sh, bash, dash or busybox in its file system, and `--entrypoint /bin/sh` cannot start', () => {
      const shells = filesOf(TEST_IMAGE, temps).filter((path) => /(^|\/)(sh|bash|dash|ash|busybox)$/.test(path));
      assert.deepEqual(shells, []);
      const sh = run('docker', ['run', '--rm', '--network', 'none', '--entrypoint', '/bin/sh', TEST_IMAGE, '-c', 'true']);
      assert.notEqual(sh.status, 0, describeRun('docker run --entrypoint /bin/sh', sh));
      assert.match(sh.stderr, /no such file or directory/i);
    });

    it(`adds to ${RUNTIME_BASE} only /app: dist/, schemas/, package.json and the production dependencies of package-lock.json`, () => {
      const base = new Set(filesOf(RUNTIME_BASE, temps));
      const added = filesOf(TEST_IMAGE, temps).filter((path) => !base.has(path));
      assert.deepEqual(added.filter((path) => !path.startsWith('app/')), [], 'files outside /app');
      const top = new Set(added.map((path) => path.split('/')[1]).filter((name) => name !== ''));
      assert.deepEqual([...top].sort(), ['dist', 'node_modules', 'package.json', 'schemas']);
      assert.deepEqual(
        added.filter((path) => path.startsWith('app/schemas/') && !path.endsWith('/')),
        readdirSync(join(REPO, 'schemas'), { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => `app/schemas/${join(entry.parentPath ?? entry.path, entry.name).slice(join(REPO, 'schemas').length + 1)}`)
          .sort(),
      );
      for (const file of ['cli.js', 'cli-bundle.js', 'cli-bundle.cache', 'yaml-bundle.js', 'yaml-bundle.cache', 'index.js', 'index.d.ts']) assert.ok(added.includes(`app/dist/${file}`), `app/dist/${file} is missing`);
      const sources = added.filter((path) => !path.startsWith('app/node_modules/') && /\.ts$/.test(path) && !path.endsWith('.d.ts'));
      assert.deepEqual(sources, [], 'no TypeScript sources');
      // Exactly the packages npm ci --omit=dev installs, by the lock file.
      const lock = JSON.parse(readFileSync(join(REPO, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
      const production = Object.entries(lock.packages).filter(([path, entry]) => path.startsWith('node_modules/') && entry.dev !== true).map(([path]) => `app/${path}/package.json`).sort();
      const installed = added.filter((path) => /^app\/(node_modules\/(@[^/]+\/)?[^/@.][^/]*\/)+package\.json$/.test(path));
      assert.deepEqual(installed, production);
      for (const dev of Object.keys(PACKAGE_JSON.devDependencies)) assert.ok(!added.includes(`app/node_modules/${dev}/`), `dev dependency ${dev} is in the image`);
    });
  });

  it('.dockerignore: the build context has the sources, and no node_modules, dist/, .git, tests, benchmarks or examples', () => {
    // What `docker build .` sends, copied into an image of its own.
    const image = 'localhost/image-ref-updater-context:test';
    docker(['build', '--network', 'host', '-q', '-f', '-', '-t', image, '.'], { input: `FROM ${RUNTIME_BASE}\nCOPY . /context/\n`, env: { ...process.env, DOCKER_BUILDKIT: '0' } });
    try {
      const context = filesOf(image, temps).filter((path) => path.startsWith('context/')).map((path) => path.slice('context/'.length));
      for (const path of ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'src/cli/main.ts', 'schemas/configmap.schema.json', 'scripts/build.js']) assert.ok(context.includes(path), `${path} is in the context`);
      const leaked = context.filter((path) => /(^|\/)(node_modules|\.git)\/|^(dist|test|bench|fn-config-examples|\.ci)\/|^(Dockerfile|\.dockerignore|action\.yml)$|\.tgz$/.test(path));
      assert.deepEqual(leaked, []);
    } finally {
      docker(['rmi', image]);
    }
  });

  describe('`docker run -i --rm --network none IMAGE`: KRM mode', () => {
    it('updates a ResourceList on stdin: the one marked value, one info result, exit 0', () => {
      assertUpdated(run('docker', ['run', '-i', '--rm', '--network', 'none', TEST_IMAGE], { input: RESOURCE_LIST }), 'docker run -i');
    });

    it('with the flags kpt and kustomize use (--user nobody, no-new-privileges, stdio attached) on kustomize\'s comment-free ResourceList with kobold/markers', () => {
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
          image: ${TEST_IMAGE}
      config.kubernetes.io/local-config: 'true'
    name: image-refs
`;
      // kyaml's container runtime, which kustomize uses.
      const args = ['run', '--rm', '-i', '-a', 'STDIN', '-a', 'STDOUT', '-a', 'STDERR', '--network', 'none', '--user', 'nobody', '--security-opt=no-new-privileges', '-e', 'LOG_TO_STDERR', '-e', 'STRUCTURED_RESULTS', TEST_IMAGE];
      const result = run('docker', args, { input, env: { ...process.env, LOG_TO_STDERR: 'true', STRUCTURED_RESULTS: 'true' } });
      assert.equal(result.status, 0, describeRun('docker run (kustomize)', result));
      const updated = input.replace('image: my.org/amazing/app:v1.0.0', 'image: my.org/amazing/app:v1.2.3');
      assert.ok(result.stdout.startsWith(updated), result.stdout);
      assert.deepEqual((parse(result.stdout) as { results: { severity: string; field: { proposedValue: string } }[] }).results.map(({ severity, field }) => [severity, field.proposedValue]), [['info', 'my.org/amazing/app:v1.2.3']]);
    });

    it('finds its JSON Schemas: an invalid functionConfig is an error result naming items[0], exit 1, the resources unchanged', () => {
      const input = RESOURCE_LIST.replace('  - my.org/amazing/app:v1.2.3\n', '  - 42\n');
      const result = run('docker', ['run', '-i', '--rm', '--network', 'none', TEST_IMAGE], { input });
      assert.equal(result.status, 1, describeRun('an invalid functionConfig', result));
      assert.match(result.stderr, /items\[0\]/);
      assert.ok(result.stdout.startsWith(input), result.stdout);
      const results = (parse(result.stdout) as { results: { severity: string }[] }).results;
      assert.deepEqual(results.map(({ severity }) => severity), ['error']);
    });

    it('`docker run --rm IMAGE --version` prints the package version', () => {
      const result = docker(['run', '--rm', '--network', 'none', TEST_IMAGE, '--version']);
      assert.equal(result.stdout, `${PACKAGE_JSON.version}\n`);
    });
  });

  it('standalone mode on a mounted directory (`-u` its owner, `-v DIR:/w -w /w`): the file on stdout, updated; results on stderr', () => {
    const { uid, gid } = mountOwner();
    const dir = mountDir({ 'fn-config.yaml': FN_CONFIG, 'deployment.yaml': DEPLOYMENT });
    const result = run('docker', ['run', '--rm', '--network', 'none', '-u', `${uid}:${gid}`, '-v', `${dir}:/w`, '-w', '/w', TEST_IMAGE, 'fn-config.yaml', 'deployment.yaml']);
    assert.equal(result.status, 0, describeRun('docker run (standalone)', result));
    assert.equal(result.stdout, UPDATED);
    assert.deepEqual(parse(result.stderr), [{ ...INFO, file: { path: 'deployment.yaml', index: 0 } }]);
    assert.equal(readFileSync(join(dir, 'deployment.yaml'), 'utf8'), DEPLOYMENT, 'standalone mode does not write');
  });

  describe('files in place on a mounted directory (SPEC §8: --image, --write, --list)', () => {
    const OTHER = DEPLOYMENT.replace('name: app #', 'name: other #');
    const files = (): Record<string, string> => ({ 'a.yaml': DEPLOYMENT, 'b.yaml': OTHER, 'c.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\n' });
    const inPlace = (user: string, dir: string, ...args: string[]) => run('docker', ['run', '--rm', '--network', 'none', '-u', user, '-v', `${dir}:/w`, '-w', '/w', TEST_IMAGE, '--image', 'my.org/amazing/app:v1.2.3', ...args]);

    it('`--image REF -l .` lists the files that would change and writes nothing', () => {
      const { uid, gid } = mountOwner();
      const dir = mountDir(files());
      const result = inPlace(`${uid}:${gid}`, dir, '-l', '.');
      assert.equal(result.status, 0, describeRun('--list', result));
      assert.equal(result.stdout, 'a.yaml\nb.yaml\n');
      assert.match(result.stderr, /^# 2 fields would be updated in 2 files(, .*)?$/m);
      for (const [name, text] of Object.entries(files())) assert.equal(readFileSync(join(dir, name), 'utf8'), text, name);
    });

    it('`--image REF -w .` as the files\' owner rewrites the changed files in place (owner and mode kept), leaves the others untouched', () => {
      const { uid, gid } = mountOwner();
      const dir = mountDir(files());
      chmodSync(join(dir, 'b.yaml'), 0o640);
      const unchangedMtime = statSync(join(dir, 'c.yaml')).mtimeMs;
      const result = inPlace(`${uid}:${gid}`, dir, '-w', '.');
      assert.equal(result.status, 0, describeRun('--write', result));
      assert.equal(result.stdout, '');
      assert.match(result.stderr, /^# 2 fields updated in 2 files(, .*)?$/m);
      assert.equal(readFileSync(join(dir, 'a.yaml'), 'utf8'), UPDATED);
      assert.equal(readFileSync(join(dir, 'b.yaml'), 'utf8'), OTHER.replace('app:v1.0.0 ', 'app:v1.2.3 '));
      assert.equal(readFileSync(join(dir, 'c.yaml'), 'utf8'), files()['c.yaml']);
      assert.equal(statSync(join(dir, 'c.yaml')).mtimeMs, unchangedMtime, 'an unchanged file is not touched');
      for (const name of ['a.yaml', 'b.yaml']) assert.deepEqual([statSync(join(dir, name)).uid, statSync(join(dir, name)).gid], [uid, gid], `${name} keeps its owner`);
      assert.equal(statSync(join(dir, 'b.yaml')).mode & 0o777, 0o640, 'b.yaml keeps its mode');
      assert.deepEqual(readdirSync(dir).sort(), ['a.yaml', 'b.yaml', 'c.yaml'], 'no temporary file is left');
    });

    it('`-w` as a uid that may not write the files: an error line naming a file, nothing written, exit 1', () => {
      const dir = mountDir(files());
      const result = inPlace('4321:4321', dir, '-w', '.');
      assert.equal(result.status, 1, describeRun('--write as another uid', result));
      assert.equal(result.stdout, '');
      const lines = result.stderr.split('\n').filter((line) => /^image-ref-updater: .*\b[ab]\.yaml\b/.test(line) && /permission|not writable|may not write|EACCES/i.test(line));
      assert.ok(lines.length > 0, `a line names a.yaml or b.yaml and says it cannot be written:\n${result.stderr}`);
      assert.doesNotMatch(result.stderr, /^\s+at /m, 'no stack trace');
      for (const [name, text] of Object.entries(files())) assert.equal(readFileSync(join(dir, name), 'utf8'), text, `${name} is unchanged`);
      assert.deepEqual(readdirSync(dir).sort(), ['a.yaml', 'b.yaml', 'c.yaml'], 'no temporary file is left');
    });
  });

  describe('kpt fn eval --image (kpt runs the container: --network none, --user nobody)', () => {
    beforeEach(function () {
      if (!onPath('kpt')) skipWith(this, 'kpt is not on PATH');
    });

    function makePackage(): string {
      const dir = temps.make('kpt-eval');
      mkdirSync(join(dir, 'pkg'));
      writeFileSync(join(dir, 'pkg', 'deployment.yaml'), DEPLOYMENT);
      writeFileSync(join(dir, 'fn-config.yaml'), FN_CONFIG);
      return join(dir, 'pkg');
    }

    it('`kpt fn eval DIR --image IMAGE --image-pull-policy ifNotPresent --fn-config F` updates the package', () => {
      const pkgDir = makePackage();
      const result = run('kpt', ['fn', 'eval', pkgDir, '--image', TEST_IMAGE, '--image-pull-policy', 'ifNotPresent', '--fn-config', join(pkgDir, '..', 'fn-config.yaml'), '--truncate-output=false']);
      assert.equal(result.status, 0, describeRun('kpt fn eval --image', result));
      assert.equal(readFileSync(join(pkgDir, 'deployment.yaml'), 'utf8'), kptWritten(UPDATED));
      assert.match(result.stderr, /\[info\] apps\/v1\/Deployment\/app spec\.template\.spec\.containers\[0\]\.image: updated image ref "my\.org\/amazing\/app:v1\.0\.0" to "my\.org\/amazing\/app:v1\.2\.3"/);
    });

    it('`kpt fn eval DIR --image IMAGE --image-pull-policy ifNotPresent -- images=REF` (a ConfigMap functionConfig) updates the package', () => {
      const pkgDir = makePackage();
      const result = run('kpt', ['fn', 'eval', pkgDir, '--image', TEST_IMAGE, '--image-pull-policy', 'ifNotPresent', '--', 'images=my.org/amazing/app:v1.1.0']);
      assert.equal(result.status, 0, describeRun('kpt fn eval --image -- images=', result));
      assert.equal(readFileSync(join(pkgDir, 'deployment.yaml'), 'utf8'), kptWritten(DEPLOYMENT.replace('app:v1.0.0 ', 'app:v1.1.0 ')));
    });
  });
});
