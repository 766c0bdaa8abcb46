import { strict as assert } from 'assert';
import { compileMatcher, isMatchType, MATCH_TYPES } from '../src/match/schemes';
import { compileExactMatcher } from '../src/match/schemes/exact';
import { compileRegexMatcher } from '../src/match/schemes/regex';
import { MarkerOptions } from '../src/markers/marker';
import { compileRule, FieldRule } from '../src/match/rule';

function marker(fields: Partial<MarkerOptions>): MarkerOptions {
  return { type: '', tag: '', part: '', context: '', ...fields };
}

function rule(fields: Partial<MarkerOptions>): FieldRule {
  const compiled = compileRule(marker(fields));
  assert.ok(compiled.ok, `${JSON.stringify(fields)} should compile, got ${compiled.ok ? '' : compiled.error}`);
  return compiled.rule;
}

function ruleError(fields: Partial<MarkerOptions>): string {
  const compiled = compileRule(marker(fields));
  assert.ok(!compiled.ok, `${JSON.stringify(fields)} should be rejected`);
  return compiled.error;
}

function regexError(pattern: string): string {
  const compiled = compileRegexMatcher(pattern);
  assert.ok(!compiled.ok, `${JSON.stringify(pattern)} should be rejected`);
  return compiled.error;
}

/** The tags among `tags` a regex pattern matches. */
function regexMatching(pattern: string, tags: readonly string[]): string[] {
  const compiled = compileRegexMatcher(pattern);
  assert.ok(compiled.ok, `${JSON.stringify(pattern)} should compile, got ${compiled.ok ? '' : compiled.error}`);
  return tags.filter((tag) => compiled.matcher.matches(tag));
}

describe('compileRule', () => {
  it('compiles a whole-reference rule and drops any context', () => {
    const compiled = rule({ type: 'semver', tag: '^1' });
    assert.equal(compiled.type, 'semver');
    assert.equal(compiled.pattern, '^1');
    assert.equal(compiled.part, '');
    assert.equal(compiled.context, '');
    assert.equal(compiled.matcher.matches('1.2.3'), true);
    assert.equal(compiled.matcher.matches('2.0.0'), false);
    assert.equal(rule({ type: 'exact', tag: '1', context: 'busybox' }).context, '');
  });

  it('keeps the context of a part rule', () => {
    for (const part of ['tag', 'digest', 'tag+digest'] as const) {
      const compiled = rule({ type: 'exact', tag: '1.2', part, context: 'docker.io/library/busybox' });
      assert.equal(compiled.part, part);
      assert.equal(compiled.context, 'docker.io/library/busybox');
    }
  });

  it('rejects an unknown part, naming it', () => {
    assert.equal(
      ruleError({ type: 'semver', tag: '^1', part: 'Tag', context: 'busybox' }),
      'unknown part "Tag": use tag, digest or tag+digest, or leave it out for the whole reference',
    );
    assert.match(ruleError({ type: 'semver', tag: '^1', part: 'none', context: 'busybox' }), /^unknown part "none"/);
    assert.match(ruleError({ type: 'semver', tag: '^1', part: 'digest+tag', context: 'busybox' }), /^unknown part "digest\+tag"/);
  });

  it('rejects a part without context', () => {
    assert.equal(ruleError({ type: 'semver', tag: '^1', part: 'tag' }), 'part: tag needs context: the image repository the field belongs to');
    assert.equal(ruleError({ type: 'exact', tag: '1', part: 'digest' }), 'part: digest needs context: the image repository the field belongs to');
    assert.equal(ruleError({ type: 'exact', tag: '1', part: 'tag+digest' }), 'part: tag+digest needs context: the image repository the field belongs to');
  });

  it('rejects an unknown or missing type, listing the supported ones', () => {
    assert.equal(ruleError({ type: 'Semver', tag: '1' }), 'type "Semver" is not supported: use exact, semver, regex (lower case)');
    assert.equal(ruleError({ type: 'glob', tag: '1' }), 'type "glob" is not supported: use exact, semver, regex (lower case)');
    assert.equal(ruleError({ tag: '1' }), 'type "" is not supported: use exact, semver, regex (lower case)');
  });

  it('reports a constraint that cannot be parsed', () => {
    assert.equal(ruleError({ type: 'semver', tag: '>>1' }), 'could not parse version constraint: improper constraint: >>1');
    assert.match(ruleError({ type: 'semver', tag: '' }), /^could not parse version constraint: /);
  });

  it('reports an invalid regex', () => {
    assert.match(ruleError({ type: 'regex', tag: '(' }), /^invalid regex: .*missing closing \)/);
  });
});

describe('matchers index', () => {
  it('knows exactly exact, semver and regex', () => {
    assert.deepEqual([...MATCH_TYPES], ['exact', 'semver', 'regex']);
    assert.equal(isMatchType('exact'), true);
    assert.equal(isMatchType('semver'), true);
    assert.equal(isMatchType('regex'), true);
    assert.equal(isMatchType('Exact'), false);
    assert.equal(isMatchType('toString'), false);
    assert.equal(isMatchType('__proto__'), false);
    assert.equal(isMatchType(''), false);
  });

  it('dispatches to the matcher of the type', () => {
    const exact = compileMatcher('exact', '1.x');
    assert.ok(exact.ok);
    assert.equal(exact.matcher.matches('1.x'), true);
    assert.equal(exact.matcher.matches('1.2'), false);
    const semver = compileMatcher('semver', '1.x');
    assert.ok(semver.ok);
    assert.equal(semver.matcher.matches('1.2'), true);
    assert.equal(semver.matcher.matches('1.x'), false);
    const regex = compileMatcher('regex', '1.x');
    assert.ok(regex.ok);
    assert.equal(regex.matcher.matches('1.x'), true);
    assert.equal(regex.matcher.matches('1ax'), true);
    assert.equal(regex.matcher.matches('1.2'), false);
  });
});

describe('exact matcher', () => {
  it('matches string equality only', () => {
    const compiled = compileExactMatcher('1.2');
    assert.ok(compiled.ok);
    assert.equal(compiled.matcher.matches('1.2'), true);
    assert.equal(compiled.matcher.matches('1.2.0'), false);
    assert.equal(compiled.matcher.matches('v1.2'), false);
    assert.equal(compiled.matcher.matches('1.2 '), false);
    assert.equal(compiled.matcher.matches('1x2'), false);
  });

  it('is case-sensitive and treats regex characters literally', () => {
    const latest = compileExactMatcher('latest');
    assert.ok(latest.ok);
    assert.equal(latest.matcher.matches('LATEST'), false);
    const dotStar = compileExactMatcher('.*');
    assert.ok(dotStar.ok);
    assert.equal(dotStar.matcher.matches('.*'), true);
    assert.equal(dotStar.matcher.matches('anything'), false);
  });
});

describe('regex matcher', () => {
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
