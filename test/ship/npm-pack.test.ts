import { strict as assert } from 'assert';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';
import { describeRun, ensureBuilt, run, RunResult, TempDirs } from '../support/process';
import { DEPLOYMENT, FN_CONFIG, RESOURCE_LIST, UPDATED, UPDATED_RESOURCE_LIST } from '../support/sample-package';
import { PACKAGE_JSON } from '../support/package-files';


describe('npm package (npm pack, installed in an empty project)', function () {
  this.timeout(300_000);
  const temps = new TempDirs();
  let env: NodeJS.ProcessEnv;
  let packed: { filename: string; files: { path: string }[] };
  let project: string;

  function inProject(command: string, args: string[], input = ''): RunResult {
    return run(command, args, { cwd: project, env, input });
  }

  before(function () {
    this.timeout(300_000);
    ensureBuilt();
    const base = temps.make('npm-pack');
    env = { ...process.env, npm_config_cache: join(base, 'npm-cache'), npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false' };
    const pack = run('npm', ['pack', '--json', '--pack-destination', base], { env, timeout: 120_000 });
    assert.equal(pack.status, 0, describeRun('npm pack', pack));
    [packed] = JSON.parse(pack.stdout) as (typeof packed)[];
    project = join(base, 'consumer');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }, null, 2));
    const install = inProject('npm', ['install', join(base, packed.filename)]);
    assert.equal(install.status, 0, describeRun('npm install <tgz>', install));
  });

  after(() => temps.cleanup());

  it('packs dist/, schemas/, README.md and package.json, and nothing of src/ or test/', () => {
    const files = packed.files.map(({ path }) => path);
    for (const file of ['package.json', 'README.md', 'dist/cli.js', 'dist/cli-bundle.js', 'dist/cli-bundle.cache', 'dist/yaml-bundle.js', 'dist/yaml-bundle.cache', 'dist/index.js', 'dist/index.d.ts', 'schemas/kobold-v1alpha3.schema.json', 'schemas/configmap.schema.json']) {
      assert.ok(files.includes(file), `${file} is not in the package`);
    }
    const stray = files.filter((file) => !/^(dist\/|schemas\/|README\.md$|package\.json$|LICENSE)/.test(file));
    assert.deepEqual(stray, []);
    assert.equal(PACKAGE_JSON.bin['image-ref-updater'], 'dist/cli.js');
  });

  it('links the image-ref-updater bin into the project', () => {
    assert.ok(existsSync(join(project, 'node_modules', '.bin', 'image-ref-updater')));
    assert.ok(existsSync(join(project, 'node_modules', PACKAGE_JSON.name, 'schemas', 'kobold-v1alpha3.schema.json')));
  });

  it('`npx image-ref-updater --help` exits 0 with the usage', () => {
    const result = inProject('npx', ['image-ref-updater', '--help']);
    assert.equal(result.status, 0, describeRun('npx image-ref-updater --help', result));
    assert.match(result.stdout, /Usage:/);
    assert.match(result.stdout, /image-ref-updater FN_CONFIG/);
  });

  it('`npx image-ref-updater --version` prints the package version', () => {
    const result = inProject('npx', ['image-ref-updater', '--version']);
    assert.equal(result.status, 0, describeRun('npx image-ref-updater --version', result));
    assert.equal(result.stdout.trim(), PACKAGE_JSON.version);
  });

  it('KRM mode: a ResourceList on stdin, the updated one on stdout, exit 0', () => {
    const result = inProject('npx', ['image-ref-updater'], RESOURCE_LIST);
    assert.equal(result.status, 0, describeRun('npx image-ref-updater < resource-list.yaml', result));
    assert.ok(result.stdout.startsWith(UPDATED_RESOURCE_LIST), result.stdout);
    const list = parse(result.stdout) as { results: { severity: string; message: string }[] };
    assert.deepEqual(list.results.map(({ severity }) => severity), ['info']);
  });

  it('standalone mode: `npx image-ref-updater fn-config.yaml deployment.yaml` prints the file with only the value changed', () => {
    writeFileSync(join(project, 'fn-config.yaml'), FN_CONFIG);
    writeFileSync(join(project, 'deployment.yaml'), DEPLOYMENT);
    const result = inProject('npx', ['image-ref-updater', 'fn-config.yaml', 'deployment.yaml']);
    assert.equal(result.status, 0, describeRun('npx image-ref-updater fn-config.yaml deployment.yaml', result));
    assert.equal(result.stdout, UPDATED);
    assert.match(result.stderr, /updated image ref/);
  });

  it('finds its shipped JSON Schemas: an invalid functionConfig is an error, exit 1', () => {
    writeFileSync(join(project, 'broken.yaml'), 'apiVersion: kobold/v1alpha3\nkind: List\nitems: [42]\n');
    writeFileSync(join(project, 'deployment.yaml'), DEPLOYMENT);
    const result = inProject('npx', ['image-ref-updater', 'broken.yaml', 'deployment.yaml']);
    assert.equal(result.status, 1, describeRun('an invalid functionConfig', result));
    assert.match(result.stderr, /items\[0\]/);
    assert.equal(result.stdout, DEPLOYMENT);
  });

  it("`require('kobold-image-ref-updater').updateImageRefs` works, with its type declarations shipped", () => {
    const script = `const { updateImageRefs } = require(${JSON.stringify(PACKAGE_JSON.name)});
const { output, results } = updateImageRefs(${JSON.stringify(DEPLOYMENT)}, ['my.org/amazing/app:v1.2.3']);
process.stdout.write(JSON.stringify({ output, severities: results.map((r) => r.severity) }));`;
    const result = inProject(process.execPath, ['-e', script]);
    assert.equal(result.status, 0, describeRun('require()', result));
    assert.deepEqual(JSON.parse(result.stdout), { output: UPDATED, severities: ['info'] });
    const types = readFileSync(join(project, 'node_modules', PACKAGE_JSON.name, 'dist', 'index.d.ts'), 'utf8');
    assert.match(types, /export declare function updateImageRefs\(/);
  });
});
