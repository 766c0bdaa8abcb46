import { strict as assert } from 'assert';
import { InputError, ProblemPlace } from '../src/problem';
import { beforeFirstCompose, composeUnit } from '../src/yaml/composed-tree';
import { LiteNode } from '../src/yaml/lite-tree';
import { Unit } from '../src/yaml/split';

const whole = (text: string): Unit => ({ start: 0, end: text.length, kind: 'document', index: 0 });

/** What composeUnit throws for `text` (the document's index 3), as its code, place and words, or null when it composes. */
function errorOf(text: string): [string, ProblemPlace, string] | null {
  try {
    composeUnit(text, { ...whole(text), index: 3 });
    return null;
  } catch (error) {
    assert.ok(error instanceof InputError, String(error));
    return [error.code, error.place, error.problem];
  }
}

/** The error of an alias without an anchor before it, at a line, column and offset of document 3. */
function unknownAlias(name: string, line: number, column: number, offset: number): [string, ProblemPlace, string] {
  return ['UNKNOWN_ALIAS', { unit: { kind: 'document', index: 3 }, position: { line, column, offset } }, `invalid YAML: alias *${name} has no anchor before it`];
}

describe('composeUnit: one walk for the tree, the aliases and the repeated keys', () => {
  it('rejects an alias whose anchor comes later, naming its place', () => {
    assert.deepEqual(errorOf('a: *x\nb: &x 1\n'), unknownAlias('x', 1, 4, 3));
  });

  it('gives a syntax error its code, the unit, and its position in the whole input', () => {
    const source = 'items:\n- a: 1\n- b: [1\n  c: 2\n';
    assert.throws(() => composeUnit(source, { start: source.indexOf('- b'), end: source.length, kind: 'seq-item', index: 1 }), (error: InputError) => {
      assert.deepEqual([error.code, error.place], ['INVALID_YAML', { unit: { kind: 'item', index: 1 }, position: { line: 4, column: 3, offset: 24 } }]);
      assert.equal(error.problem, 'invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]');
      return true;
    });
  });

  it('says a directive inside a document is one that lacks a ... line before it', () => {
    assert.deepEqual(errorOf('a: 1\n%YAML 1.2\n---\nb: 2\n'), ['DIRECTIVE_IN_DOCUMENT', { unit: { kind: 'document', index: 3 }, position: { line: 2, column: 1, offset: 5 } }, 'invalid YAML: a directive after a document needs a ... line before it']);
  });

  it('knows an anchor set on a key, and on a collection, for what follows', () => {
    assert.equal(errorOf('? &k a\n: *k\nb: &m [1]\nc: *m\n'), null);
  });

  it('checks the aliases inside a key that is a collection', () => {
    assert.deepEqual(errorOf('? [*nowhere]\n: v\n'), unknownAlias('nowhere', 1, 4, 3));
  });

  it('checks the aliases inside a pair of a flow sequence', () => {
    assert.deepEqual(errorOf('s: [a: *nowhere]\n'), unknownAlias('nowhere', 1, 8, 7));
  });

  it('reports the first unknown alias in the order written, at any depth', () => {
    assert.deepEqual(errorOf('a:\n  b:\n    c: *first\nd: *second\n'), unknownAlias('first', 3, 8, 15));
  });

  it('gives a sequence item unit the tree of its item, with offsets in the whole input', () => {
    const source = 'items:\n- name: &n x\n  other: *n # c\n';
    const start = source.indexOf('- ');
    const { tree } = composeUnit(source, { start, end: source.length, kind: 'seq-item', index: 0 });
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
    assert.deepEqual(composeUnit(text, whole(text)).duplicateKeys, [
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
    assert.deepEqual(errorOf('a: *x\n'), unknownAlias('x', 1, 4, 3));
    assert.equal(errorOf('b: 1\n'), null);
    assert.deepEqual(steps, ['prepared']);
  });
});
