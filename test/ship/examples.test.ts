import { strict as assert } from 'assert';
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import { join } from 'path';
import { parse, stringify } from 'yaml';
import { needImage, TEST_IMAGE } from '../support/docker';
import { CLI, cliOnPath, describeRun, ensureBuilt, npxOnPath, onPath, pathWith, REPO, run, skipWith, TempDirs } from '../support/process';
import { KPT_FN, PACKAGE_JSON } from '../support/package-files';

const EXAMPLES = join(REPO, 'fn-config-examples');
const IMAGE = `${KPT_FN.image}:v${PACKAGE_JSON.version}`;

type Changes = Record<string, [string, string][]>;

/** Copies an example directory into a fresh temporary directory. */
function copyExample(temps: TempDirs, name: string): string {
  const dir = join(temps.make(name), name);
  cpSync(join(EXAMPLES, name), dir, { recursive: true });
  return dir;
}

/** Every file of the example as it must be after a run: the original with exactly these replacements. */
function assertFiles(dir: string, example: string, changes: Changes, overrides: Record<string, string> = {}): void {
  const source = join(EXAMPLES, example);
  for (const file of readdirSync(source, { recursive: true }) as string[]) {
    if (statSync(join(source, file)).isDirectory()) continue;
    let expected = overrides[file] ?? readFileSync(join(source, file), 'utf8');
    for (const [from, to] of changes[file] ?? []) {
      assert.ok(expected.includes(from), `${example}/${file} no longer contains ${from}`);
      expected = expected.replace(from, to);
    }
    assert.equal(readFileSync(join(dir, file), 'utf8'), expected, `${example}/${file}`);
  }
}

function infoLines(output: string): string[] {
  return output.split('\n').filter((line) => line.includes('[info]'));
}

describe('fn-config-examples', function () {
  this.timeout(120_000);
  const temps = new TempDirs();
  before(() => ensureBuilt());
  after(() => temps.cleanup());

  describe('kpt-package/', () => {
    const CHANGES: Changes = {
      'deployment.yaml': [
        ['image: busybox:1.35 #', 'image: busybox:1.36.1 #'],
        ['image: my.org/amazing/app:v1.0.0 #', 'image: my.org/amazing/app:v1.2.3 #'],
        ['image: ghcr.io/org/worker:main-41 #', 'image: ghcr.io/org/worker:main-42 #'],
      ],
      'helmrelease.yaml': [['tag: 7.2.3 #', 'tag: 7.2.4 #']],
      'kustomization.yaml': [['newTag: v1.0.0 #', 'newTag: v1.2.3 #']],
    };
    const kptfile = () => parse(readFileSync(join(EXAMPLES, 'kpt-package', 'Kptfile'), 'utf8'));

    it('has a Kptfile whose pipeline runs `exec: image-ref-updater` with a configPath to a kobold/v1alpha3 List in the package', () => {
      const mutators = kptfile().pipeline.mutators as { exec?: string; configPath?: string }[];
      assert.equal(mutators.length, 1);
      assert.equal(mutators[0].exec, 'image-ref-updater');
      const config = parse(readFileSync(join(EXAMPLES, 'kpt-package', mutators[0].configPath!), 'utf8'));
      assert.deepEqual([config.apiVersion, config.kind], ['kobold/v1alpha3', 'List']);
      assert.equal(config.metadata.annotations['config.kubernetes.io/local-config'], 'true', 'the functionConfig must not be deployed');
    });

    it('`kpt fn render --allow-exec` (image-ref-updater on PATH) updates exactly the marked values', () => {
      const dir = copyExample(temps, 'kpt-package');
      const bin = temps.make('bin');
      cliOnPath(bin);
      const result = run('kpt', ['fn', 'render', dir, '--allow-exec', '--truncate-output=false'], { env: { ...process.env, PATH: pathWith(bin) } });
      assert.equal(result.status, 0, describeRun('kpt fn render', result));
      assertFiles(dir, 'kpt-package', CHANGES);
      assert.equal(infoLines(result.stderr).length, 5, result.stderr);
      assert.match(result.stderr, /\[info\] helm\.toolkit\.fluxcd\.io\/v2\/HelmRelease\/redis spec\.values\.image\.tag: updated image ref "7\.2\.3" to "7\.2\.4"/);
    });

    it('`kpt fn render` without --allow-exec refuses the exec function and changes nothing', () => {
      const dir = copyExample(temps, 'kpt-package');
      const bin = temps.make('bin');
      cliOnPath(bin);
      const result = run('kpt', ['fn', 'render', dir], { env: { ...process.env, PATH: pathWith(bin) } });
      assert.notEqual(result.status, 0, describeRun('kpt fn render', result));
      assertFiles(dir, 'kpt-package', {});
    });

    it('Kptfile.image is the same pipeline with the image mutator', () => {
      const exec = kptfile();
      const image = parse(readFileSync(join(EXAMPLES, 'kpt-package', 'Kptfile.image'), 'utf8'));
      assert.equal(image.pipeline.mutators[0].image, IMAGE);
      const { image: _image, ...imageMutator } = image.pipeline.mutators[0];
      const { exec: _exec, ...execMutator } = exec.pipeline.mutators[0];
      assert.deepEqual(imageMutator, execMutator);
      assert.deepEqual({ ...image, pipeline: undefined }, { ...exec, pipeline: undefined });
    });

    it('`kpt fn render --image-pull-policy ifNotPresent` with Kptfile.image (the image built here) updates exactly the marked values', function () {
      needImage(this);
      const dir = copyExample(temps, 'kpt-package');
      const kptfileImage = readFileSync(join(dir, 'Kptfile.image'), 'utf8').replace(`image: ${IMAGE}\n`, `image: ${TEST_IMAGE}\n`);
      writeFileSync(join(dir, 'Kptfile'), kptfileImage);
      const result = run('kpt', ['fn', 'render', dir, '--image-pull-policy', 'ifNotPresent', '--truncate-output=false']);
      assert.equal(result.status, 0, describeRun('kpt fn render (image)', result));
      assertFiles(dir, 'kpt-package', CHANGES, { Kptfile: kptfileImage });
      assert.ok(result.stderr.includes(`[PASS] "${TEST_IMAGE}"`), result.stderr);
      assert.equal(infoLines(result.stderr).length, 5, result.stderr);
    });

    it('`kpt fn eval --exec image-ref-updater -- images=REF` (README) updates with a ConfigMap functionConfig', () => {
      const dir = copyExample(temps, 'kpt-package');
      const bin = temps.make('bin');
      cliOnPath(bin);
      const result = run('kpt', ['fn', 'eval', dir, '--exec', 'image-ref-updater', '--', 'images=my.org/amazing/app:v1.2.3'], { env: { ...process.env, PATH: pathWith(bin) } });
      assert.equal(result.status, 0, describeRun('kpt fn eval', result));
      assertFiles(dir, 'kpt-package', { 'deployment.yaml': [CHANGES['deployment.yaml'][1]], 'kustomization.yaml': CHANGES['kustomization.yaml'] });
    });
  });

  describe('embedded/', function () {
    beforeEach(function () {
      if (!onPath('kpt')) skipWith(this, 'kpt is not on PATH');
    });

    const CHANGES: Changes = {
      'application.yaml': [
        ['  tag: v1.0.0 #', '  tag: v1.2.3 #'],
        ['image: my.org/amazing/app:v1.0.0 #', 'image: my.org/amazing/app:v1.2.3 #'],
      ],
      'values-configmap.yaml': [['tag: 7.2.3 #', 'tag: 7.2.4 #']],
    };
    const RESULTS = [
      '[info] argoproj.io/v1alpha1/Application/argocd/amazing-app spec.source.helm.values|image.tag: updated image ref "v1.0.0" to "v1.2.3"',
      '[info] argoproj.io/v1alpha1/Application/argocd/amazing-app spec.source.helm.values|worker.image: updated image ref "my.org/amazing/app:v1.0.0" to "my.org/amazing/app:v1.2.3"',
      '[info] v1/ConfigMap/cache/redis-values data["values.yaml"]|image.tag: updated image ref "7.2.3" to "7.2.4"',
    ];

    it('`kpt fn eval --exec image-ref-updater --fn-config image-refs.yaml` (README) updates the markers inside the Helm values strings, and nothing else', () => {
      const dir = copyExample(temps, 'embedded');
      const bin = temps.make('bin');
      cliOnPath(bin);
      const result = run('kpt', ['fn', 'eval', dir, '--exec', 'image-ref-updater', '--fn-config', join(dir, 'image-refs.yaml'), '--truncate-output=false'], { env: { ...process.env, PATH: pathWith(bin) } });
      assert.equal(result.status, 0, describeRun('kpt fn eval', result));
      assertFiles(dir, 'embedded', CHANGES);
      assert.deepEqual(infoLines(result.stderr).map((line) => line.trim()), RESULTS);
      const values = parse(parse(readFileSync(join(dir, 'values-configmap.yaml'), 'utf8')).data['values.yaml']);
      assert.equal(values.image.tag, '7.2.4', 'the embedded document reads back with the new tag');
    });

    it('`kpt fn render --allow-exec` runs the same through the Kptfile', () => {
      const dir = copyExample(temps, 'embedded');
      const bin = temps.make('bin');
      cliOnPath(bin);
      const result = run('kpt', ['fn', 'render', dir, '--allow-exec', '--truncate-output=false'], { env: { ...process.env, PATH: pathWith(bin) } });
      assert.equal(result.status, 0, describeRun('kpt fn render', result));
      assertFiles(dir, 'embedded', CHANGES);
      assert.deepEqual(infoLines(result.stderr).map((line) => line.trim()), RESULTS);
    });
  });

  describe('kustomize/', () => {
    const DIR = join(EXAMPLES, 'kustomize');
    const kustomization = parse(readFileSync(join(DIR, 'kustomization.yaml'), 'utf8')) as { resources: string[]; transformers: string[] };

    /**
     * The ResourceList `kustomize build` sends a transformer: the resources without comments and with
     * sorted keys (kustomize serialises through JSON), with its id/index annotations, and the
     * transformer config, marked local, as functionConfig.
     */
    function kustomizeInput(configFile: string): string {
      const items = kustomization.resources.map((file, index) => {
        const resource = parse(readFileSync(join(DIR, file), 'utf8'));
        resource.metadata.annotations = {
          ...resource.metadata.annotations,
          'config.kubernetes.io/index': String(index),
          'internal.config.kubernetes.io/index': String(index),
          'internal.config.kubernetes.io/id': String(index + 1),
          'config.k8s.io/id': String(index + 1),
        };
        return resource;
      });
      const functionConfig = parse(readFileSync(join(DIR, configFile), 'utf8'));
      functionConfig.metadata.annotations['config.kubernetes.io/local-config'] = 'true';
      return stringify({ apiVersion: 'config.kubernetes.io/v1', kind: 'ResourceList', items, functionConfig }, { sortMapEntries: true });
    }

    function assertTransformed(output: string): void {
      const list = parse(output) as { items: Record<string, any>[]; results: { severity: string }[] };
      const [deployment, release] = list.items;
      assert.deepEqual(deployment.spec.template.spec.initContainers.map((c: { image: string }) => c.image), ['busybox:1.36.1']);
      assert.deepEqual(deployment.spec.template.spec.containers.map((c: { image: string }) => c.image), ['my.org/amazing/app:v1.2.3', 'my.org/amazing/sidecar:v1.0.0']);
      assert.equal(release.spec.values.image.tag, '7.2.4');
      assert.equal(deployment.metadata.annotations['kobold/markers'], parse(readFileSync(join(DIR, 'deployment.yaml'), 'utf8')).metadata.annotations['kobold/markers'], 'the annotation is never changed');
      assert.deepEqual(list.results.map(({ severity }) => severity), ['info', 'info', 'info']);
    }

    it('lists image-ref-updater.yaml under transformers: an ImageRefUpdater run by exec from PATH; the container variant runs the image', () => {
      assert.deepEqual(kustomization.transformers, ['image-ref-updater.yaml']);
      const exec = parse(readFileSync(join(DIR, 'image-ref-updater.yaml'), 'utf8'));
      const container = parse(readFileSync(join(DIR, 'image-ref-updater.container.yaml'), 'utf8'));
      for (const config of [exec, container]) assert.deepEqual([config.apiVersion, config.kind], ['kobold/v1alpha3', 'ImageRefUpdater']);
      assert.deepEqual(parse(exec.metadata.annotations['config.kubernetes.io/function']), { exec: { path: 'image-ref-updater' } });
      assert.deepEqual(parse(container.metadata.annotations['config.kubernetes.io/function']), { container: { image: IMAGE } });
      assert.deepEqual(container.items, exec.items);
      for (const file of kustomization.resources) {
        const text = readFileSync(join(DIR, file), 'utf8');
        assert.doesNotMatch(text, /\S\s+# kobold:/, `${file}: kustomize drops comments, so markers must be annotations`);
        assert.ok(parse(text).metadata.annotations['kobold/markers'], `${file} has kobold/markers`);
      }
    });

    for (const config of ['image-ref-updater.yaml', 'image-ref-updater.container.yaml']) {
      it(`the CLI in KRM mode updates the ResourceList kustomize sends with ${config}, changing only the marked values`, () => {
        const input = kustomizeInput(config);
        const result = run(process.execPath, [CLI], { input });
        assert.equal(result.status, 0, describeRun('image-ref-updater', result));
        assertTransformed(result.stdout);
        const unchanged = input
          .replace('image: busybox:1.35\n', 'image: busybox:1.36.1\n')
          .replace('image: my.org/amazing/app:v1.0.0\n', 'image: my.org/amazing/app:v1.2.3\n')
          .replace('tag: 7.2.3\n', 'tag: 7.2.4\n');
        assert.ok(result.stdout.startsWith(unchanged), `only the marked values change:\n${result.stdout}`);
      });
    }

    it('`kustomize build --enable-alpha-plugins --enable-exec` (real kustomize, when on PATH)', function () {
      if (!onPath('kustomize')) skipWith(this, 'kustomize is not on PATH (kubectl kustomize has no --enable-exec); the ResourceList it sends is covered above');
      const bin = temps.make('bin');
      cliOnPath(bin);
      const result = run('kustomize', ['build', DIR, '--enable-alpha-plugins', '--enable-exec'], { env: { ...process.env, PATH: pathWith(bin) } });
      assert.equal(result.status, 0, describeRun('kustomize build', result));
      const documents = result.stdout.split(/^---$/m).map((doc) => parse(doc));
      const deployment = documents.find((doc) => doc.kind === 'Deployment');
      const release = documents.find((doc) => doc.kind === 'HelmRelease');
      assert.deepEqual(deployment.spec.template.spec.containers.map((c: { image: string }) => c.image), ['my.org/amazing/app:v1.2.3', 'my.org/amazing/sidecar:v1.0.0']);
      assert.deepEqual(deployment.spec.template.spec.initContainers.map((c: { image: string }) => c.image), ['busybox:1.36.1']);
      assert.equal(release.spec.values.image.tag, '7.2.4');
    });
  });

  describe('ci/', () => {
    const CHANGES: Changes = {
      'manifests/deployment.yaml': [
        ['image: my.org/amazing/app:v1.0.0 #', 'image: my.org/amazing/app:v1.2.3 #'],
        ['image: nginx:1.25.3 #', 'image: nginx:1.25.4 #'],
      ],
      'manifests/cronjob.yaml': [['image: my.org/amazing/app:v1.0.0 #', 'image: my.org/amazing/app:v1.2.3 #']],
    };

    it('docker-run.sh: a here-doc functionConfig, `kpt fn source`, `docker run -i --rm --network none IMAGE`, `kpt fn sink`: the manifests are updated in place', function () {
      needImage(this);
      const dir = copyExample(temps, 'ci');
      const result = run('bash', ['docker-run.sh', 'my.org/amazing/app:v1.2.3', 'nginx:1.25.4'], { cwd: dir, env: { ...process.env, IMAGE: TEST_IMAGE } });
      assert.equal(result.status, 0, describeRun('docker-run.sh', result));
      assertFiles(dir, 'ci', CHANGES);
      assert.deepEqual(result.stderr.split('\n').filter((line) => line.includes('updated image ref')), [
        '"updated image ref \\"my.org/amazing/app:v1.0.0\\" to \\"my.org/amazing/app:v1.2.3\\""',
        '"updated image ref \\"my.org/amazing/app:v1.0.0\\" to \\"my.org/amazing/app:v1.2.3\\""',
        '"updated image ref \\"nginx:1.25.3\\" to \\"nginx:1.25.4\\""',
      ]);
    });

    it('docker-run.sh: an unusable reference list fails and leaves the manifests alone', function () {
      needImage(this);
      const dir = copyExample(temps, 'ci');
      const result = run('bash', ['docker-run.sh', ' , '], { cwd: dir, env: { ...process.env, IMAGE: TEST_IMAGE } });
      assert.equal(result.status, 1, describeRun('docker-run.sh " , "', result));
      assert.match(result.stderr, /images/);
      assertFiles(dir, 'ci', {});
    });

    it('npx-run.sh: `npx image-ref-updater fn-config.yaml --write manifests`, the files rewritten byte-exact', () => {
      const dir = copyExample(temps, 'ci');
      const { bin, log } = npxOnPath(temps.make('bin'));
      const result = run('bash', ['npx-run.sh'], { cwd: dir, env: { ...process.env, PATH: pathWith(bin) } });
      assert.equal(result.status, 0, describeRun('npx-run.sh', result));
      assertFiles(dir, 'ci', CHANGES);
      const calls = readFileSync(log, 'utf8').trim().split('\n');
      assert.deepEqual(calls.map((call) => call.replace(/^.* image-ref-updater /, '')), ['fn-config.yaml --write manifests']);
      assert.ok(calls.every((call) => call.includes('kobold-image-ref-updater')), 'npx is told which package has the bin');
      assert.match(result.stderr, /updated image ref/);
      assert.match(result.stderr, /^# 3 fields updated in 2 files\n$/m);
    });

    it('npx-run.sh: a broken functionConfig exits 1 and leaves the manifests alone', () => {
      const dir = copyExample(temps, 'ci');
      const { bin } = npxOnPath(temps.make('bin'));
      writeFileSync(join(dir, 'broken.yaml'), 'apiVersion: kobold/v1alpha3\nkind: List\nitems: [42]\n');
      const result = run('bash', ['npx-run.sh'], { cwd: dir, env: { ...process.env, PATH: pathWith(bin), FN_CONFIG: 'broken.yaml' } });
      assert.equal(result.status, 1, describeRun('npx-run.sh', result));
      assertFiles(dir, 'ci', {});
    });
  });
});
