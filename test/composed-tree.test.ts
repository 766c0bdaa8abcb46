import { strict as assert } from 'assert';
import { InputError } from '../src/input-error';
import { beforeFirstCompose, composeUnit } from '../src/yaml/composed-tree';
import { LiteNode } from '../src/yaml/lite-tree';
import { Unit } from '../src/yaml/split';

const whole = (text: string): Unit => ({ start: 0, end: text.length, kind: 'document', index: 0 });

/** The one-line message composeUnit throws for `text`, or null when it composes. */
function errorOf(text: string): string | null {
  try {
    composeUnit(text, whole(text), () => 'd');
    return null;
  } catch (error) {
    assert.ok(error instanceof InputError, String(error));
    return error.message;
  }
}

describe('composeUnit: one walk for the tree, the aliases and the repeated keys', () => {
  it('rejects an alias whose anchor comes later, naming its place', () => {
    assert.equal(errorOf('a: *x\nb: &x 1\n'), 'd, line 1, column 4: invalid YAML: alias *x has no anchor before it');
  });

  it('knows an anchor set on a key, and on a collection, for what follows', () => {
    assert.equal(errorOf('? &k a\n: *k\nb: &m [1]\nc: *m\n'), null);
  });

  it('checks the aliases inside a key that is a collection', () => {
    assert.equal(errorOf('? [*nowhere]\n: v\n'), 'd, line 1, column 4: invalid YAML: alias *nowhere has no anchor before it');
  });

  it('checks the aliases inside a pair of a flow sequence', () => {
    assert.equal(errorOf('s: [a: *nowhere]\n'), 'd, line 1, column 8: invalid YAML: alias *nowhere has no anchor before it');
  });

  it('reports the first unknown alias in the order written, at any depth', () => {
    assert.equal(errorOf('a:\n  b:\n    c: *first\nd: *second\n'), 'd, line 3, column 8: invalid YAML: alias *first has no anchor before it');
  });

  it('gives a sequence item unit the tree of its item, with offsets in the whole input', () => {
    const source = 'items:\n- name: &n x\n  other: *n # c\n';
    const start = source.indexOf('- ');
    const { tree } = composeUnit(source, { start, end: source.length, kind: 'seq-item', index: 0 }, () => 'd');
    const expected: LiteNode = {
      kind: 'map',
      flow: false,
      entries: [
        ['name', { kind: 'scalar', value: 'x', style: 'PLAIN', start: source.indexOf('x\n'), end: source.indexOf('x\n') + 1, comment: null, inFlow: false }],
        ['other', { kind: 'alias', name: 'n', comment: '# c' }],
      ],
    };
    assert.deepEqual(tree, expected);
  });

  it('reports repeated keys in the order they are written, nested ones included', () => {
    const text = 'a:\n  x: 1\n  x: 2\na: 3\n';
    assert.deepEqual(composeUnit(text, whole(text), () => 'd').duplicateKeys, [
      { key: 'x', offset: text.indexOf('x: 2') },
      { key: 'a', offset: text.lastIndexOf('a: 3') },
    ]);
  });
});

describe('beforeFirstCompose', () => {
  it('runs its function once, before the next unit is composed', () => {
    const steps: string[] = [];
    beforeFirstCompose(() => steps.push('prepared'));
    assert.deepEqual(steps, []);
    assert.equal(errorOf('a: *x\n'), 'd, line 1, column 4: invalid YAML: alias *x has no anchor before it');
    assert.equal(errorOf('b: 1\n'), null);
    assert.deepEqual(steps, ['prepared']);
  });
});
