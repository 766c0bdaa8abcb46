import { strict as assert } from 'assert';
import {
  IncomingParse,
  newTag,
  parseImageRefWithDigest,
  parseIncomingReference,
  parseReference,
  RefParse,
} from '../src/match/reference';

// Expected values below are what kobold 0.4.3 (go-containerregistry v0.17.0) gives for the same
// strings, except that "could not parse reference" quotes the input verbatim where Go mangled `%`.

const HEX = '220611111e8c9bbe242e9dc1367c0fa89eef83f26203ee3f7c3764046e02b248';
const DIGEST = `sha256:${HEX}`;
const TAG_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789_-.ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const REPOSITORY_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789_-./';
const NO_TAG = 'tag must be between 1 and 128 characters in length: ';
const NO_REGISTRY = 'strict validation requires the registry to be explicitly defined';
const NO_LIBRARY = "strict validation requires the full repository path (missing 'library')";

const tagChars = (tag: string): string => `tag can only contain the characters \`${TAG_CHARS}\`: ${tag}`;
const repositoryChars = (repository: string): string =>
  `repository can only contain the characters \`${REPOSITORY_CHARS}\`: ${repository}`;
const repositoryLength = (repository: string): string =>
  `repository must be between 2 and 255 characters in length: ${repository}`;
const badRegistry = (registry: string): string => `registries must be valid RFC 3986 URI authorities: ${registry}`;
const unparsable = (s: string): string => `! could not parse reference: ${s}`;

/** `Name()`, or `! <error>`. */
function summary(result: RefParse): string {
  return result.ok ? result.value.name : `! ${result.error}`;
}

/** `Name()` of the tag and ` @ <digest>` when there is one, or `! <error>`. */
function incomingSummary(result: IncomingParse): string {
  if (!result.ok) return `! ${result.error}`;
  return result.value.digest === '' ? result.value.ref.name : `${result.value.ref.name} @ ${result.value.digest}`;
}

/** [input, parseReference, newTag strict, kobold's parseImageRefWithDigest] */
type Row = [string, string, string, string];

function checkRows(rows: Row[]): void {
  for (const [input, reference, strict, incoming] of rows) {
    it(JSON.stringify(input), () => {
      assert.equal(summary(parseReference(input)), reference, 'parseReference');
      assert.equal(summary(newTag(input, 'strict')), strict, 'newTag strict');
      assert.equal(incomingSummary(parseImageRefWithDigest(input, 'strict')), incoming, 'parseImageRefWithDigest');
    });
  }
}

describe('reference', () => {
  describe('the parts of a reference', () => {
    it('normalises a Docker Hub name', () => {
      assert.deepEqual(parseReference('busybox'), {
        ok: true,
        value: {
          kind: 'tag',
          name: 'index.docker.io/library/busybox:latest',
          contextName: 'index.docker.io/library/busybox',
          registry: 'index.docker.io',
          repository: 'library/busybox',
          identifier: 'latest',
        },
      });
    });

    it('keeps a registry with a port', () => {
      assert.deepEqual(parseReference('localhost:5000/a/b/c:1.2.3'), {
        ok: true,
        value: {
          kind: 'tag',
          name: 'localhost:5000/a/b/c:1.2.3',
          contextName: 'localhost:5000/a/b/c',
          registry: 'localhost:5000',
          repository: 'a/b/c',
          identifier: '1.2.3',
        },
      });
    });

    it('drops the tag of name:tag@digest', () => {
      assert.deepEqual(parseReference(`busybox:1.2.3@${DIGEST}`), {
        ok: true,
        value: {
          kind: 'digest',
          name: `index.docker.io/library/busybox@${DIGEST}`,
          contextName: 'index.docker.io/library/busybox',
          registry: 'index.docker.io',
          repository: 'library/busybox',
          identifier: DIGEST,
        },
      });
    });

    it('reads a URL scheme as a registry `http:`', () => {
      const parsed = parseReference('http://ghcr.io/org/app:1');
      assert.ok(parsed.ok);
      assert.equal(parsed.value.registry, 'http:');
      assert.equal(parsed.value.repository, '/ghcr.io/org/app');
    });

    it('gives kobold the tag and the unvalidated text after the first @', () => {
      assert.deepEqual(parseImageRefWithDigest(`ghcr.io/org/app:1.0@sha256:abc@x`, 'strict'), {
        ok: true,
        value: {
          ref: {
            kind: 'tag',
            name: 'ghcr.io/org/app:1.0',
            contextName: 'ghcr.io/org/app',
            registry: 'ghcr.io',
            repository: 'org/app',
            identifier: '1.0',
          },
          tag: '1.0',
          digest: 'sha256:abc@x',
        },
      });
    });
  });

  describe('repository forms', () => {
    checkRows([
      ['busybox', 'index.docker.io/library/busybox:latest', `! ${NO_TAG}`, `! invalid tag: ${NO_TAG}`],
      ['busybox:1.2.3', 'index.docker.io/library/busybox:1.2.3', `! ${NO_REGISTRY}`, `! invalid tag: ${NO_REGISTRY}`],
      ['library/busybox', 'index.docker.io/library/busybox:latest', `! ${NO_TAG}`, `! invalid tag: ${NO_TAG}`],
      ['docker.io/busybox', 'index.docker.io/library/busybox:latest', `! ${NO_TAG}`, `! invalid tag: ${NO_TAG}`],
      ['index.docker.io/library/busybox', 'index.docker.io/library/busybox:latest', `! ${NO_TAG}`, `! invalid tag: ${NO_TAG}`],
      ['registry-1.docker.io/busybox', 'registry-1.docker.io/busybox:latest', `! ${NO_TAG}`, `! invalid tag: ${NO_TAG}`],
      ['Docker.io/library/busybox', 'Docker.io/library/busybox:latest', `! ${NO_TAG}`, `! invalid tag: ${NO_TAG}`],
      ['docker.io:443/library/busybox', 'docker.io:443/library/busybox:latest', `! ${NO_TAG}`, `! invalid tag: ${NO_TAG}`],
      ['bluebrown/busybox', 'index.docker.io/bluebrown/busybox:latest', `! ${NO_TAG}`, `! invalid tag: ${NO_TAG}`],
      ['org/team/app', 'index.docker.io/org/team/app:latest', `! ${NO_TAG}`, `! invalid tag: ${NO_TAG}`],
      ['localhost/app', 'index.docker.io/localhost/app:latest', `! ${NO_TAG}`, `! invalid tag: ${NO_TAG}`],
      ['localhost:5000/app', 'localhost:5000/app:latest', `! ${NO_TAG}`, `! invalid tag: ${NO_TAG}`],
      ['127.0.0.1:5000/app', '127.0.0.1:5000/app:latest', `! ${NO_TAG}`, `! invalid tag: ${NO_TAG}`],
      ['[::1]:5000/app:', '[::1]:5000/app:latest', `! ${NO_TAG}`, `! invalid tag: ${NO_TAG}`],
      ['ghcr.io/org/', 'ghcr.io/org/:latest', `! ${NO_TAG}`, `! invalid tag: ${NO_TAG}`],
      ['ghcr.io//app', 'ghcr.io//app:latest', `! ${NO_TAG}`, `! invalid tag: ${NO_TAG}`],
      ['ab', 'index.docker.io/library/ab:latest', `! ${NO_TAG}`, `! invalid tag: ${NO_TAG}`],
      ['x', unparsable('x'), `! ${NO_TAG}`, `! invalid tag: ${NO_TAG}`],
      ['docker.io/x', unparsable('docker.io/x'), `! ${NO_TAG}`, `! invalid tag: ${NO_TAG}`],
      ['ghcr.io/Org/App', unparsable('ghcr.io/Org/App'), `! ${NO_TAG}`, `! invalid tag: ${NO_TAG}`],
      ['UPPER', unparsable('UPPER'), `! ${NO_TAG}`, `! invalid tag: ${NO_TAG}`],
      ['gh cr.io/org/app', unparsable('gh cr.io/org/app'), `! ${NO_TAG}`, `! invalid tag: ${NO_TAG}`],
      ['localhost:abc/app', unparsable('localhost:abc/app'), `! ${NO_TAG}`, `! invalid tag: ${NO_TAG}`],
      ['docker.io/library/busybox:1', 'index.docker.io/library/busybox:1', 'index.docker.io/library/busybox:1', 'index.docker.io/library/busybox:1'],
      ['docker.io/busybox:1', 'index.docker.io/library/busybox:1', `! ${NO_LIBRARY}`, `! invalid tag: ${NO_LIBRARY}`],
      ['index.docker.io/busybox:1', 'index.docker.io/library/busybox:1', `! ${NO_LIBRARY}`, `! invalid tag: ${NO_LIBRARY}`],
      ['docker.io/library:1', 'index.docker.io/library/library:1', `! ${NO_LIBRARY}`, `! invalid tag: ${NO_LIBRARY}`],
      ['library/busybox:1', 'index.docker.io/library/busybox:1', `! ${NO_REGISTRY}`, `! invalid tag: ${NO_REGISTRY}`],
      ['docker.io:443/busybox:1', 'docker.io:443/busybox:1', 'docker.io:443/busybox:1', 'docker.io:443/busybox:1'],
      ['GHCR.IO/org/app:1', 'GHCR.IO/org/app:1', 'GHCR.IO/org/app:1', 'GHCR.IO/org/app:1'],
    ]);
  });

  describe('tags', () => {
    checkRows([
      ['nginx:1.0', 'index.docker.io/library/nginx:1.0', `! ${NO_REGISTRY}`, `! invalid tag: ${NO_REGISTRY}`],
      ['docker.io/library/nginx:_', 'index.docker.io/library/nginx:_', 'index.docker.io/library/nginx:_', 'index.docker.io/library/nginx:_'],
      ['docker.io/library/nginx:UPPER', 'index.docker.io/library/nginx:UPPER', 'index.docker.io/library/nginx:UPPER', 'index.docker.io/library/nginx:UPPER'],
      ['docker.io/library/nginx:1.2.3_build', 'index.docker.io/library/nginx:1.2.3_build', 'index.docker.io/library/nginx:1.2.3_build', 'index.docker.io/library/nginx:1.2.3_build'],
      ['nginx:.hidden', 'index.docker.io/library/nginx:.hidden', `! ${NO_REGISTRY}`, `! invalid tag: ${NO_REGISTRY}`],
      ['nginx:bad tag', unparsable('nginx:bad tag'), `! ${tagChars('bad tag')}`, `! invalid tag: ${tagChars('bad tag')}`],
      ['docker.io/library/nginx:tag/slash', unparsable('docker.io/library/nginx:tag/slash'), `! ${NO_TAG}`, `! invalid tag: ${NO_TAG}`],
      ['docker.io/library/nginx:$tag', unparsable('docker.io/library/nginx:$tag'), `! ${tagChars('$tag')}`, `! invalid tag: ${tagChars('$tag')}`],
      ['nginx:*', unparsable('nginx:*'), `! ${tagChars('*')}`, `! invalid tag: ${tagChars('*')}`],
      ['ghcr.io/org/app:1+build', unparsable('ghcr.io/org/app:1+build'), `! ${tagChars('1+build')}`, `! invalid tag: ${tagChars('1+build')}`],
    ]);
  });

  describe('tag length', () => {
    const t128 = 't'.repeat(128);
    const t129 = 't'.repeat(129);
    const tooLong = `tag must be between 1 and 128 characters in length: ${t129}`;
    checkRows([
      [`ghcr.io/org/app:t`, 'ghcr.io/org/app:t', 'ghcr.io/org/app:t', 'ghcr.io/org/app:t'],
      [`ghcr.io/org/app:${t128}`, `ghcr.io/org/app:${t128}`, `ghcr.io/org/app:${t128}`, `ghcr.io/org/app:${t128}`],
      [`ghcr.io/org/app:${t129}`, unparsable(`ghcr.io/org/app:${t129}`), `! ${tooLong}`, `! invalid tag: ${tooLong}`],
    ]);
  });

  describe('digests', () => {
    const only = (digest: string): string => `ghcr.io/org/app@${digest}`;
    const tagged = (digest: string): string => `ghcr.io/org/app:1.0@${digest}`;
    const rejected = (digest: string, algorithm: string): Row[] => [
      [only(digest), unparsable(only(digest)), `! ${repositoryChars(`org/app@${algorithm}`)}`, `! invalid tag: ${NO_TAG}`],
      [tagged(digest), unparsable(tagged(digest)), `! ${repositoryChars(`org/app:1.0@${algorithm}`)}`, `ghcr.io/org/app:1.0 @ ${digest}`],
    ];
    const sha512 =
      'sha512:7db173c2391015509c503582e0957921aa3791f3aef9b06463e38b28b5eb2bdd7c4f881c6b9c267b0b0631329194a0192ca5508bae2e96ac35c7ab6b3a3e2b64';
    const sha384 = 'sha384:a6275f9e2fad8ed349751ec4cf3f63e45ded835ad6f5d890d2ba3a34b3cb589cbdbf26ff62e67bb092dc0f83fd1a549b';
    checkRows([
      [only(DIGEST), `ghcr.io/org/app@${DIGEST}`, `! ${repositoryChars('org/app@sha256')}`, `! invalid tag: ${NO_TAG}`],
      [tagged(DIGEST), `ghcr.io/org/app@${DIGEST}`, `! ${repositoryChars('org/app:1.0@sha256')}`, `ghcr.io/org/app:1.0 @ ${DIGEST}`],
      [`localhost:5000/app@${DIGEST}`, `localhost:5000/app@${DIGEST}`, `! ${repositoryChars('app@sha256')}`, `! invalid tag: ${NO_TAG}`],
      [`[::1]:5000/app:1.2.3@${DIGEST}`, `[::1]:5000/app@${DIGEST}`, `! ${repositoryChars('app:1.2.3@sha256')}`, `[::1]:5000/app:1.2.3 @ ${DIGEST}`],
      ...rejected('sha256:AEE5DFCC174788FD3B2DEEA87B4298E59B3D74D3B2EFD9B008B04A83B1364236', 'sha256'),
      ...rejected('sha256:866e6f720a7fe1e1f720d27afcb1e1335a0ae37537fb6ade07c5aec66bf02a3', 'sha256'),
      ...rejected('sha256:bc4acc7cc79cef07f5765f9ae4678c87a5c4a7ff1d948aaea95e1928a9c061864', 'sha256'),
      ...rejected('sha256:f060319a77c405da4c9a36feb28e43c749ab5fa151e603015bd7fd004e20b4bg', 'sha256'),
      ...rejected('sha256:abc123', 'sha256'),
      ...rejected(sha512, 'sha512'),
      ...rejected(sha384, 'sha384'),
      ...rejected('md5:99528ae0e348a29ab828245a10e7af13', 'md5'),
      ...rejected('SHA256:7558ec10c5528bbb573a55618e11c7aebe18909c9c0adcc3e27911676c3eb9a9', 'SHA256'),
      [only('sha256:'), unparsable(only('sha256:')), `! ${NO_TAG}`, `! invalid tag: ${NO_TAG}`],
      [tagged('sha256:'), unparsable(tagged('sha256:')), `! ${NO_TAG}`, 'ghcr.io/org/app:1.0 @ sha256:'],
      [only(HEX), unparsable(only(HEX)), `! ${NO_TAG}`, `! invalid tag: ${NO_TAG}`],
      [tagged(HEX), unparsable(tagged(HEX)), `! ${tagChars(`1.0@${HEX}`)}`, `ghcr.io/org/app:1.0 @ ${HEX}`],
      [
        tagged(`${DIGEST}@${DIGEST}`),
        unparsable(tagged(`${DIGEST}@${DIGEST}`)),
        `! ${repositoryChars(`org/app:1.0@${DIGEST}@sha256`)}`,
        `ghcr.io/org/app:1.0 @ ${DIGEST}@${DIGEST}`,
      ],
    ]);
  });

  describe('percent signs', () => {
    checkRows([
      ['ghcr.io/org/app:50%', unparsable('ghcr.io/org/app:50%'), `! ${tagChars('50%')}`, `! invalid tag: ${tagChars('50%')}`],
      ['ghcr.io/org/app:%-5d', unparsable('ghcr.io/org/app:%-5d'), `! ${tagChars('%-5d')}`, `! invalid tag: ${tagChars('%-5d')}`],
      ['ghcr.io/%x%y/app:1', unparsable('ghcr.io/%x%y/app:1'), `! ${repositoryChars('%x%y/app')}`, `! invalid tag: ${repositoryChars('%x%y/app')}`],
      ['%[2]*d', unparsable('%[2]*d'), `! ${NO_TAG}`, `! invalid tag: ${NO_TAG}`],
      ['ghcr.io/org/app:1.0@%%', unparsable('ghcr.io/org/app:1.0@%%'), `! ${tagChars('1.0@%%')}`, 'ghcr.io/org/app:1.0 @ %%'],
      ['ghcr.io%2F/app:1', unparsable('ghcr.io%2F/app:1'), `! ${badRegistry('ghcr.io%2F')}`, `! invalid tag: ${badRegistry('ghcr.io%2F')}`],
    ]);
  });

  describe('odd strings, hosts and ports', () => {
    checkRows([
      ['', unparsable(''), `! ${NO_TAG}`, `! invalid tag: ${NO_TAG}`],
      [':', unparsable(':'), `! ${NO_TAG}`, `! invalid tag: ${NO_TAG}`],
      ['@', unparsable('@'), `! ${NO_TAG}`, `! invalid tag: ${NO_TAG}`],
      [':@', unparsable(':@'), `! ${tagChars('@')}`, `! invalid tag: ${NO_TAG}`],
      ['a:b', unparsable('a:b'), `! ${repositoryLength('a')}`, `! invalid tag: ${repositoryLength('a')}`],
      [':1.0', unparsable(':1.0'), '! a repository name must be specified', '! invalid tag: a repository name must be specified'],
      ['latest', 'index.docker.io/library/latest:latest', `! ${NO_TAG}`, `! invalid tag: ${NO_TAG}`],
      [`sha256:${HEX}`, `index.docker.io/library/sha256:${HEX}`, `! ${NO_REGISTRY}`, `! invalid tag: ${NO_REGISTRY}`],
      ['ghcr.io/org/app:1:2', unparsable('ghcr.io/org/app:1:2'), `! ${repositoryChars('org/app:1')}`, `! invalid tag: ${repositoryChars('org/app:1')}`],
      ['localhost', 'index.docker.io/library/localhost:latest', `! ${NO_TAG}`, `! invalid tag: ${NO_TAG}`],
      ['localhost:1', 'index.docker.io/library/localhost:1', `! ${NO_REGISTRY}`, `! invalid tag: ${NO_REGISTRY}`],
      ['localhost:5000:1', unparsable('localhost:5000:1'), `! ${repositoryChars('localhost:5000')}`, `! invalid tag: ${repositoryChars('localhost:5000')}`],
      ['localhost:5000/app:1', 'localhost:5000/app:1', 'localhost:5000/app:1', 'localhost:5000/app:1'],
      ['localhost:/app:1', 'localhost:/app:1', 'localhost:/app:1', 'localhost:/app:1'],
      ['localhost:99999/app:1', 'localhost:99999/app:1', 'localhost:99999/app:1', 'localhost:99999/app:1'],
      ['localhost:5000:6000/app:1', 'localhost:5000:6000/app:1', 'localhost:5000:6000/app:1', 'localhost:5000:6000/app:1'],
      ['localhost:abc/app:1', unparsable('localhost:abc/app:1'), `! ${badRegistry('localhost:abc')}`, `! invalid tag: ${badRegistry('localhost:abc')}`],
      ['my_registry.com/app:1', 'my_registry.com/app:1', 'my_registry.com/app:1', 'my_registry.com/app:1'],
      ['[::1]/app:1', '[::1]/app:1', '[::1]/app:1', '[::1]/app:1'],
      ['[::1]:5000/app:1', '[::1]:5000/app:1', '[::1]:5000/app:1', '[::1]:5000/app:1'],
      ['::1/app:1', '::1/app:1', '::1/app:1', '::1/app:1'],
      [
        '[fe80::1%25eth0]:5000/app:1',
        unparsable('[fe80::1%25eth0]:5000/app:1'),
        `! ${badRegistry('[fe80::1%25eth0]:5000')}`,
        `! invalid tag: ${badRegistry('[fe80::1%25eth0]:5000')}`,
      ],
      ['user@ghcr.io/org/app:1', unparsable('user@ghcr.io/org/app:1'), `! ${badRegistry('user@ghcr.io')}`, `! invalid tag: ${NO_TAG}`],
      [' ghcr.io/org/app:1', unparsable(' ghcr.io/org/app:1'), `! ${badRegistry(' ghcr.io')}`, `! invalid tag: ${badRegistry(' ghcr.io')}`],
      ['ghcr.io/org/app:1 ', unparsable('ghcr.io/org/app:1 '), `! ${tagChars('1 ')}`, `! invalid tag: ${tagChars('1 ')}`],
      ['ghcr.io/org/app#frag:1', unparsable('ghcr.io/org/app#frag:1'), `! ${repositoryChars('org/app#frag')}`, `! invalid tag: ${repositoryChars('org/app#frag')}`],
      ['ghcr.io/org/app/:1', 'ghcr.io/org/app/:1', 'ghcr.io/org/app/:1', 'ghcr.io/org/app/:1'],
      ['docker.io/library/:1', 'index.docker.io/library/:1', 'index.docker.io/library/:1', 'index.docker.io/library/:1'],
      ['ghcr.io/org/app:1/2', unparsable('ghcr.io/org/app:1/2'), `! ${NO_TAG}`, `! invalid tag: ${NO_TAG}`],
      ['a:1/b', unparsable('a:1/b'), `! ${NO_TAG}`, `! invalid tag: ${NO_TAG}`],
      ['a:b/c:d', unparsable('a:b/c:d'), `! ${repositoryLength('c')}`, `! invalid tag: ${repositoryLength('c')}`],
      ['ghcr.io/org/app:1@', unparsable('ghcr.io/org/app:1@'), `! ${tagChars('1@')}`, 'ghcr.io/org/app:1'],
      ['app:tag@tag2', unparsable('app:tag@tag2'), `! ${tagChars('tag@tag2')}`, `! invalid tag: ${NO_REGISTRY}`],
    ]);
  });

  describe('repository length', () => {
    const r255 = 'r'.repeat(255);
    const r256 = 'r'.repeat(256);
    checkRows([
      ['ghcr.io/r:1', unparsable('ghcr.io/r:1'), `! ${repositoryLength('r')}`, `! invalid tag: ${repositoryLength('r')}`],
      ['ghcr.io/rr:1', 'ghcr.io/rr:1', 'ghcr.io/rr:1', 'ghcr.io/rr:1'],
      [`ghcr.io/${r255}:1`, `ghcr.io/${r255}:1`, `ghcr.io/${r255}:1`, `ghcr.io/${r255}:1`],
      [`ghcr.io/${r256}:1`, unparsable(`ghcr.io/${r256}:1`), `! ${repositoryLength(r256)}`, `! invalid tag: ${repositoryLength(r256)}`],
    ]);
  });

  describe('unicode (lengths count code points)', () => {
    const e128 = '\u00e9'.repeat(128);
    const e129 = '\u00e9'.repeat(129);
    const smileys = '\u{1F600}'.repeat(65);
    const a127smiley = `${'a'.repeat(127)}\u{1F600}`;
    const tooLong = `tag must be between 1 and 128 characters in length: ${e129}`;
    checkRows([
      [`ghcr.io/org/app:${e128}`, unparsable(`ghcr.io/org/app:${e128}`), `! ${tagChars(e128)}`, `! invalid tag: ${tagChars(e128)}`],
      [`ghcr.io/org/app:${e129}`, unparsable(`ghcr.io/org/app:${e129}`), `! ${tooLong}`, `! invalid tag: ${tooLong}`],
      [`ghcr.io/org/app:${smileys}`, unparsable(`ghcr.io/org/app:${smileys}`), `! ${tagChars(smileys)}`, `! invalid tag: ${tagChars(smileys)}`],
      [`ghcr.io/org/app:${a127smiley}`, unparsable(`ghcr.io/org/app:${a127smiley}`), `! ${tagChars(a127smiley)}`, `! invalid tag: ${tagChars(a127smiley)}`],
      ['ghcr.io/org/\u{1F600}:1', unparsable('ghcr.io/org/\u{1F600}:1'), `! ${repositoryChars('org/\u{1F600}')}`, `! invalid tag: ${repositoryChars('org/\u{1F600}')}`],
      ['gh\u00e9r.io/org/app:1', 'gh\u00e9r.io/org/app:1', 'gh\u00e9r.io/org/app:1', 'gh\u00e9r.io/org/app:1'],
      ['ghcr.io/org/app:1\u00a0', unparsable('ghcr.io/org/app:1\u00a0'), `! ${tagChars('1\u00a0')}`, `! invalid tag: ${tagChars('1\u00a0')}`],
    ]);
  });

  describe("newTag 'explicit-tag' (SPEC D4)", () => {
    const cases: [string, string][] = [
      ['busybox:1.2', 'index.docker.io/library/busybox:1.2'],
      ['docker.io/busybox:1.2', 'index.docker.io/library/busybox:1.2'],
      ['library/busybox:1.2', 'index.docker.io/library/busybox:1.2'],
      ['index.docker.io/library/busybox:1.2', 'index.docker.io/library/busybox:1.2'],
      ['ghcr.io/org/app:1.0', 'ghcr.io/org/app:1.0'],
      ['bluebrown/busybox:1', 'index.docker.io/bluebrown/busybox:1'],
      ['busybox', `! ${NO_TAG}`],
      ['busybox:', `! ${NO_TAG}`],
      ['ghcr.io/org/app', `! ${NO_TAG}`],
      ['ghcr.io/org/app:bad tag', `! ${tagChars('bad tag')}`],
      ['x:1', `! ${repositoryLength('x')}`],
      ['localhost:abc/app:1', `! ${badRegistry('localhost:abc')}`],
    ];
    for (const [input, expected] of cases) {
      it(JSON.stringify(input), () => assert.equal(summary(newTag(input, 'explicit-tag')), expected));
    }
  });

  describe('parseIncomingReference', () => {
    it('accepts a familiar Docker Hub reference and normalises it', () => {
      const parsed = parseIncomingReference('busybox:1.2');
      assert.ok(parsed.ok);
      assert.equal(parsed.value.ref.contextName, 'index.docker.io/library/busybox');
      assert.equal(parsed.value.tag, '1.2');
      assert.equal(parsed.value.digest, '');
    });

    it('keeps a valid digest', () => {
      const parsed = parseIncomingReference(`docker.io/busybox:1.2@${DIGEST}`);
      assert.ok(parsed.ok);
      assert.equal(parsed.value.ref.name, 'index.docker.io/library/busybox:1.2');
      assert.equal(parsed.value.tag, '1.2');
      assert.equal(parsed.value.digest, DIGEST);
    });

    const rejected: [string, string][] = [
      ['busybox', `invalid tag: ${NO_TAG}`],
      [`ghcr.io/org/app@${DIGEST}`, `invalid tag: ${NO_TAG}`],
      [`ghcr.io/org/app:1.0@sha256:${HEX.slice(0, 63)}`, `could not parse reference: ghcr.io/org/app:1.0@sha256:${HEX.slice(0, 63)}`],
      [`ghcr.io/org/app:1.0@sha256:${HEX.toUpperCase()}`, `could not parse reference: ghcr.io/org/app:1.0@sha256:${HEX.toUpperCase()}`],
      ['ghcr.io/org/app:1.0@', 'could not parse reference: ghcr.io/org/app:1.0@'],
      [`ghcr.io/org/app:1.0@${DIGEST}@${DIGEST}`, `could not parse reference: ghcr.io/org/app:1.0@${DIGEST}@${DIGEST}`],
      ['ghcr.io/org/app:1.0@%x', 'could not parse reference: ghcr.io/org/app:1.0@%x'],
    ];
    for (const [input, error] of rejected) {
      it(`rejects ${JSON.stringify(input)}`, () => assert.deepEqual(parseIncomingReference(input), { ok: false, error }));
    }
  });
});
