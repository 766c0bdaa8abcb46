import { strict as assert } from 'assert';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'fs';
import { join } from 'path';
import { PACKAGE_JSON } from '../support/package-files';
import { describeRun, REPO, run, TempDirs } from '../support/process';
import { RESOURCE_LIST, UPDATED_RESOURCE_LIST } from '../support/sample-package';

const DIST = join(REPO, 'dist');
interface Launcher {
  BUNDLE: string;
  CODE_CACHE: string;
  bundleScript(dir: string, cachedData?: Buffer): { cachedDataRejected?: boolean };
}

describe('the launcher (dist/cli.js) and the code cache of the CLI bundle', function () {
  this.timeout(60_000);
  const temps = new TempDirs();
  after(() => temps.cleanup());
  const launcher = require(join(DIST, 'cli.js')) as Launcher;

  /** A copy of the package's dist/ in a scratch directory, with the code cache given or none. */
  function packageWithCache(cache: Buffer | undefined): string {
    const root = temps.make('launch');
    mkdirSync(join(root, 'dist'));
    for (const file of ['cli.js', launcher.BUNDLE]) copyFileSync(join(DIST, file), join(root, 'dist', file));
    if (cache !== undefined) writeFileSync(join(root, 'dist', launcher.CODE_CACHE), cache);
    copyFileSync(join(REPO, 'package.json'), join(root, 'package.json'));
    symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'));
    return root;
  }

  it('ships a code cache this node accepts', () => {
    const script = launcher.bundleScript(DIST, readFileSync(join(DIST, launcher.CODE_CACHE)));
    assert.equal(script.cachedDataRejected, false);
  });

  it('runs the CLI the same with the cache, without it, and with one V8 rejects', () => {
    const expected = run(process.execPath, [join(DIST, 'cli.js')], { input: RESOURCE_LIST });
    assert.equal(expected.status, 0, describeRun('the CLI', expected));
    assert.ok(expected.stdout.startsWith(UPDATED_RESOURCE_LIST), expected.stdout);
    const cache = readFileSync(join(DIST, launcher.CODE_CACHE));
    const broken = Buffer.from(cache);
    broken.fill(7, 0, 64);
    for (const [what, withCache] of [['a copy of the cache', cache], ['no cache', undefined], ['a broken cache', broken]] as const) {
      const root = packageWithCache(withCache);
      const result = run(process.execPath, [join(root, 'dist', 'cli.js')], { input: RESOURCE_LIST });
      assert.equal(result.status, 0, describeRun(`the CLI with ${what}`, result));
      assert.equal(result.stdout, expected.stdout, what);
      assert.equal(result.stderr, '', what);
    }
  });

  it('gives the bundle its own directory, so that --version finds package.json', () => {
    const result = run(process.execPath, [join(DIST, 'cli.js'), '--version']);
    assert.equal(result.stdout, `${PACKAGE_JSON.version}\n`);
  });
});
