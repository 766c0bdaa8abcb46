import { strict as assert } from 'assert';
import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';

const NETWORK_MODULES = ['http', 'https', 'http2', 'net', 'tls', 'dns', 'dgram', 'undici'];
const NETWORK_USE = new RegExp(`(?:from|require\\()\\s*['"](?:node:)?(?:${NETWORK_MODULES.join('|')})['"]|\\bfetch\\(|\\bWebSocket\\b`);

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

  it('the pattern does find network use (it would catch a regression)', () => {
    assert.ok(NETWORK_USE.test("import { get } from 'https';"));
    assert.ok(NETWORK_USE.test("const net = require('node:net');"));
    assert.ok(NETWORK_USE.test('await fetch(url)'));
  });
});
