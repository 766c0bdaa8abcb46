import { strict as assert } from 'assert';
import { byteOrder, collectFiles, fileError, isIgnored, isYamlFileName } from '../src/files/walk';
import { InputError } from '../src/problem';
import { TempDirs } from './support/process';
import { join } from 'path';
import { isTempFileName, tempFileName } from '../src/files/temp-name';
import { unifiedDiff } from '../src/files/unified-diff';
import { Edit, EditList } from '../src/output/edits';
import { summaryLine } from '../src/cli/files-mode';
import ignore from 'ignore';

describe('byteOrder', () => {
  it('orders names by their UTF-8 bytes, also beyond the surrogates where UTF-16 order differs', () => {
    const names = ['b', 'B', 'a.yaml', 'a-b', 'a', '\uFF21', '\u{1F600}', 'é'];
    // UTF-16 order (Array.prototype.sort's) would put U+1F600, a surrogate pair, before U+FF21.
    assert.deepEqual(names.slice().sort(byteOrder), ['B', 'a', 'a-b', 'a.yaml', 'b', 'é', '\uFF21', '\u{1F600}']);
  });
});

describe('fileError: why a file or directory cannot be read, as a code', () => {
  it('maps the system\'s error codes to the input\'s, without the path (the caller adds it)', () => {
    const errno = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: something`), { code });
    const cases: Array<[string, string]> = [['ENOENT', 'FILE_NOT_FOUND'], ['ENOTDIR', 'FILE_NOT_FOUND'], ['EACCES', 'PERMISSION_DENIED'], ['EPERM', 'PERMISSION_DENIED'], ['EISDIR', 'IS_A_DIRECTORY'], ['EIO', 'NOT_A_FILE']];
    for (const [code, expected] of cases) {
      const error = fileError(errno(code));
      assert.deepEqual([error.code, error.place], [expected, {}], code);
    }
    assert.equal(fileError(errno('EIO')).problem, 'cannot be read: EIO: something');
  });

  it('collectFiles names the PATH argument that does not exist, or is neither a file nor a directory', () => {
    const temp = new TempDirs();
    try {
      const missing = join(temp.make('walk'), 'nope');
      assert.throws(() => collectFiles([missing]), (error: InputError) => error.code === 'FILE_NOT_FOUND' && error.place.input === missing && error.message === `${missing}: no such file or directory`);
      assert.throws(() => collectFiles(['/dev/null']), (error: InputError) => error.code === 'NOT_A_FILE' && error.message === '/dev/null: is neither a file nor a directory');
    } finally {
      temp.cleanup();
    }
  });
});

describe('isIgnored', () => {
  const rules = (below: string, text: string) => ({ below, rules: ignore().add(text) });

  it('lets a deeper file negate an outer rule, and an outer rule apply below', () => {
    const stack = [rules('', '*.gen.yaml\n/top.yaml\n'), rules('sub/', '!keep.gen.yaml\n')];
    assert.deepEqual(['a.gen.yaml', 'sub/x.gen.yaml', 'sub/keep.gen.yaml', 'top.yaml', 'sub/top.yaml'].map((path) => isIgnored(stack, path)), [true, true, false, true, false]);
  });

  it('matches a directory pattern (trailing /) only on a directory path', () => {
    const stack = [rules('', 'build/\n')];
    assert.deepEqual([isIgnored(stack, 'build/'), isIgnored(stack, 'build')], [true, false]);
  });
});

describe('file names', () => {
  it('reads *.yaml and *.yml, never a temporary file of the function', () => {
    const temp = tempFileName('a.yaml', '12-x.yaml');
    assert.equal(temp, '.a.yaml.image-ref-updater-12-x.yaml');
    assert.deepEqual([isYamlFileName('a.yaml'), isYamlFileName('a.yml'), isYamlFileName('a.json'), isYamlFileName('a.yaml.bak'), isYamlFileName(temp)], [true, true, false, false, false]);
    assert.deepEqual([isTempFileName(temp), isTempFileName('.image-ref-updater-x'), isTempFileName('a.image-ref-updater-x')], [true, false, false]);
  });
});

describe('unifiedDiff', () => {
  const LINES = Array.from({ length: 20 }, (_, i) => `l${i + 1}\n`).join('');
  /** The edit that replaces the text `from` (which occurs once) by `to`. */
  const edit = (source: string, from: string, to: string): Edit => ({ start: source.indexOf(from), end: source.indexOf(from) + from.length, text: to });
  const diff = (source: string, ...edits: Edit[]): string => unifiedDiff('x/a.yaml', source, EditList.of(edits));

  it('gives a/ and b/ headers, 3 lines of context, and single-line ranges', () => {
    assert.equal(diff(LINES, edit(LINES, 'l1\n', 'L1\n')), '--- a/x/a.yaml\n+++ b/x/a.yaml\n@@ -1,4 +1,4 @@\n-l1\n+L1\n l2\n l3\n l4\n');
    assert.equal(diff('x\n', { start: 0, end: 1, text: 'y' }), '--- a/x/a.yaml\n+++ b/x/a.yaml\n@@ -1 +1 @@\n-x\n+y\n');
  });

  it('joins changes whose context meets into one hunk, and starts a new hunk past that', () => {
    const joined = diff(LINES, edit(LINES, 'l5\n', 'L5\n'), edit(LINES, 'l12\n', 'L12\n'));
    assert.equal(joined.split('\n').filter((line) => line.startsWith('@@')).join(' '), '@@ -2,14 +2,14 @@');
    const apart = diff(LINES, edit(LINES, 'l5\n', 'L5\n'), edit(LINES, 'l13\n', 'L13\n'));
    assert.equal(apart.split('\n').filter((line) => line.startsWith('@@')).join(' '), '@@ -2,7 +2,7 @@ @@ -10,7 +10,7 @@');
  });

  it('counts the lines a change removes in the new ranges after it (a multi-line scalar made one line)', () => {
    const source = `${LINES}a: "x\n  y"\n${LINES}`;
    const out = diff(source, edit(source, 'l3\n', 'L3\n'), edit(source, '"x\n  y"', 'z'), edit(source.slice(0, 200), 'l18\n', 'L18\n'));
    assert.equal(out.split('\n').filter((line) => line.startsWith('@@')).join(' '), '@@ -1,6 +1,6 @@ @@ -15,11 +15,10 @@');
    assert.ok(out.includes('-a: "x\n-  y"\n+a: z\n'));
  });

  it('keeps CR and marks a last line without a line break', () => {
    assert.equal(diff('x\r\ny', { start: 3, end: 4, text: 'z' }), '--- a/x/a.yaml\n+++ b/x/a.yaml\n@@ -1,2 +1,2 @@\n x\r\n-y\n\\ No newline at end of file\n+z\n\\ No newline at end of file\n');
  });
});

describe('summaryLine', () => {
  it('counts fields, files and warnings, singular and plural, done or would be', () => {
    assert.equal(summaryLine(7, 5, 1, false), '# 7 fields updated in 5 files, 1 warning\n');
    assert.equal(summaryLine(1, 1, 0, true), '# 1 field would be updated in 1 file\n');
    assert.equal(summaryLine(0, 0, 2, true), '# 0 fields would be updated in 0 files, 2 warnings\n');
  });
});
