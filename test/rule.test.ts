import { strict as assert } from 'assert';
import { MarkerOptions } from '../src/markers/marker';
import { compileRule, FieldRule } from '../src/match/rule';

function marker(fields: Partial<MarkerOptions>): MarkerOptions {
  return { type: '', tag: '', part: '', context: '', ...fields };
}

function rule(fields: Partial<MarkerOptions>): FieldRule {
  const compiled = compileRule(marker(fields));
  assert.ok(compiled.ok, `${JSON.stringify(fields)} should compile, got ${compiled.ok ? '' : compiled.error}`);
  return compiled.value;
}

function ruleError(fields: Partial<MarkerOptions>): string {
  const compiled = compileRule(marker(fields));
  assert.ok(!compiled.ok, `${JSON.stringify(fields)} should be rejected`);
  return compiled.error;
}

describe('compileRule', () => {
  it('compiles a whole-reference rule and drops any context', () => {
    const compiled = rule({ type: 'semver', tag: '^1' });
    assert.equal(compiled.part, '');
    assert.equal(compiled.context, '');
    assert.equal(compiled.pattern.matches('1.2.3'), true);
    assert.equal(compiled.pattern.matches('2.0.0'), false);
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
