import { strict as assert } from 'assert';
import Ajv from 'ajv';
import { existsSync, readFileSync, statSync, writeFileSync } from 'fs';
import { join, posix } from 'path';
import { parse, parseDocument, stringify } from 'yaml';
import { CLI, describeRun, ensureBuilt, REPO, run, TempDirs } from '../support/process';
import { KPT_FN_TEXT, PACKAGE_JSON } from '../support/package-files';

interface FunctionConfigEntry {
  apiVersion: string;
  kind: string;
  schema: string;
  example: string;
}

interface CatalogMetadata {
  image: string;
  description: string;
  tags: string[];
  sourceURL: string;
  examplePackageURLs: string[];
  license: string;
  functionConfigs: FunctionConfigEntry[];
}


function metadata(): CatalogMetadata {
  return parse(KPT_FN_TEXT) as CatalogMetadata;
}

function readYaml(path: string): Record<string, unknown> {
  return parse(readFileSync(join(REPO, path), 'utf8')) as Record<string, unknown>;
}

/** Ways to break a valid functionConfig of each family; each must be rejected by the schema and the function. */
const BROKEN: Record<string, { what: string; change: (config: Record<string, unknown>) => Record<string, unknown> }[]> = {
  'kobold/v1alpha3': [
    { what: 'a non-string item', change: (config) => ({ ...config, items: ['my.org/amazing/app:v1.2.3', 42] }) },
    { what: 'items that is not a list', change: (config) => ({ ...config, items: 'my.org/amazing/app:v1.2.3' }) },
    { what: 'no items', change: ({ items: _items, ...config }) => config },
    { what: 'another apiVersion', change: (config) => ({ ...config, apiVersion: 'kobold/v1alpha2' }) },
  ],
  v1: [
    { what: 'an empty images', change: (config) => ({ ...config, data: { images: ' , ' } }) },
    { what: 'no images', change: (config) => ({ ...config, data: {} }) },
    { what: 'no data', change: ({ data: _data, ...config }) => config },
    { what: 'images that is not a string', change: (config) => ({ ...config, data: { images: ['my.org/amazing/app:v1.2.3'] } }) },
  ],
};

describe('kpt-fn.yaml (catalog metadata)', function () {
  this.timeout(60_000);
  const temps = new TempDirs();
  after(() => temps.cleanup());

  it('parses as one YAML document with the catalog fields', () => {
    const document = parseDocument(KPT_FN_TEXT);
    assert.deepEqual(document.errors, []);
    const meta = metadata();
    for (const field of ['image', 'description', 'sourceURL', 'license'] as const) assert.equal(typeof meta[field], 'string', `${field} must be a string`);
    assert.ok(meta.description.length > 20);
    assert.ok(Array.isArray(meta.tags) && meta.tags.includes('mutator'), 'tags must include mutator');
    assert.ok(Array.isArray(meta.examplePackageURLs) && meta.examplePackageURLs.length > 0);
    assert.equal(meta.license, PACKAGE_JSON.license);
    assert.equal(meta.license, 'Apache-2.0');
  });

  it('names an image without a tag (the catalog way), and the examples run it at the package version', () => {
    const { image } = metadata();
    assert.match(image, /^[a-z0-9.-]+\.[a-z]{2,}(\/[a-z0-9._-]+)+$/, 'a registry host and a repository, no tag');
    const tagged = `${image}:v${PACKAGE_JSON.version}`;
    assert.match(readFileSync(join(REPO, 'fn-config-examples', 'kpt-package', 'Kptfile.image'), 'utf8'), new RegExp(`^  - image: ${tagged.replace(/[.]/g, '\\.')}$`, 'm'));
    assert.ok(readFileSync(join(REPO, 'fn-config-examples', 'kustomize', 'image-ref-updater.container.yaml'), 'utf8').includes(`image: ${tagged}\n`));
  });

  it('has example package URLs that are directories of this repository with a README', () => {
    const { sourceURL, examplePackageURLs } = metadata();
    for (const url of examplePackageURLs) {
      assert.ok(url.startsWith(`${sourceURL}/`), `${url} is not under ${sourceURL}`);
      const path = url.slice(sourceURL.length + 1);
      assert.ok(existsSync(join(REPO, path)) && statSync(join(REPO, path)).isDirectory(), `${path} is not a directory`);
      assert.ok(existsSync(join(REPO, path, 'README.md')), `${path}/README.md is missing`);
    }
  });

  it('names the three accepted functionConfig kinds, each with an existing schema under schemas/ and an example', () => {
    const configs = metadata().functionConfigs;
    assert.deepEqual(
      configs.map(({ apiVersion, kind }) => `${apiVersion} ${kind}`).sort(),
      ['kobold/v1alpha3 ImageRefUpdater', 'kobold/v1alpha3 List', 'v1 ConfigMap'],
    );
    const expected: Record<string, string> = {
      'kobold/v1alpha3 List': 'schemas/kobold-v1alpha3.schema.json',
      'kobold/v1alpha3 ImageRefUpdater': 'schemas/kobold-v1alpha3.schema.json',
      'v1 ConfigMap': 'schemas/configmap.schema.json',
    };
    for (const { apiVersion, kind, schema, example } of configs) {
      assert.equal(schema, expected[`${apiVersion} ${kind}`]);
      assert.equal(posix.normalize(schema), schema);
      assert.ok(existsSync(join(REPO, schema)), `${schema} does not exist`);
      assert.ok(existsSync(join(REPO, example)), `${example} does not exist`);
      const config = readYaml(example);
      assert.deepEqual([config.apiVersion, config.kind], [apiVersion, kind], `${example} is not a ${apiVersion} ${kind}`);
    }
  });

  describe('each schema', () => {
    for (const { apiVersion, kind, schema, example } of metadata().functionConfigs) {
      it(`${schema} compiles, accepts ${example} (${apiVersion} ${kind}) and rejects broken ones`, () => {
        const validate = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(join(REPO, schema), 'utf8')));
        const config = readYaml(example);
        assert.ok(validate(config), `${example}: ${JSON.stringify(validate.errors)}`);
        assert.ok(!validate({ ...config, kind: 'Something' }), 'another kind');
        for (const { what, change } of BROKEN[apiVersion]) assert.ok(!validate(change(config)), `${what} must be rejected`);
      });
    }
  });

  describe('the function agrees with the metadata', () => {
    const deployment = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: app\n    image: my.org/amazing/app:v1.0.0 # kobold: tag: ^1; type: semver\n';
    let dir: string;
    before(() => {
      ensureBuilt();
      dir = temps.make('kpt-fn');
      writeFileSync(join(dir, 'pod.yaml'), deployment);
    });

    for (const { apiVersion, kind, example } of metadata().functionConfigs) {
      it(`accepts ${example} (${apiVersion} ${kind}) and rejects its broken variants with exit 1`, () => {
        const ok = run(process.execPath, [CLI, join(REPO, example), join(dir, 'pod.yaml')]);
        assert.equal(ok.status, 0, describeRun(example, ok));
        assert.equal(ok.stdout, deployment.replace('app:v1.0.0', 'app:v1.2.3'));
        for (const { what, change } of BROKEN[apiVersion]) {
          const file = join(dir, 'broken.yaml');
          writeFileSync(file, stringify(change(readYaml(example))));
          const broken = run(process.execPath, [CLI, file, join(dir, 'pod.yaml')]);
          assert.equal(broken.status, 1, describeRun(`${example} with ${what}`, broken));
          assert.equal(broken.stdout, deployment, 'the resources come back unchanged');
          assert.match(broken.stderr, /functionConfig/);
        }
      });
    }
  });
});
