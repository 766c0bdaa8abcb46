import { strict as assert } from 'assert';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'fs';
import { join } from 'path';
import { PACKAGE_JSON } from '../support/package-files';
import { describeRun, REPO, run, TempDirs } from '../support/process';
import { RESOURCE_LIST, UPDATED_RESOURCE_LIST } from '../support/sample-package';

const DIST = join(REPO, 'dist');
type Bundle = 'cli-bundle.js' | 'yaml-bundle.js';
interface Launcher {
  BUNDLES: readonly Bundle[];
  codeCacheFile(bundle: Bundle): string;
  bundleScript(dir: string, bundle: Bundle, cachedData?: Buffer): { cachedDataRejected?: boolean };
}

/** The sample ResourceList with an anchor on the Deployment's name, which sends it to the yaml library's composer. */
const COMPOSED_RESOURCE_LIST = RESOURCE_LIST.replace(/name: (\S+)/, 'name: &name $1');

describe('the launcher (dist/cli.js) and the code caches of the CLI and yaml bundles', function () {
  this.timeout(60_000);
  const temps = new TempDirs();
  after(() => temps.cleanup());
  const launcher = require(join(DIST, 'cli.js')) as Launcher;

  /** A copy of the package's dist/ in a scratch directory, with the code caches given (each bundle's the same) or none. */
  function packageWithCaches(caches: ((bundle: Bundle) => Buffer) | undefined): string {
    const root = temps.make('launch');
    mkdirSync(join(root, 'dist'));
    for (const file of ['cli.js', ...launcher.BUNDLES]) copyFileSync(join(DIST, file), join(root, 'dist', file));
    for (const bundle of caches === undefined ? [] : launcher.BUNDLES) writeFileSync(join(root, 'dist', launcher.codeCacheFile(bundle)), caches!(bundle));
    copyFileSync(join(REPO, 'package.json'), join(root, 'package.json'));
    symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'));
    return root;
  }

  const cacheOf = (bundle: Bundle): Buffer => readFileSync(join(DIST, launcher.codeCacheFile(bundle)));

  it('ships a code cache of each bundle that this node accepts', () => {
    assert.deepEqual([...launcher.BUNDLES].sort(), ['cli-bundle.js', 'yaml-bundle.js']);
    for (const bundle of launcher.BUNDLES) assert.equal(launcher.bundleScript(DIST, bundle, cacheOf(bundle)).cachedDataRejected, false, bundle);
  });

  it('runs the CLI the same with the caches, without them, and with ones V8 rejects, on input the fast reader reads and on input it composes', () => {
    const broken = (bundle: Bundle): Buffer => Buffer.from(cacheOf(bundle)).fill(7, 0, 64);
    for (const [input, updated] of [[RESOURCE_LIST, UPDATED_RESOURCE_LIST], [COMPOSED_RESOURCE_LIST, COMPOSED_RESOURCE_LIST.replace('app:v1.0.0 ', 'app:v1.2.3 ')]]) {
      assert.notEqual(input, updated);
      const expected = run(process.execPath, [join(DIST, 'cli.js')], { input });
      assert.equal(expected.status, 0, describeRun('the CLI', expected));
      assert.ok(expected.stdout.startsWith(updated), expected.stdout);
      for (const [what, caches] of [['copies of the caches', cacheOf], ['no caches', undefined], ['broken caches', broken]] as const) {
        const root = packageWithCaches(caches);
        const result = run(process.execPath, [join(root, 'dist', 'cli.js')], { input });
        assert.equal(result.status, 0, describeRun(`the CLI with ${what}`, result));
        assert.equal(result.stdout, expected.stdout, what);
        assert.equal(result.stderr, '', what);
      }
    }
  });

  it('runs the yaml bundle without its debugging output, whatever LOG_TOKENS and LOG_STREAM say', () => {
    const quiet = run(process.execPath, [join(DIST, 'cli.js')], { input: COMPOSED_RESOURCE_LIST });
    const logging = run(process.execPath, [join(DIST, 'cli.js')], { input: COMPOSED_RESOURCE_LIST, env: { ...process.env, LOG_TOKENS: '1', LOG_STREAM: '1' } });
    assert.equal(logging.status, 0, describeRun('the CLI with LOG_TOKENS', logging));
    assert.equal(logging.stdout, quiet.stdout);
  });

  it('gives the bundle its own directory, so that --version finds package.json', () => {
    const result = run(process.execPath, [join(DIST, 'cli.js'), '--version']);
    assert.equal(result.stdout, `${PACKAGE_JSON.version}\n`);
  });
});
