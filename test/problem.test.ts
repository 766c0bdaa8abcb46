import { strict as assert } from 'assert';
import { formatProblem, InputError, inputErrorAt, inputErrorOf, positionOf, Problem, ProblemPlace, readingInput } from '../src/problem';

const at = (line: number, column: number, offset: number) => ({ line, column, offset });

describe('formatProblem: the one line for every error and warning', () => {
  const cases: Array<[string, ProblemPlace, string]> = [
    ['no place: the words alone', {}, 'no functionConfig'],
    ['an input only', { input: 'stdin' }, 'stdin: no functionConfig'],
    ['a position only', { position: at(3, 5, 20) }, 'line 3, column 5: no functionConfig'],
    ['an input and a position', { input: 'stdin', position: at(7, 8, 60) }, 'stdin, line 7, column 8: no functionConfig'],
    ['a document only', { unit: { kind: 'document', index: 2 } }, 'document 2: no functionConfig'],
    ['a file, a document and a position', { input: 'deploy.yaml', unit: { kind: 'document', index: 1 }, position: at(3, 5, 20) }, 'deploy.yaml document 1, line 3, column 5: no functionConfig'],
    ['stdin, an item and a position', { input: 'stdin', unit: { kind: 'item', index: 3 }, position: at(28, 10, 400) }, 'stdin items[3], line 28, column 10: no functionConfig'],
    ['a field of a payload and a position in its content', { input: 'event payload p.json', unit: { kind: 'field', path: 'message.data' }, position: at(1, 11, 10) }, 'event payload p.json field message.data, line 1, column 11: no functionConfig'],
    ['embedded YAML, a document and a position in the content', { input: 'embedded YAML', unit: { kind: 'document', index: 0 }, position: at(2, 8, 12) }, 'embedded YAML document 0, line 2, column 8: no functionConfig'],
  ];
  for (const [name, place, expected] of cases) {
    it(name, () => assert.equal(formatProblem({ code: 'INVALID_FUNCTION_CONFIG', problem: 'no functionConfig', place }), expected));
  }

  it('formats a warning as it formats an error', () => {
    const warning: Problem = { code: 'DUPLICATE_KEY', problem: 'duplicate key "a": the last one counts', place: { input: 'f.yaml', position: at(2, 1, 5) } };
    assert.equal(formatProblem(warning), 'f.yaml, line 2, column 1: duplicate key "a": the last one counts');
  });
});

describe('InputError', () => {
  it('is data: a code, the words without a place, and the place; its message is formatProblem\'s line', () => {
    const error = new InputError('INVALID_YAML', 'invalid YAML: bad indentation', { unit: { kind: 'document', index: 1 }, position: at(3, 5, 20) });
    assert.equal(error.code, 'INVALID_YAML');
    assert.equal(error.problem, 'invalid YAML: bad indentation');
    assert.deepEqual(error.place, { unit: { kind: 'document', index: 1 }, position: at(3, 5, 20) });
    assert.equal(error.message, 'document 1, line 3, column 5: invalid YAML: bad indentation');
    assert.equal(error.name, 'InputError');
    assert.ok(error instanceof Error);
  });

  it('gets its input\'s name from the caller that knows it, and its unit, keeping the rest', () => {
    const error = inputErrorAt('NOT_A_RESOURCE', 'not a resource', 'a\nbc\n', 3).inUnit({ kind: 'item', index: 4 }).withInput('stdin');
    assert.equal(error.code, 'NOT_A_RESOURCE');
    assert.deepEqual(error.place, { input: 'stdin', unit: { kind: 'item', index: 4 }, position: at(2, 2, 3) });
    assert.equal(formatProblem(error), 'stdin items[4], line 2, column 2: not a resource');
  });

  it('readingInput names the input of an InputError thrown while reading it, and lets other errors through', () => {
    assert.throws(
      () => readingInput('f.yaml', () => { throw new InputError('NOT_YAML_TEXT', 'binary input: NUL byte', { position: at(1, 1, 0) }); }),
      (error: InputError) => error.place.input === 'f.yaml' && error.code === 'NOT_YAML_TEXT' && error.message === 'f.yaml, line 1, column 1: binary input: NUL byte',
    );
    const other = new TypeError('a bug');
    assert.throws(() => readingInput('f.yaml', () => { throw other; }), (error: unknown) => error === other);
    assert.equal(readingInput('f.yaml', () => 42), 42);
  });
});

describe('inputErrorOf: what the yaml library throws instead of reporting', () => {
  it('running out of stack is NESTING_TOO_DEEP, an alias expansion past its limit TOO_MANY_ALIASES, an alias without its anchor UNKNOWN_ALIAS', () => {
    assert.equal(inputErrorOf(new RangeError('Maximum call stack size exceeded'))?.code, 'NESTING_TOO_DEEP');
    assert.equal(inputErrorOf(new ReferenceError('Excessive alias count indicates a resource exhaustion attack'))?.code, 'TOO_MANY_ALIASES');
    const unknown = inputErrorOf(new ReferenceError('Unresolved alias (the anchor must be set before the alias): x'));
    assert.deepEqual([unknown?.code, unknown?.problem], ['UNKNOWN_ALIAS', 'invalid YAML: Unresolved alias (the anchor must be set before the alias): x']);
  });

  it('an InputError is itself; anything else is not input\'s fault', () => {
    const error = new InputError('INVALID_YAML', 'x');
    assert.equal(inputErrorOf(error), error);
    assert.equal(inputErrorOf(new TypeError('x')), undefined);
  });
});

describe('positionOf', () => {
  it('counts lines and columns from 1, and keeps the offset', () => {
    assert.deepEqual(positionOf('abc', 0), at(1, 1, 0));
    assert.deepEqual(positionOf('abc', 2), at(1, 3, 2));
    assert.deepEqual(positionOf('ab\ncd\nef', 3), at(2, 1, 3));
    assert.deepEqual(positionOf('ab\ncd\nef', 7), at(3, 2, 7));
  });

  it('places a line break at the end of its line', () => {
    assert.deepEqual(positionOf('ab\ncd', 2), at(1, 3, 2));
  });

  it('handles CRLF and empty lines', () => {
    assert.deepEqual(positionOf('a\r\nb', 3), at(2, 1, 3));
    assert.deepEqual(positionOf('\n\n\nx', 3), at(4, 1, 3));
  });

  it('gives the place just past the end', () => {
    assert.deepEqual(positionOf('ab\n', 3), at(2, 1, 3));
    assert.deepEqual(positionOf('', 0), at(1, 1, 0));
  });

  it('answers for another text after the first (its line index is of the last text asked about)', () => {
    assert.deepEqual(positionOf('a\nb\nc', 4), at(3, 1, 4));
    assert.deepEqual(positionOf('abcd', 3), at(1, 4, 3));
  });
});
