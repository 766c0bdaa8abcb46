import { strict as assert } from 'assert';
import { AnnotationRule, embeddedFieldPath, formatFieldPath, parseAnnotationRule, PathSelector } from '../src/markers/field-path';

function rule(line: string): AnnotationRule {
  const parsed = parseAnnotationRule(line);
  assert.ok(parsed.ok, `${JSON.stringify(line)} should parse, got ${parsed.ok ? '' : parsed.error}`);
  return parsed.value;
}

function ruleError(line: string): string {
  let parsed;
  try {
    parsed = parseAnnotationRule(line);
  } catch (error) {
    assert.fail(`${JSON.stringify(line)} should give an error result, not throw ${String(error)}`);
  }
  assert.ok(!parsed.ok, `${JSON.stringify(line)} should be rejected`);
  return parsed.error;
}

const key = (name: string): PathSelector => ({ kind: 'key', key: name });

describe('formatFieldPath', () => {
  it('joins keys with dots and indexes in brackets', () => {
    assert.equal(formatFieldPath(['spec', 'template', 'spec', 'containers', 0, 'image']), 'spec.template.spec.containers[0].image');
    assert.equal(formatFieldPath(['items', 3, 1]), 'items[3][1]');
    assert.equal(formatFieldPath([0, 'a']), '[0].a');
    assert.equal(formatFieldPath(['image']), 'image');
    assert.equal(formatFieldPath([]), '');
  });

  it('keeps keys with - _ / as they are', () => {
    assert.equal(formatFieldPath(['metadata', 'annotations', 'kobold/markers']), 'metadata.annotations.kobold/markers');
    assert.equal(formatFieldPath(['a-b_c/d']), 'a-b_c/d');
  });

  it('writes keys with dots, spaces, quotes or path syntax in brackets with double quotes', () => {
    assert.equal(formatFieldPath(['data', 'values.yaml']), 'data["values.yaml"]');
    assert.equal(formatFieldPath(['metadata', 'labels', 'app.kubernetes.io/name']), 'metadata.labels["app.kubernetes.io/name"]');
    assert.equal(formatFieldPath(['a b']), '["a b"]');
    assert.equal(formatFieldPath(['x', "it's"]), 'x["it\'s"]');
    assert.equal(formatFieldPath(['x', 'say "hi"']), 'x["say \\"hi\\""]');
    assert.equal(formatFieldPath(['x', 'k=v']), 'x["k=v"]');
    assert.equal(formatFieldPath(['x', 'a:b']), 'x["a:b"]');
    assert.equal(formatFieldPath(['x', 'a[0]']), 'x["a[0]"]');
    assert.equal(formatFieldPath(['x', 'a|b']), 'x["a|b"]');
    assert.equal(formatFieldPath(['x', '']), 'x[""]');
    assert.equal(formatFieldPath(['1.10', 'v']), '["1.10"].v');
  });

  it('gives paths that parseAnnotationRule reads back', () => {
    const segments = ['data', 'values.yaml', 'a b', "it's", 'back\\slash', 'k=v', '', 'a|b', 'plain'];
    const parsed = rule(`${formatFieldPath(segments)}: tag: x`);
    assert.deepEqual(parsed.path, segments.map(key));
  });

  it('gives a path that parseAnnotationRule reads back for a key with a double quote', () => {
    // formatFieldPath writes x["say \"hi\""]; a user copying it from a result into kobold/markers
    // should get the same field.
    const segments = ['x', 'say "hi"'];
    assert.deepEqual(rule(`${formatFieldPath(segments)}: tag: x`).path, segments.map(key));
  });
});

describe('embeddedFieldPath', () => {
  it('joins the block scalar\'s path and the path inside with "|", which parseAnnotationRule reads back', () => {
    const outer = formatFieldPath(['data', 'values.yaml']);
    const path = embeddedFieldPath(embeddedFieldPath(outer, formatFieldPath([0, 'job'])), formatFieldPath(['image']));
    assert.equal(path, 'data["values.yaml"]|[0].job|image');
    assert.deepEqual(rule(`${path}: x`).innerPaths, [[{ kind: 'index', index: 0 }, key('job')], [key('image')]]);
  });
});

describe('parseAnnotationRule', () => {
  it('reads dot-separated keys and the marker text after the first ":" following the path', () => {
    assert.deepEqual(rule('spec.template.spec.containers[0].image: tag: ^1; type: semver'), {
      path: [key('spec'), key('template'), key('spec'), key('containers'), { kind: 'index', index: 0 }, key('image')],
      innerPaths: [],
      pathText: 'spec.template.spec.containers[0].image',
      markerText: ' tag: ^1; type: semver',
    });
  });

  it('reads [N] as an index, also several in a row and at the start', () => {
    assert.deepEqual(rule('a[12][3].b: x').path, [key('a'), { kind: 'index', index: 12 }, { kind: 'index', index: 3 }, key('b')]);
    assert.deepEqual(rule('[0]: x').path, [{ kind: 'index', index: 0 }]);
  });

  it('reads [*] as every item', () => {
    assert.deepEqual(rule('spec.containers[*].image: type: exact').path, [key('spec'), key('containers'), { kind: 'each' }, key('image')]);
  });

  it('reads [key=value], the value keeping any ":"', () => {
    assert.deepEqual(rule('spec.initContainers[name=migrate].image: tag: ~2.3; type: semver'), {
      path: [key('spec'), key('initContainers'), { kind: 'where', key: 'name', value: 'migrate' }, key('image')],
      innerPaths: [],
      pathText: 'spec.initContainers[name=migrate].image',
      markerText: ' tag: ~2.3; type: semver',
    });
    assert.deepEqual(rule('spec.containers[image=docker.io/foo:1.0].image: tag: x').path, [
      key('spec'),
      key('containers'),
      { kind: 'where', key: 'image', value: 'docker.io/foo:1.0' },
      key('image'),
    ]);
    assert.deepEqual(rule('a[ name = b ]: x').path, [key('a'), { kind: 'where', key: 'name', value: 'b' }]);
  });

  it('reads ["key"] and [\'key\'] as one key, dots included', () => {
    assert.deepEqual(rule('data["values.yaml"]: tag: ^1; type: semver'), {
      path: [key('data'), key('values.yaml')],
      innerPaths: [],
      pathText: 'data["values.yaml"]',
      markerText: ' tag: ^1; type: semver',
    });
    assert.deepEqual(rule("data['x'].y: tag: x").path, [key('data'), key('x'), key('y')]);
    assert.deepEqual(rule("metadata.labels['app.kubernetes.io/name']: x").path, [key('metadata'), key('labels'), key('app.kubernetes.io/name')]);
    assert.deepEqual(rule('a["k: v"]: x').path, [key('a'), key('k: v')]);
    assert.deepEqual(rule('a["say \\"hi\\""]: x').path, [key('a'), key('say "hi"')]);
  });

  it('trims the line and allows blanks before the ":"', () => {
    assert.deepEqual(rule('   a.b  : tag: x   '), { path: [key('a'), key('b')], innerPaths: [], pathText: 'a.b', markerText: ' tag: x' });
    assert.deepEqual(rule('a\t:x'), { path: [key('a')], innerPaths: [], pathText: 'a', markerText: 'x' });
  });

  it('keeps an empty marker text', () => {
    assert.deepEqual(rule('a.b:'), { path: [key('a'), key('b')], innerPaths: [], pathText: 'a.b', markerText: '' });
  });

  it('rejects malformed lines with the column of the problem', () => {
    assert.equal(ruleError('a'), 'expected ":" after the path at column 2');
    assert.equal(ruleError('a b: x'), 'expected ":" after the path at column 3');
    assert.equal(ruleError('bad line'), 'expected ":" after the path at column 5');
    assert.equal(ruleError('a..b: x'), 'expected a key at column 3');
    assert.equal(ruleError('a.: x'), 'expected a key at column 3');
    assert.equal(ruleError(': x'), 'expected a key at column 1');
    assert.equal(ruleError(''), 'expected a key at column 1');
    assert.equal(ruleError('a[foo: x'), '"[" at column 2 is not closed');
    assert.equal(ruleError('a[]: x'), '"[]" is not [N], [*], [key=value] or ["key"]');
    assert.equal(ruleError('a[-1]: x'), '"[-1]" is not [N], [*], [key=value] or ["key"]');
    assert.equal(ruleError('a[=v]: x'), '"[=v]" is not [N], [*], [key=value] or ["key"]');
    assert.equal(ruleError('a["x"b]: x'), 'quoted key at column 3 must end with "]');
    assert.equal(ruleError("a['x: y"), "quoted key at column 3 must end with ']");
    assert.equal(ruleError('a["x"]b: x'), 'expected ":" after the path at column 7');
  });

  it('reads "|" as the step into the YAML embedded in a block scalar, at any depth, a path inside starting with a key or a bracket', () => {
    assert.deepEqual(rule('spec.source.helm.values|image.tag: tag: ^1; type: semver; part: tag; context: my.org/app'), {
      path: [key('spec'), key('source'), key('helm'), key('values')],
      innerPaths: [[key('image'), key('tag')]],
      pathText: 'spec.source.helm.values|image.tag',
      markerText: ' tag: ^1; type: semver; part: tag; context: my.org/app',
    });
    assert.deepEqual(rule('data["values.yaml"]|[0].image|x[*]|y[name=a]: x'), {
      path: [key('data'), key('values.yaml')],
      innerPaths: [[{ kind: 'index', index: 0 }, key('image')], [key('x'), { kind: 'each' }], [key('y'), { kind: 'where', key: 'name', value: 'a' }]],
      pathText: 'data["values.yaml"]|[0].image|x[*]|y[name=a]',
      markerText: ' x',
    });
  });

  it('keeps a "|" after the path in the marker text, and in a quoted key', () => {
    assert.deepEqual(rule('a.b: tag: latest|stable; type: regex'), { path: [key('a'), key('b')], innerPaths: [], pathText: 'a.b', markerText: ' tag: latest|stable; type: regex' });
    assert.deepEqual(rule('a["x|y"]: x').path, [key('a'), key('x|y')]);
  });

  it('rejects a "|" with no path on either side', () => {
    assert.equal(ruleError('a|: x'), 'expected a key at column 3');
    assert.equal(ruleError('|a: x'), 'expected a key at column 1');
    assert.equal(ruleError('a||b: x'), 'expected a key at column 3');
    assert.equal(ruleError('a.|b: x'), 'expected a key at column 3');
  });

  it('rejects a double-quoted key that is not a valid quoted string with an error, not an exception', () => {
    assert.equal(ruleError('data["a\\q"]: tag: x'), 'quoted key at column 6 has an invalid escape: "a\\q"');
    assert.equal(ruleError('data["a\\"]: tag: x'), 'quoted key at column 6 must end with "]');
  });
});
