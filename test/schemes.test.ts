import { strict as assert } from 'assert';
import { isSchemeId, SCHEME_IDS, tagScheme, TagScheme } from '../src/match/schemes';
import { exactScheme } from '../src/match/schemes/exact';
import { regexScheme } from '../src/match/schemes/regex';
import { semverScheme } from '../src/match/schemes/semver';

function regexError(pattern: string): string {
  const compiled = regexScheme.compile(pattern);
  assert.ok(!compiled.ok, `${JSON.stringify(pattern)} should be rejected`);
  return compiled.error;
}

/** The tags among `tags` a regex pattern matches. */
function regexMatching(pattern: string, tags: readonly string[]): string[] {
  const compiled = regexScheme.compile(pattern);
  assert.ok(compiled.ok, `${JSON.stringify(pattern)} should compile, got ${compiled.ok ? '' : compiled.error}`);
  return tags.filter((tag) => compiled.value.matches(tag));
}

/** The tag of the candidate `scheme` chooses for `pattern` among `tags` (in order) and a field holding `current`, or null for none. */
function chosen(scheme: TagScheme, pattern: string, tags: readonly string[], current: string | null): string | null {
  const compiled = scheme.compile(pattern);
  assert.ok(compiled.ok, `${JSON.stringify(pattern)} should compile`);
  const candidates = tags.map((tag, index) => ({ tag, index }));
  const choice = compiled.value.choose(candidates, current);
  if (choice !== undefined) assert.equal(choice, candidates[choice.index], 'the choice should be one of the candidates');
  return choice === undefined ? null : `${choice.tag}#${choice.index}`;
}

describe('scheme registry', () => {
  it('knows exactly exact, semver and regex', () => {
    assert.deepEqual([...SCHEME_IDS], ['exact', 'semver', 'regex']);
    for (const id of SCHEME_IDS) assert.equal(tagScheme(id).id, id);
    for (const id of ['Exact', 'toString', '__proto__', '']) assert.equal(isSchemeId(id), false, id);
  });

  it('compiles a pattern with the scheme of the id', () => {
    const exact = tagScheme('exact').compile('1.x');
    assert.ok(exact.ok);
    assert.equal(exact.value.matches('1.x'), true);
    assert.equal(exact.value.matches('1.2'), false);
    const semver = tagScheme('semver').compile('1.x');
    assert.ok(semver.ok);
    assert.equal(semver.value.matches('1.2'), true);
    assert.equal(semver.value.matches('1.x'), false);
    const regex = tagScheme('regex').compile('1.x');
    assert.ok(regex.ok);
    assert.equal(regex.value.matches('1.x'), true);
    assert.equal(regex.value.matches('1ax'), true);
    assert.equal(regex.value.matches('1.2'), false);
  });
});

describe('exact scheme: matches', () => {
  it('matches string equality only', () => {
    const compiled = exactScheme.compile('1.2');
    assert.ok(compiled.ok);
    assert.equal(compiled.value.matches('1.2'), true);
    assert.equal(compiled.value.matches('1.2.0'), false);
    assert.equal(compiled.value.matches('v1.2'), false);
    assert.equal(compiled.value.matches('1.2 '), false);
    assert.equal(compiled.value.matches('1x2'), false);
  });

  it('is case-sensitive and treats regex characters literally', () => {
    const latest = exactScheme.compile('latest');
    assert.ok(latest.ok);
    assert.equal(latest.value.matches('LATEST'), false);
    const dotStar = exactScheme.compile('.*');
    assert.ok(dotStar.ok);
    assert.equal(dotStar.value.matches('.*'), true);
    assert.equal(dotStar.value.matches('anything'), false);
  });
});

describe('regex scheme: matches', () => {
  it('matches the whole tag', () => {
    assert.deepEqual(regexMatching('1\\.2', ['1.2', '1.2.3', '11.2', 'v1.2']), ['1.2']);
    assert.deepEqual(regexMatching('v?\\d+(\\.\\d+)*', ['1', 'v1.2.3', '1.2-rc', 'x1']), ['1', 'v1.2.3']);
  });

  it('anchors the pattern as a group, so latest|stable does not match unstable (D1)', () => {
    assert.deepEqual(
      regexMatching('latest|stable', ['latest', 'stable', 'unstable', 'latest-foo', 'v1.2.3-latest', 'stable1']),
      ['latest', 'stable'],
    );
    assert.deepEqual(regexMatching('a|b|c', ['a', 'b', 'c', 'ab', 'xc']), ['a', 'b', 'c']);
  });

  it('matches only the empty tag with an empty pattern', () => {
    assert.deepEqual(regexMatching('', ['', 'a']), ['']);
  });

  it('uses RE2 syntax: \\d, (?i), \\p{L}, (?P<name>...)', () => {
    assert.deepEqual(regexMatching('\\d+', ['12', '1a', '']), ['12']);
    assert.deepEqual(regexMatching('(?i)LATEST', ['latest', 'Latest', 'LATEST', 'latest1']), ['latest', 'Latest', 'LATEST']);
    assert.deepEqual(regexMatching('\\p{L}+', ['abc', 'ab1']), ['abc']);
    assert.deepEqual(regexMatching('(?P<n>x)+', ['xx', 'y']), ['xx']);
    assert.deepEqual(regexMatching('[a-z0-9._-]+', ['main_2024-01-01', 'UPPER']), ['main_2024-01-01']);
  });

  it('rejects (?<name>...), as Go before 1.22 does', () => {
    assert.equal(regexError('(?<n>x)'), 'invalid regex: invalid or unsupported Perl syntax: `(?<` (write named groups as (?P<name>...))');
  });

  it('rejects syntax RE2 does not have: lookahead, possessive repetition, \\u escapes', () => {
    assert.match(regexError('(?=a)'), /^invalid regex: .*invalid or unsupported Perl syntax: `\(\?=`/);
    assert.match(regexError('a++'), /^invalid regex: .*invalid nested repetition operator: `\+\+`/);
    assert.match(regexError('\\u0041'), /^invalid regex: .*invalid escape sequence: `\\u`/);
    assert.match(regexError('x{1001}'), /^invalid regex: .*invalid repeat count/);
    assert.match(regexError('['), /^invalid regex: /);
  });

  it('rejects an unbalanced ) instead of letting it break out of the anchoring group', () => {
    // Go: `error parsing regexp: unexpected ): ...`. Wrapped as ^(?:a)|(b)$ the pattern would
    // compile and match any tag that starts with a or ends with b.
    assert.match(regexError('a)|(b'), /^invalid regex: /);
    assert.match(regexError('latest)|(?:.*'), /^invalid regex: /);
    assert.match(regexError('a)'), /^invalid regex: /);
  });

  it('accepts (?< where it is not a named group: an escaped paren or a character class', () => {
    // Both are valid in Go's RE2 syntax: a literal ( made optional, then <; a class of (, ? and <.
    assert.deepEqual(regexMatching('\\(?<', ['<', '(<', 'x']), ['<', '(<']);
    assert.deepEqual(regexMatching('[(?<]', ['<', '?', 'x']), ['<', '?']);
  });
});

describe('choose: which matching reference a field takes (SPEC §5)', () => {
  const table: Array<[string, TagScheme, string, string[], string | null, string | null]> = [
    ['exact: none', exactScheme, '1.2', [], '1.0', null],
    ['exact: the last one', exactScheme, '1.2', ['1.2', '1.2'], '1.0', '1.2#1'],
    ['regex: the last one, even below a higher version', regexScheme, '.*', ['1.3', '1.2'], '1.0', '1.2#1'],
    ['regex: the last one, even below the current version', regexScheme, '.*', ['1.2'], '1.5', '1.2#0'],
    ['semver: none', semverScheme, '*', [], '1.0', null],
    ['semver: the highest, whatever the order', semverScheme, '*', ['1.3', '2.0', '1.10', '1.2'], '1.0', '2.0#1'],
    ['semver: the later one on a tie', semverScheme, '*', ['1.2.0', 'v1.2', '1.2'], '1.0', '1.2#2'],
    ['semver: never below the current version', semverScheme, '*', ['1.2', '1.4.9'], '1.5', null],
    ['semver: an equal version applies', semverScheme, '*', ['1.5.0'], 'v1.5', '1.5.0#0'],
    ['semver: the current version counts even outside the constraint', semverScheme, '^1', ['1.9'], '3.0', null],
    ['semver: any version over a current tag that is not one', semverScheme, '*', ['1.0.0'], 'latest', '1.0.0#0'],
    ['semver: any version when the field holds no tag', semverScheme, '*', ['0.1'], null, '0.1#0'],
    ['semver: a prerelease is below its release', semverScheme, '*', ['1.2.0', '1.2.0-rc.1'], null, '1.2.0#0'],
  ];
  for (const [name, scheme, pattern, tags, current, expected] of table) {
    it(name, () => assert.equal(chosen(scheme, pattern, tags, current), expected));
  }
});
