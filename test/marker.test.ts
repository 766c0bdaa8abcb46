import { strict as assert } from 'assert';
import { goTrimSpace } from '../src/markers/go-strings';
import { MarkerOptions, markerTextOfComment, parseMarker } from '../src/markers/marker';

const EMPTY: MarkerOptions = { type: '', tag: '', part: '', context: '' };

function options(text: string): MarkerOptions {
  const parsed = parseMarker(text);
  assert.ok(parsed.ok, `${JSON.stringify(text)} should parse, got ${parsed.ok ? '' : parsed.error}`);
  return parsed.value;
}

function error(text: string): string {
  const parsed = parseMarker(text);
  assert.ok(!parsed.ok, `${JSON.stringify(text)} should be invalid`);
  return parsed.error;
}

describe('goTrimSpace', () => {
  it('trims ASCII white space at both ends only', () => {
    assert.equal(goTrimSpace(' \t\n\r\v\fa b\t \n'), 'a b');
    assert.equal(goTrimSpace('a \t b'), 'a \t b');
    assert.equal(goTrimSpace(''), '');
    assert.equal(goTrimSpace(' \t '), '');
  });

  it('trims the Unicode spaces Go trims (NBSP, NEL, ideographic space, line separator)', () => {
    assert.equal(goTrimSpace('\u00a0x\u00a0'), 'x');
    assert.equal(goTrimSpace('\u0085x\u3000'), 'x');
    assert.equal(goTrimSpace('\u2028\u2029\u202f\u205f\u1680x\u2000\u200a'), 'x');
  });

  it('keeps U+FEFF (byte-order mark) and U+200B (zero width space), which Go does not count as space', () => {
    assert.equal(goTrimSpace('\ufeffx\ufeff'), '\ufeffx\ufeff');
    assert.equal(goTrimSpace(' \ufeff x'), '\ufeff x');
    assert.equal(goTrimSpace('\u200bx'), '\u200bx');
  });
});

describe('parseMarker', () => {
  it('reads key: value pairs separated by ;', () => {
    assert.deepEqual(options(' tag: ^1; type: semver'), { ...EMPTY, type: 'semver', tag: '^1' });
    assert.deepEqual(options(' tag: ^1; type: semver; part: tag; context: docker.io/library/busybox'), {
      type: 'semver',
      tag: '^1',
      part: 'tag',
      context: 'docker.io/library/busybox',
    });
  });

  it('leaves absent keys empty', () => {
    assert.deepEqual(options(' type: exact'), { ...EMPTY, type: 'exact' });
    assert.deepEqual(options(' tag: latest'), { ...EMPTY, tag: 'latest' });
  });

  it('splits each pair at its first colon: the value keeps the others', () => {
    assert.deepEqual(options(' context: localhost:5000/app; part: tag'), { ...EMPTY, context: 'localhost:5000/app', part: 'tag' });
    assert.deepEqual(options(' tag: a:b:c'), { ...EMPTY, tag: 'a:b:c' });
  });

  it('accepts an empty value', () => {
    assert.deepEqual(options(' type: semver; tag: ;'), { ...EMPTY, type: 'semver' });
    assert.deepEqual(options(' part:; type: exact'), { ...EMPTY, type: 'exact' });
  });

  it('allows one trailing ;', () => {
    assert.deepEqual(options(' tag: x*?; type: regex;'), { ...EMPTY, type: 'regex', tag: 'x*?' });
    assert.deepEqual(options(' tag: 1.9.9; type: exact;'), { ...EMPTY, type: 'exact', tag: '1.9.9' });
  });

  it('lets the last of a duplicate key win', () => {
    assert.deepEqual(options(' tag: a; tag: b'), { ...EMPTY, tag: 'b' });
    assert.deepEqual(options(' type: regex; tag: 1; type: exact'), { ...EMPTY, type: 'exact', tag: '1' });
    assert.deepEqual(options(' tag: a; tag:'), { ...EMPTY, tag: '' });
  });

  it('trims keys and values of Go white space: tabs, NBSP', () => {
    assert.deepEqual(options('\ttag:\t^1\t;\ttype:\tsemver\t'), { ...EMPTY, type: 'semver', tag: '^1' });
    assert.deepEqual(options(' tag:\u00a0latest\u00a0; \u00a0type\u00a0: exact'), { ...EMPTY, type: 'exact', tag: 'latest' });
    assert.deepEqual(options('   tag   :   1.2   '), { ...EMPTY, tag: '1.2' });
  });

  it('does not trim U+FEFF: it stays in the value, and makes a key unknown', () => {
    assert.deepEqual(options(' tag: \ufeffa'), { ...EMPTY, tag: '\ufeffa' });
    assert.deepEqual(options(' tag: a\ufeff'), { ...EMPTY, tag: 'a\ufeff' });
    assert.equal(error(' \ufefftag: a'), 'unknown key "\ufefftag": expected one of type, tag, part, context');
  });

  it('rejects a pair without a colon, quoting it', () => {
    assert.equal(error(' tag: a; foo'), 'invalid key value pair " foo": expected "key: value"');
    assert.equal(error(' semver'), 'invalid key value pair " semver": expected "key: value"');
    assert.equal(error(' tag = 1'), 'invalid key value pair " tag = 1": expected "key: value"');
  });

  it('rejects an unknown key, including the wrong case', () => {
    assert.equal(error(' tag: a; foo: b'), 'unknown key "foo": expected one of type, tag, part, context');
    assert.equal(error(' Tag: a'), 'unknown key "Tag": expected one of type, tag, part, context');
    assert.equal(error(' TYPE: semver'), 'unknown key "TYPE": expected one of type, tag, part, context');
    assert.equal(error(' : a'), 'unknown key "": expected one of type, tag, part, context');
  });

  it('stops at the first bad pair even when a later one is fine', () => {
    assert.equal(error(' foo; tag: a; bar: b'), 'invalid key value pair " foo": expected "key: value"');
  });

  it('skips empty and blank segments before a ; (D5)', () => {
    assert.deepEqual(options(' tag: a; ;'), { ...EMPTY, tag: 'a' });
    assert.deepEqual(options(' tag: a;;'), { ...EMPTY, tag: 'a' });
    assert.deepEqual(options(' ; tag: a'), { ...EMPTY, tag: 'a' });
    assert.deepEqual(options(';;tag: a;\t;\u00a0; type: exact'), { ...EMPTY, tag: 'a', type: 'exact' });
    assert.deepEqual(options(';'), EMPTY);
    assert.deepEqual(options(''), EMPTY);
  });

  it('keeps white space after the last ; invalid (the documented exception to D5)', () => {
    assert.equal(error(' tag: a; '), 'invalid key value pair " ": expected "key: value"');
    assert.equal(error(' tag: a;\t'), 'invalid key value pair "\\t": expected "key: value"');
    assert.equal(error(' tag: a; ; '), 'invalid key value pair " ": expected "key: value"');
    assert.equal(error(' '), 'invalid key value pair " ": expected "key: value"');
  });
});

describe('markerTextOfComment', () => {
  it('is the text after exactly "# kobold:"', () => {
    assert.equal(markerTextOfComment('# kobold: tag: ^1; type: semver'), ' tag: ^1; type: semver');
    assert.equal(markerTextOfComment('# kobold:tag: 1'), 'tag: 1');
    assert.equal(markerTextOfComment('# kobold:'), '');
    assert.equal(markerTextOfComment('# kobold: a # b'), ' a # b');
  });

  it('is null for any other comment', () => {
    assert.equal(markerTextOfComment('#kobold: tag: 1'), null);
    assert.equal(markerTextOfComment('#  kobold: tag: 1'), null);
    assert.equal(markerTextOfComment('# Kobold: tag: 1'), null);
    assert.equal(markerTextOfComment('# kobold tag: 1'), null);
    assert.equal(markerTextOfComment('# kobold'), null);
    assert.equal(markerTextOfComment(' # kobold: tag: 1'), null);
    assert.equal(markerTextOfComment('# a comment'), null);
    assert.equal(markerTextOfComment(''), null);
  });
});
