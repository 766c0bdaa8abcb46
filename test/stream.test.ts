/**
 * Stream mode (library and standalone CLI, SPEC §1 and §6): a plain multi-document YAML stream in,
 * the same stream out with only the changed scalars replaced; the document index in `file.index`
 * when a file name is given; directives; documents without marker text are not parsed.
 */
import { strict as assert } from 'assert';
import { writeFileSync } from 'fs';
import { join } from 'path';
import { parse, parseAllDocuments } from 'yaml';
import { Result, updateImageRefs } from '../src/index';
import { BOM, crlf } from './support/lossless';
import { ensureBuilt, runCli, TempDirs } from './support/process';
import { MARKER, NEW, OLD } from './support/samples';

const marked = (key: string): string => `${key}: ${OLD} ${MARKER}\n`;
const CONFIG = `apiVersion: kobold/v1alpha3\nkind: List\nitems:\n- ${NEW}\n`;

const infoOf = (results: readonly Result[]): Array<[string | undefined, number | undefined, string | undefined]> =>
  results.filter((r) => r.severity === 'info').map((r) => [r.file?.path, r.file?.index, r.field?.path]);

/** A stream of many kinds of documents; `a`, `c`, `e` and `g` are marked. */
const STREAM = [
  '# a comment before the first document is no document\n',
  marked('a'),
  '---\n',
  'b: plain document\n',
  '---\n',
  '# a document holding only a comment\n',
  '--- # an empty document after this comment\n',
  '---\n',
  marked('c'),
  '...\n',
  '%YAML 1.2\n',
  '%TAG !e! tag:example.com,2024:\n',
  '---\n',
  'd: !e!thing plain\n',
  '...\n',
  '%YAML 1.1\n',
  '---\n',
  marked('e'),
  'yes11: yes\n',
  '---\n',
  'f: [1, 2, {g: h}]\n',
  '--- !!map\n',
  marked('g'),
].join('');
/** The document index of each marked key in STREAM. */
const INDEX = { a: 0, c: 4, e: 6, g: 8 };

describe('stream mode: several documents', () => {
  it('updates the marked documents, byte for byte everywhere else (library)', () => {
    const { output, results } = updateImageRefs(STREAM, [NEW]);
    assert.equal(output, STREAM.split(OLD).join(NEW));
    assert.deepEqual(infoOf(results), [
      [undefined, undefined, 'a'],
      [undefined, undefined, 'c'],
      [undefined, undefined, 'e'],
      [undefined, undefined, 'g'],
    ]);
  });

  it('with a file name, each result carries the document index (library)', () => {
    const { results } = updateImageRefs(STREAM, [NEW], 'stream.yaml');
    assert.deepEqual(infoOf(results), Object.entries(INDEX).map(([key, index]) => ['stream.yaml', index, key]));
  });

  it('the indexes are those of yaml.parseAllDocuments: each names the document holding the field', () => {
    const docs = parseAllDocuments(STREAM);
    const { results } = updateImageRefs(STREAM, [NEW], 'stream.yaml');
    /** The value the yaml library reads at the result's field, in the document the result names. */
    const valueAt = (result: Result): unknown => (docs[result.file!.index!].toJS() as Record<string, unknown>)[result.field!.path];
    assert.deepEqual(results.map((result) => [result.field?.path, valueAt(result)]), Object.keys(INDEX).map((key) => [key, OLD]));
  });

  it('changes nothing when nothing matches, even byte-order mark, CRLF and no final newline', () => {
    for (const text of [STREAM, crlf(STREAM), BOM + STREAM, STREAM.replace(/\n$/, ''), BOM + crlf(STREAM).replace(/\r\n$/, '')]) {
      const { output, results } = updateImageRefs(text, ['docker.io/acme/app:2.0.0', 'docker.io/other/app:1.5.0']);
      assert.equal(output, text);
      assert.deepEqual(results, []);
    }
  });

  it('CRLF stream: only the scalars change', () => {
    const text = crlf(STREAM);
    const { output, results } = updateImageRefs(text, [NEW], 'w.yaml');
    assert.equal(output, text.split(OLD).join(NEW));
    assert.deepEqual(infoOf(results), Object.entries(INDEX).map(([key, index]) => ['w.yaml', index, key]));
  });

  it('an empty stream, a stream of comments: nothing to do', () => {
    for (const text of ['', '\n', '# only a comment\n', '---\n', '---\n...\n']) {
      const { output, results } = updateImageRefs(text, [NEW]);
      assert.equal(output, text);
      assert.deepEqual(results, []);
    }
  });
});

describe('stream mode: documents without marker text are not parsed', () => {
  const REJECTED = [
    ['duplicate keys', 'x: 1\nx: 2\n'],
    ['an undefined alias', 'x: *nowhere\n'],
    ['duplicate keys in a flow mapping', 'y: {a: 1, a: 2}\n'],
  ];
  for (const [what, doc] of REJECTED) {
    it(`a document with ${what} passes through when it has no marker text`, () => {
      const text = `${doc}---\n${marked('m')}`;
      const { output, results } = updateImageRefs(text, [NEW], 'f.yaml');
      assert.equal(output, text.replace(OLD, NEW));
      assert.deepEqual(infoOf(results), [['f.yaml', 1, 'm']]);
    });
  }

  it('the same document with marker text is parsed, and its error names the document, line and column', () => {
    const text = `${marked('m')}---\nx: 1 # kobold: tag: ^1; type: semver\ny: *nowhere\n`;
    const { output, results } = updateImageRefs(text, [NEW], 'f.yaml');
    assert.equal(output, text, 'nothing is written on an error');
    assert.equal(results.length, 1);
    assert.equal(results[0].severity, 'error');
    assert.equal(results[0].message, 'f.yaml document 1, line 4, column 4: invalid YAML: alias *nowhere has no anchor before it');
  });

  it('an alias to an anchor that does not exist, in a marked document, is malformed YAML (SPEC §7)', () => {
    const text = `x: *nowhere\n${marked('m')}`;
    const { output, results } = updateImageRefs(text, [NEW], 'f.yaml');
    assert.equal(output, text, 'nothing is written on an error');
    assert.deepEqual(results, [{ severity: 'error', message: 'f.yaml document 0, line 1, column 4: invalid YAML: alias *nowhere has no anchor before it' }]);
  });
});

describe('stream mode through the built CLI (standalone)', function () {
  this.timeout(60000);
  const temps = new TempDirs();
  const dir = temps.make('stream-cli');
  const write = (name: string, text: string | Buffer): string => {
    writeFileSync(join(dir, name), text);
    return name;
  };
  const cli = (args: string[], stdin = ''): ReturnType<typeof runCli> => runCli(args, { input: stdin, cwd: dir });
  const stderrResults = (stderr: string): Result[] => (stderr.trim() === '' ? [] : (parse(stderr) as Result[]));

  before(() => {
    ensureBuilt();
    write('config.yaml', CONFIG);
  });
  after(() => temps.cleanup());

  it('FILE: the stream updated on stdout, file.path and file.index in the results on stderr', () => {
    write('stream.yaml', STREAM);
    const run = cli(['config.yaml', 'stream.yaml']);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, STREAM.split(OLD).join(NEW));
    assert.deepEqual(infoOf(stderrResults(run.stderr)), Object.entries(INDEX).map(([key, index]) => ['stream.yaml', index, key]));
  });

  it('stdin (no FILE, or -): the same stream; results without a file path', () => {
    for (const args of [['config.yaml'], ['config.yaml', '-']]) {
      const run = cli(args, STREAM);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stdout, STREAM.split(OLD).join(NEW));
      const results = stderrResults(run.stderr);
      assert.equal(infoOf(results).length, 4);
      for (const result of results) assert.equal(result.file?.path, undefined);
    }
  });

  it('no marker matches: stdout is the file, byte for byte, stderr empty', () => {
    const bytes = Buffer.from(BOM + crlf(STREAM).replace(/\r\n$/, ''), 'utf8');
    write('bytes.yaml', bytes);
    write('noop.yaml', 'apiVersion: v1\nkind: ConfigMap\ndata:\n  images: docker.io/acme/app:3.0.0\n');
    const run = cli(['noop.yaml', 'bytes.yaml']);
    assert.equal(run.status, 0);
    assert.ok(run.stdoutBytes.equals(bytes));
    assert.equal(run.stderr, '');
  });

  it('an unparsable document without marker text does not stop the run', () => {
    write('mixed.yaml', `x: 1\nx: 2\ny: *nowhere\n---\n${marked('m')}`);
    const run = cli(['config.yaml', 'mixed.yaml']);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, `x: 1\nx: 2\ny: *nowhere\n---\n${marked('m').replace(OLD, NEW)}`);
  });

  it('a marked document with malformed YAML: exit 1, one line naming file, document, line and column; the input back unchanged', () => {
    const text = `${marked('a')}---\nb: [1, 2 ${MARKER}\nc: d\n`;
    write('broken.yaml', text);
    const run = cli(['config.yaml', 'broken.yaml']);
    assert.equal(run.status, 1);
    assert.equal(run.stderr, 'image-ref-updater: broken.yaml document 1, line 4, column 1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]\n');
    assert.equal(run.stdout, text);
  });

  describe('several FILEs: one stream holding every document of every file', () => {
    const files: Array<[string, string, Record<string, string>[]]> = [
      ['plain.yaml', `${marked('p')}`, [{ p: NEW }]],
      ['two.yaml', `---\n${marked('q')}---\nr: 1\n`, [{ q: NEW }, { r: 1 } as unknown as Record<string, string>]],
      ['no-newline.yaml', marked('s').replace(/\n$/, ''), [{ s: NEW }]],
      ['directive.yaml', `%YAML 1.2\n---\n${marked('t')}`, [{ t: NEW }]],
      ['ended.yaml', `u: 1\n...\n`, [{ u: 1 } as unknown as Record<string, string>]],
      ['directive2.yaml', `%YAML 1.2\n---\n${marked('v')}`, [{ v: NEW }]],
      ['bom.yaml', `${BOM}${marked('w')}`, [{ w: NEW }]],
      ['crlf.yaml', crlf(`${marked('x')}`), [{ x: NEW }]],
    ];

    it('every file in turn after a plain one: the output is a valid stream with the documents of both', () => {
      for (const [name, text, docs] of files.slice(1)) {
        write('first.yaml', marked('first'));
        write(name, text);
        const run = cli(['config.yaml', 'first.yaml', name]);
        assert.equal(run.status, 0, `${name}: ${run.stderr}`);
        const parsed = parseAllDocuments(run.stdout);
        assert.ok(Array.isArray(parsed));
        assert.deepEqual(parsed.flatMap((d) => d.errors.map((e) => e.message.split('\n')[0])), [], `${name}: the joined output is valid YAML:\n${run.stdout}`);
        assert.deepEqual(parsed.map((d) => d.toJS()), [{ first: NEW }, ...docs], `${name}: the joined output holds every document:\n${JSON.stringify(run.stdout)}`);
        assert.ok(run.stdout.includes(text.replace(BOM, '').split(OLD).join(NEW).replace(/^---\n/, '')), `${name}: its text is in the output`);
      }
    });

    it('all files at once: every document, and results per file with the index inside that file', () => {
      for (const [name, text] of files) write(name, text);
      const run = cli(['config.yaml', ...files.map(([name]) => name)]);
      assert.equal(run.status, 0, run.stderr);
      const parsed = parseAllDocuments(run.stdout);
      assert.ok(Array.isArray(parsed));
      assert.deepEqual(parsed.flatMap((d) => d.errors.map((e) => e.message.split('\n')[0])), [], `the joined output is valid YAML:\n${run.stdout}`);
      assert.deepEqual(parsed.map((d) => d.toJS()), files.flatMap(([, , docs]) => docs));
      assert.deepEqual(infoOf(stderrResults(run.stderr)), [
        ['plain.yaml', 0, 'p'],
        ['two.yaml', 0, 'q'],
        ['no-newline.yaml', 0, 's'],
        ['directive.yaml', 0, 't'],
        ['directive2.yaml', 0, 'v'],
        ['bom.yaml', 0, 'w'],
        ['crlf.yaml', 0, 'x'],
      ]);
    });
  });
});
