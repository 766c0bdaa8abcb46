import { strict as assert } from 'assert';
import { byteOrder, isIgnored, isYamlFileName } from '../src/files/walk';
import { isTempFileName, tempFileName } from '../src/files/temp-name';
import { unifiedDiff } from '../src/files/unified-diff';
import { summaryLine } from '../src/cli/files-mode';
import ignore from 'ignore';

describe('byteOrder', () => {
  it('orders names by their UTF-8 bytes, also beyond the surrogates where UTF-16 order differs', () => {
    const names = ['b', 'B', 'a.yaml', 'a-b', 'a', '\uFF21', '\u{1F600}', 'é'];
    assert.deepEqual(names.slice().sort(byteOrder), ['B', 'a', 'a-b', 'a.yaml', 'b', 'é', '\uFF21', '\u{1F600}']);
    assert.deepEqual(['\u{1F600}', '\uFF21'].sort(), ['\u{1F600}', '\uFF21'], 'UTF-16 order puts the surrogate pair first');
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
  it('gives a/ and b/ headers, 3 lines of context, merged hunks and single-line ranges', () => {
    const before = Array.from({ length: 12 }, (_, i) => `l${i + 1}\n`).join('');
    assert.equal(unifiedDiff('x/a.yaml', before, before.replace('l1\n', 'L1\n')), '--- a/x/a.yaml\n+++ b/x/a.yaml\n@@ -1,4 +1,4 @@\n-l1\n+L1\n l2\n l3\n l4\n');
    assert.equal(unifiedDiff('a', 'x\n', 'y\n'), '--- a/a\n+++ b/a\n@@ -1 +1 @@\n-x\n+y\n');
  });

  it('keeps CR and marks a last line without a line break', () => {
    assert.equal(unifiedDiff('a', 'x\r\ny', 'x\r\nz'), '--- a/a\n+++ b/a\n@@ -1,2 +1,2 @@\n x\r\n-y\n\\ No newline at end of file\n+z\n\\ No newline at end of file\n');
  });
});

describe('summaryLine', () => {
  it('counts fields, files and warnings, singular and plural, done or would be', () => {
    assert.equal(summaryLine(7, 5, 1, false), '# 7 fields updated in 5 files, 1 warning\n');
    assert.equal(summaryLine(1, 1, 0, true), '# 1 field would be updated in 1 file\n');
    assert.equal(summaryLine(0, 0, 2, true), '# 0 fields would be updated in 0 files, 2 warnings\n');
  });
});
