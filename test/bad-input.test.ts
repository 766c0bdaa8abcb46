/**
 * Bad input (SPEC §7, §2), through the built CLI and, where it applies, the library: each case
 * asserts the exact one-line message on stderr (no stack trace), the exit code, and what stdout
 * holds: in KRM mode the ResourceList back unchanged with an `error` result where a ResourceList
 * can still be written, nothing where it cannot; in standalone mode the input written back
 * unchanged. Invalid references and markers only cost a warning.
 */
import { strict as assert } from 'assert';
import { mkdirSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { isNode, parse, parseAllDocuments } from 'yaml';
import { Result, updateImageRefs } from '../src/index';
import { runResourceList } from '../src/krm/resource-list';
import { ensureBuilt, runCli, RunResult, TempDirs } from './support/process';
import { FN_CONFIG_KINDS, MARKER, NEW, OLD, RESOURCE_LIST_HEADER } from './support/samples';

const PREFIX = 'image-ref-updater: ';

const LIST_CONFIG = `functionConfig:\n  apiVersion: kobold/v1alpha3\n  kind: List\n  items: [${NEW}]\n`; // 4 lines
const OK_POD = '- apiVersion: v1\n  kind: Pod\n  metadata: {name: ok}\n'; // 3 lines
/** A ResourceList whose items are an unmarked pod and then `item` (so the bad item is items[1]); the item starts on line 11. */
const resourceList = (item: string, config = LIST_CONFIG): string => `${RESOURCE_LIST_HEADER}${config}items:\n${OK_POD}${item}`;
const MARKED_POD = `- apiVersion: v1\n  kind: Pod\n  metadata: {name: marked}\n  spec:\n    image: ${OLD} ${MARKER}\n`;

/** Exactly one line on stderr, this one: no stack trace, no second line. */
function assertStderr(run: RunResult, message: string): void {
  assert.equal(run.stderr, `${PREFIX}${message}\n`);
}

/**
 * KRM: stdout is the input, unchanged, followed by a block `results:` field holding one error with
 * the stderr message. The input may itself be invalid YAML (a malformed item), so the appended
 * results are read on their own, and the whole output only when the input was valid.
 */
function assertResourceListBack(run: RunResult, input: string, message: string): void {
  assert.equal(run.stdout.slice(0, input.length), input, 'the ResourceList comes back unchanged');
  const tail = run.stdout.slice(input.length);
  assert.ok(tail.startsWith('results:'), `a results field is appended: ${JSON.stringify(tail.slice(0, 40))}`);
  assert.deepEqual((parse(tail) as { results: unknown }).results, [{ severity: 'error', message }]);
  const inputDocs = parseAllDocuments(input);
  if (Array.isArray(inputDocs) && inputDocs.every((d) => d.errors.length === 0)) {
    const docs = parseAllDocuments(run.stdout);
    assert.ok(Array.isArray(docs) && docs.length === 1);
    assert.deepEqual(docs[0].errors.map((e) => e.message), [], 'the output is valid YAML');
    // Only the results are turned into values: the rest may be an alias bomb.
    const results = docs[0].get('results');
    assert.deepEqual(isNode(results) ? results.toJSON() : results, [{ severity: 'error', message }]);
  }
}

/** No stack trace, whatever happened. */
function assertNoStackTrace(run: RunResult): void {
  assert.ok(!/\n\s+at /.test(run.stderr) && !/^\w*Error\b/m.test(run.stderr), `a stack trace on stderr:\n${run.stderr.slice(0, 600)}`);
}

describe('bad input', function () {
  this.timeout(120000);
  const temps = new TempDirs();
  const dir = temps.make('bad-input');
  const path = (name: string): string => join(dir, name);
  const write = (name: string, content: string | Buffer): string => {
    writeFileSync(path(name), content);
    return name;
  };
  const krm = (stdin: string | Buffer, args: string[] = []): RunResult => runCli(args, { input: stdin, cwd: dir });
  const standalone = (args: string[], stdin: string | Buffer = ''): RunResult => runCli(args, { input: stdin, cwd: dir });

  before(() => {
    ensureBuilt();
    write('fc.yaml', `apiVersion: kobold/v1alpha3\nkind: List\nitems:\n- ${NEW}\n`);
    write('ok.yaml', `a: ${OLD} ${MARKER}\n`);
    mkdirSync(path('a-directory'));
  });
  after(() => temps.cleanup());

  describe('KRM mode', () => {
    describe('malformed YAML in a marked item: the item index, line and column; the ResourceList back with an error', () => {
      const cases: Array<[string, string, string]> = [
        ['an unclosed flow sequence', `${MARKED_POD}    args: [a, b\n    other: x\n`, 'stdin items[1], line 17, column 5: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]'],
        ['bad indentation', `${MARKED_POD}   bad: indentation\n`, 'stdin items[1], line 16, column 1: invalid YAML: All mapping items must start at the same column'],
        ['an unclosed quote', MARKED_POD.replace(`image: ${OLD}`, `image: "${OLD}`), 'stdin items[1], line 16, column 1: invalid YAML: Missing closing "quote'],
        ['an alias without its anchor', `${MARKED_POD}  other: *nowhere\n`, 'stdin items[1], line 16, column 10: invalid YAML: alias *nowhere has no anchor before it'],
      ];
      for (const [name, item, message] of cases) {
        it(name, () => {
          const input = resourceList(item);
          const run = krm(input);
          assert.equal(run.status, 1);
          assertStderr(run, message);
          assertResourceListBack(run, input, message);
          const library = runResourceList(input);
          assert.deepEqual(library.results, [{ severity: 'error', message }]);
        });
      }
    });

    it('items that is not a list: line and column, the ResourceList back with an error', () => {
      for (const items of ['items: {apiVersion: v1, kind: Pod}\n', 'items: just a string\n']) {
        const input = `${RESOURCE_LIST_HEADER}${LIST_CONFIG}${items}`;
        const message = 'stdin, line 7, column 8: ResourceList items must be a list';
        const run = krm(input);
        assert.equal(run.status, 1);
        assertStderr(run, message);
        assertResourceListBack(run, input, message);
      }
    });

    describe('no ResourceList on stdin: a one-line error and nothing on stdout', () => {
      const cases: Array<[string, string | Buffer, string]> = [
        ['a Pod', 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n', 'stdin: not a ResourceList: found apiVersion "v1" kind "Pod", expected config.kubernetes.io/v1 ResourceList'],
        ['a ResourceList of an unknown version', 'apiVersion: config.kubernetes.io/v2\nkind: ResourceList\nitems: []\n', 'stdin: not a ResourceList: found apiVersion "config.kubernetes.io/v2" kind "ResourceList", expected config.kubernetes.io/v1 ResourceList'],
        ['a scalar document', 'hello\n', 'stdin, line 1, column 1: not a ResourceList: the document is not a mapping'],
        ['a sequence document', '- a\n- b\n', 'stdin, line 1, column 1: not a ResourceList: the document is not a mapping'],
        ['empty stdin', '', 'stdin: empty input: expected a ResourceList on stdin'],
        ['only blank lines', '\n\n', 'stdin: empty input: expected a ResourceList on stdin'],
        ['only a comment', '# nothing here\n', 'stdin: empty input: expected a ResourceList on stdin'],
        ['two documents', `${RESOURCE_LIST_HEADER}${LIST_CONFIG}items: []\n---\n${RESOURCE_LIST_HEADER}items: []\n`, 'stdin, line 8, column 1: expected one ResourceList, found 2 YAML documents'],
        ['malformed YAML outside the items (a stray ])', `${RESOURCE_LIST_HEADER}${LIST_CONFIG}items: []\n]\n`, 'stdin, line 8, column 1: invalid YAML: Unexpected flow-seq-end token in YAML stream'],
        ['a NUL byte', `${RESOURCE_LIST_HEADER}${LIST_CONFIG}items: []\n# \0\n`, 'stdin, line 8, column 3: binary input: NUL byte'],
        ['a control character', `${RESOURCE_LIST_HEADER}${LIST_CONFIG}items: []\n# bell \x07 here\n`, 'stdin, line 8, column 8: binary input: character U+0007 is not allowed in YAML'],
        ['binary input (a PNG header)', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), 'stdin: not UTF-8: invalid byte sequence at byte 0'],
        ['binary input that is valid UTF-8', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), 'stdin, line 1, column 3: binary input: character U+0003 is not allowed in YAML'],
      ];
      for (const [name, input, message] of cases) {
        it(name, () => {
          const run = krm(input);
          assert.equal(run.status, 1);
          assertStderr(run, message);
          assert.equal(run.stdout, '');
        });
      }

      // The offset is where the ill-formed sequence starts (its lead byte), not where the decoder noticed it.
      const invalidUtf8: Array<[string, Buffer]> = [
        ['a lone 0xFF', Buffer.from([0xff, 0xfe])],
        ['a truncated sequence at the end', Buffer.from([0xe2, 0x82])],
        ['an overlong encoding', Buffer.from([0xc0, 0xaf])],
        ['an encoded surrogate', Buffer.from([0xed, 0xa0, 0x80])],
      ];
      for (const [name, bad] of invalidUtf8) {
        it(`invalid UTF-8: ${name}, with the byte offset`, () => {
          const before = Buffer.from(`${RESOURCE_LIST_HEADER}${LIST_CONFIG}items: []\n# `, 'utf8');
          const run = krm(Buffer.concat([before, bad, Buffer.from('\n')]));
          assert.equal(run.status, 1);
          assertStderr(run, `stdin: not UTF-8: invalid byte sequence at byte ${before.length}`);
          assert.equal(run.stdout, '');
        });
      }
    });

    describe('malformed YAML in the ResourceList itself (outside any item): exit 1, a one-line error with line and column, no stack trace', () => {
      /** [case, input, whether the ResourceList comes back with an error result or stdout stays empty] */
      const cases: Array<[string, string, boolean]> = [
        ['a key indented under a flow value', `${RESOURCE_LIST_HEADER}${LIST_CONFIG}items: []\n  bad: indentation\n`, true],
        ['an unclosed quoted key (results appended after it would be inside the quotes)', `${RESOURCE_LIST_HEADER}${LIST_CONFIG}items: []\n"unclosed: 1\n`, false],
        ['an unclosed quoted value', `${RESOURCE_LIST_HEADER}${LIST_CONFIG}items: []\nextra: "unclosed\n`, true],
      ];
      for (const [name, input, writtenBack] of cases) {
        it(name, () => {
          const run = krm(input);
          assertNoStackTrace(run);
          assert.equal(run.status, 1, `exit ${run.status}, stderr ${JSON.stringify(run.stderr)}`);
          assert.match(run.stderr, /^image-ref-updater: stdin, line \d+, column \d+: invalid YAML: [^\n]+\n$/);
          if (writtenBack) assertResourceListBack(run, input, run.stderr.slice(PREFIX.length, -1));
          else assert.equal(run.stdout, '');
        });
      }
    });

    it('a UTF-8 byte-order mark is accepted: exit 0, the mark kept', () => {
      const input = `\uFEFF${resourceList(MARKED_POD)}`;
      const run = krm(input);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stderr, '');
      assert.deepEqual([...run.stdoutBytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      const expected = input.replace(OLD, NEW);
      assert.equal(run.stdout.slice(0, expected.length), expected);
      assert.equal((parse(run.stdout.slice(1)) as { results: Result[] }).results[0].severity, 'info');
    });

    describe('configuration errors: the ResourceList back unchanged with an error result, exit 1', () => {
      const cases: Array<[string, string, string]> = [
        ['no functionConfig', '', `no functionConfig: give one of ${FN_CONFIG_KINDS}`],
        ['functionConfig: null', 'functionConfig: null\n', `no functionConfig: give one of ${FN_CONFIG_KINDS}`],
        ['an unknown kind', `functionConfig:\n  apiVersion: kobold/v1alpha3\n  kind: Foo\n  items: [${NEW}]\n`, `functionConfig apiVersion "kobold/v1alpha3" kind "Foo" is not supported: use one of ${FN_CONFIG_KINDS}`],
        ['an unknown apiVersion', `functionConfig:\n  apiVersion: v2\n  kind: ConfigMap\n  data: {images: ${NEW}}\n`, `functionConfig apiVersion "v2" kind "ConfigMap" is not supported: use one of ${FN_CONFIG_KINDS}`],
        ['a non-string item', `functionConfig:\n  apiVersion: kobold/v1alpha3\n  kind: List\n  items: [${NEW}, 1.5]\n`, 'functionConfig items[1] must be string'],
        ['a mapping item', `functionConfig:\n  apiVersion: kobold/v1alpha3\n  kind: ImageRefUpdater\n  items:\n  - {image: ${NEW}}\n`, 'functionConfig items[0] must be string'],
        ['items missing', 'functionConfig:\n  apiVersion: kobold/v1alpha3\n  kind: List\n', 'functionConfig items is missing'],
        ['items not a list', `functionConfig:\n  apiVersion: kobold/v1alpha3\n  kind: List\n  items: ${NEW}\n`, 'functionConfig items must be array'],
        ['an empty ConfigMap images', 'functionConfig:\n  apiVersion: v1\n  kind: ConfigMap\n  data:\n    images: ""\n', 'functionConfig data.images must name at least one image reference'],
        ['a ConfigMap images of separators only', "functionConfig:\n  apiVersion: v1\n  kind: ConfigMap\n  data:\n    images: ' , '\n", 'functionConfig data.images must name at least one image reference'],
        ['a ConfigMap without images', 'functionConfig:\n  apiVersion: v1\n  kind: ConfigMap\n  data: {}\n', 'functionConfig data.images is missing'],
      ];
      for (const [name, config, message] of cases) {
        it(name, () => {
          const input = `${RESOURCE_LIST_HEADER}${config}items:\n${MARKED_POD}`;
          const run = krm(input);
          assert.equal(run.status, 1);
          assertStderr(run, message);
          assertResourceListBack(run, input, message);
        });
      }
    });

    it('an invalid reference in the functionConfig only costs a warning: exit 0, the valid ones applied', () => {
      const input = resourceList(MARKED_POD, `functionConfig:\n  apiVersion: kobold/v1alpha3\n  kind: List\n  items: ['not a reference', 'docker.io/acme/app@sha256:xyz', ${NEW}]\n`);
      const run = krm(input);
      assert.equal(run.status, 0);
      assert.equal(run.stderr, '');
      const results = (parse(run.stdout) as { results: Result[] }).results;
      assert.deepEqual(results.map((r) => r.severity), ['warning', 'warning', 'info']);
      assert.ok(run.stdout.startsWith(input.replace(OLD, NEW)));
    });

    it('an invalid marker only costs a warning: exit 0, the field unchanged', () => {
      const input = resourceList(MARKED_POD.replace(MARKER, '# kobold: tag: ^1; type: semver; colour: blue'));
      const run = krm(input);
      assert.equal(run.status, 0);
      assert.equal(run.stderr, '');
      assert.ok(run.stdout.startsWith(input));
      const results = (parse(run.stdout) as { results: Result[] }).results;
      assert.deepEqual(results.map((r) => [r.severity, r.field?.path]), [['warning', 'spec.image']]);
    });

    it('an unknown option: exit 1, a one-line error, nothing on stdout', () => {
      const run = krm(resourceList(MARKED_POD), ['--frobnicate']);
      assert.equal(run.status, 1);
      assertStderr(run, 'unknown option --frobnicate; see image-ref-updater --help');
      assert.equal(run.stdout, '');
    });

    describe('alias bombs and deep nesting (SPEC §7): neither a hang nor a crash', () => {
      const bomb = (indent: string): string => {
        let text = `${indent}a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n`;
        for (let i = 1; i < 12; i++) text += `${indent}a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
        return text;
      };
      /** Processed: exit 0, the marked field updated. */
      const assertProcessed = (run: RunResult, input: string): void => {
        assertNoStackTrace(run);
        assert.equal(run.status, 0, run.stderr);
        assert.ok(run.stdout.startsWith(input.replace(OLD, NEW)), 'processed: the field is updated and nothing else');
      };
      /** Refused with a one-line error and the ResourceList back. */
      const assertRefused = (run: RunResult, input: string): void => {
        assertNoStackTrace(run);
        assert.equal(run.status, 1);
        assert.match(run.stderr, /^image-ref-updater: [^\n]+\n$/);
        assertResourceListBack(run, input, run.stderr.slice(PREFIX.length, -1));
      };

      it('an alias bomb in a marked item', () => {
        const input = resourceList(`${MARKED_POD}  data:\n${bomb('    ')}`);
        const run = krm(input);
        assertProcessed(run, input);
      });

      it('an alias bomb in the functionConfig', () => {
        const input = resourceList(MARKED_POD, `${LIST_CONFIG}  metadata:\n${bomb('    ')}`);
        const run = krm(input);
        assertRefused(run, input);
      });

      it('deeply nested flow sequences in a marked item', () => {
        const depth = 20000;
        const input = resourceList(`${MARKED_POD}  deep: ${'['.repeat(depth)}x${']'.repeat(depth)}\n`);
        assertRefused(krm(input), input);
      });

      it('deeply nested block mappings in a marked item', () => {
        let deep = '';
        for (let i = 0; i < 3000; i++) deep += `${' '.repeat(2 + i)}k:\n`;
        const input = resourceList(`${MARKED_POD}  nest:\n${deep}${' '.repeat(3002)}v: 1\n`);
        assertRefused(krm(input), input);
      });
    });
  });

  describe('standalone mode', () => {
    const sameBytes = (run: RunResult, input: string | Buffer): void => {
      const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
      assert.ok(run.stdoutBytes.equals(bytes), `stdout is the input, unchanged: ${JSON.stringify(run.stdout.slice(0, 200))}`);
    };

    describe('malformed YAML in a marked document: file, document index, line and column; the input written back unchanged', () => {
      const cases: Array<[string, string, string]> = [
        ['an unclosed flow sequence', `a: 1\n---\nb: ${OLD} ${MARKER}\nc: [1, 2\n`, 'broken.yaml document 1, line 5, column 1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]'],
        ['an alias without its anchor', `b: ${OLD} ${MARKER}\n---\nx: 1 # kobold: tag: ^1; type: semver\ny: *nowhere\n`, 'broken.yaml document 1, line 4, column 4: invalid YAML: alias *nowhere has no anchor before it'],
        ['a bad indentation', `b: ${OLD} ${MARKER}\n  c: d\n`, 'broken.yaml document 0, line 2, column 1: invalid YAML: All mapping items must start at the same column'],
      ];
      for (const [name, text, message] of cases) {
        it(name, () => {
          write('broken.yaml', text);
          const run = standalone(['fc.yaml', 'ok.yaml', 'broken.yaml']);
          assert.equal(run.status, 1);
          assertStderr(run, message);
          sameBytes(run, `a: ${OLD} ${MARKER}\n---\n${text}`);

          const library = updateImageRefs(text, [NEW], 'broken.yaml');
          assert.ok(library.output === text);
          assert.deepEqual(library.results, [{ severity: 'error', message }]);
        });
      }

      it('on stdin', () => {
        const text = `a: ${OLD} ${MARKER}\nb: [\n`;
        const run = standalone(['fc.yaml'], text);
        assert.equal(run.status, 1);
        assert.match(run.stderr, /^image-ref-updater: stdin document 0, line 3, column 1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a \]\n$/);
        sameBytes(run, text);
      });
    });

    it('NUL bytes in a FILE: one line with line and column, the input written back unchanged', () => {
      const text = `a: ${OLD} ${MARKER}\n\0\n`;
      write('nul.yaml', text);
      const run = standalone(['fc.yaml', 'nul.yaml']);
      assert.equal(run.status, 1);
      assertStderr(run, 'nul.yaml, line 2, column 1: binary input: NUL byte');
      sameBytes(run, text);
      const library = updateImageRefs(text, [NEW]);
      assert.ok(library.output === text);
      assert.deepEqual(library.results, [{ severity: 'error', message: 'input, line 2, column 1: binary input: NUL byte' }]);
    });

    it('invalid UTF-8 in a FILE: one line with the byte offset, the input written back unchanged, byte for byte', () => {
      const bytes = Buffer.concat([Buffer.from(`a: ${OLD} ${MARKER}\n# `), Buffer.from([0xff, 0xfe]), Buffer.from(' bad\n')]);
      write('latin.yaml', bytes);
      const run = standalone(['fc.yaml', 'latin.yaml']);
      assert.equal(run.status, 1);
      assertStderr(run, `latin.yaml: not UTF-8: invalid byte sequence at byte ${`a: ${OLD} ${MARKER}\n# `.length}`);
      sameBytes(run, bytes);
    });

    it('a UTF-8 byte-order mark is accepted: exit 0, the mark kept', () => {
      const text = `\uFEFFa: ${OLD} ${MARKER}\n`;
      write('bom.yaml', text);
      const run = standalone(['fc.yaml', 'bom.yaml']);
      assert.equal(run.status, 0, run.stderr);
      sameBytes(run, text.replace(OLD, NEW));
      const library = updateImageRefs(text, [NEW]);
      assert.equal(library.output, text.replace(OLD, NEW));
    });

    describe('a bad FN_CONFIG: a one-line error naming the file, the input written back unchanged', () => {
      const cases: Array<[string, string | Buffer | null, string]> = [
        ['that does not exist', null, 'missing.yaml: no such file or directory'],
        ['that is empty (no functionConfig)', '', `bad-fc.yaml: no functionConfig: give one of ${FN_CONFIG_KINDS}`],
        ['of an unknown kind', `apiVersion: kobold/v1alpha3\nkind: Foo\nitems: [${NEW}]\n`, `bad-fc.yaml: functionConfig apiVersion "kobold/v1alpha3" kind "Foo" is not supported: use one of ${FN_CONFIG_KINDS}`],
        ['with a non-string item', 'apiVersion: kobold/v1alpha3\nkind: List\nitems:\n- [a, b]\n', 'bad-fc.yaml: functionConfig items[0] must be string'],
        ['with an empty ConfigMap images', 'apiVersion: v1\nkind: ConfigMap\ndata:\n  images: ""\n', 'bad-fc.yaml: functionConfig data.images must name at least one image reference'],
        ['that is not YAML', 'items: [1\n', 'bad-fc.yaml, line 2, column 1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]'],
        ['that is not UTF-8', Buffer.from([0x61, 0x3a, 0x20, 0xff, 0x0a]), 'bad-fc.yaml: not UTF-8: invalid byte sequence at byte 3'],
        ['with an alias that has no anchor', 'apiVersion: kobold/v1alpha3\nkind: List\nitems: [*ref]\n', 'bad-fc.yaml: invalid YAML: Unresolved alias (the anchor must be set before the alias): ref'],
      ];
      for (const [name, content, message] of cases) {
        it(name, () => {
          const file = content === null ? 'missing.yaml' : write('bad-fc.yaml', content);
          rmSync(path('missing.yaml'), { force: true });
          const run = standalone([file, 'ok.yaml']);
          assert.equal(run.status, 1);
          assertStderr(run, message);
          sameBytes(run, `a: ${OLD} ${MARKER}\n`);
        });
      }

      it('that is a directory', () => {
        const run = standalone(['a-directory', 'ok.yaml']);
        assert.equal(run.status, 1);
        assertStderr(run, 'a-directory: is a directory: to update the files in it, give -w (--write), -d (--diff) or -l (--list)');
        sameBytes(run, `a: ${OLD} ${MARKER}\n`);
      });
    });

    it('a FN_CONFIG whose item is an alias: the alias reads as its anchored reference', () => {
      const file = write('alias-fc.yaml', `apiVersion: kobold/v1alpha3\nkind: List\nmetadata:\n  annotations:\n    latest: &latest ${NEW}\nitems:\n- *latest\n`);
      const run = standalone([file, 'ok.yaml']);
      assert.equal(run.status, 0, run.stderr);
      sameBytes(run, `a: ${NEW} ${MARKER}\n`);
    });

    it('a FILE that does not exist: a one-line error naming it, nothing on stdout (no partial write)', () => {
      const run = standalone(['fc.yaml', 'ok.yaml', 'nope.yaml']);
      assert.equal(run.status, 1);
      assertStderr(run, 'nope.yaml: no such file or directory');
      assert.equal(run.stdout, '');
    });

    it('a FILE that is a directory: a one-line error naming it, nothing on stdout', () => {
      const run = standalone(['fc.yaml', 'ok.yaml', 'a-directory']);
      assert.equal(run.status, 1);
      assertStderr(run, 'a-directory: is a directory: to update the files in it, give -w (--write), -d (--diff) or -l (--list)');
      assert.equal(run.stdout, '');
    });

    it('an unknown option, wherever it is: exit 1, a one-line error, nothing on stdout', () => {
      for (const args of [['--frobnicate', 'fc.yaml', 'ok.yaml'], ['fc.yaml', '--frobnicate', 'ok.yaml'], ['fc.yaml', 'ok.yaml', '-x']]) {
        const run = standalone(args);
        assert.equal(run.status, 1);
        assertStderr(run, `unknown option ${args.find((a) => a.startsWith('-'))}; see image-ref-updater --help`);
        assert.equal(run.stdout, '');
      }
    });

    it('an invalid reference in the FN_CONFIG only costs a warning: exit 0', () => {
      write('badref.yaml', `apiVersion: kobold/v1alpha3\nkind: List\nitems: ['no such ref!', ${NEW}]\n`);
      const run = standalone(['badref.yaml', 'ok.yaml']);
      assert.equal(run.status, 0);
      assert.equal(run.stdout, `a: ${NEW} ${MARKER}\n`);
      const results = parse(run.stderr) as Result[];
      assert.deepEqual(results.map((r) => r.severity), ['warning', 'info']);
      assert.match(results[0].message, /no such ref!/);
    });

    it('an invalid marker only costs a warning: exit 0, the file unchanged', () => {
      const text = `a: ${OLD} # kobold: tag: ^1; type: semver; part: tag\nb: ${OLD} # kobold: tag ^1\n`;
      write('badmarker.yaml', text);
      const run = standalone(['fc.yaml', 'badmarker.yaml']);
      assert.equal(run.status, 0);
      sameBytes(run, text);
      const results = parse(run.stderr) as Result[];
      assert.deepEqual(results.map((r) => [r.severity, r.field?.path, r.file?.path]), [
        ['warning', 'a', 'badmarker.yaml'],
        ['warning', 'b', 'badmarker.yaml'],
      ]);
    });

    it('an alias bomb and deep nesting in a marked FILE: no hang, no stack trace', () => {
      let bomb = `image: ${OLD} ${MARKER}\n`;
      bomb += 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
      for (let i = 1; i < 12; i++) bomb += `a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
      let deep = `image: ${OLD} ${MARKER}\n`;
      for (let i = 0; i < 3000; i++) deep += `${' '.repeat(i)}k${i}:\n`;
      deep += `${' '.repeat(3000)}v: 1\n`;
      const flow = `image: ${OLD} ${MARKER}\nx: ${'['.repeat(20000)}1${']'.repeat(20000)}\n`;
      // The bomb is processed without expanding its aliases; nesting this deep is refused.
      for (const [name, text, processed] of [['bomb.yaml', bomb, true], ['deep.yaml', deep, false], ['flow.yaml', flow, false]] as const) {
        write(name, text);
        const run = standalone(['fc.yaml', name]);
        assertNoStackTrace(run);
        if (processed) {
          assert.equal(run.status, 0, run.stderr);
          assert.equal(run.stdout, text.replace(OLD, NEW), name);
        } else {
          assert.equal(run.status, 1, name);
          assert.match(run.stderr, new RegExp(`^image-ref-updater: ${name.replace('.', '\\.')}[^\\n]*\\n$`));
          sameBytes(run, text);
        }
      }
    });
  });

  describe('library', () => {
    it('malformed YAML: the input back and one error result', () => {
      const text = `a: ${OLD} ${MARKER}\nb: {c: d\n`;
      const { output, results } = updateImageRefs(text, [NEW]);
      assert.ok(output === text);
      assert.equal(results.length, 1);
      assert.equal(results[0].severity, 'error');
      assert.match(results[0].message, /^input document 0, line \d+, column \d+: invalid YAML: /);
    });

    it('an invalid reference only costs a warning', () => {
      const { output, results } = updateImageRefs(`a: ${OLD} ${MARKER}\n`, ['::', NEW]);
      assert.equal(output, `a: ${NEW} ${MARKER}\n`);
      assert.deepEqual(results.map((r) => r.severity), ['warning', 'info']);
    });
  });
});
