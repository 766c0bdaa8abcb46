import { strict as assert } from 'assert';
import { imagesOf, parseCommandLine, readsStdin } from '../src/cli/args';

describe('parseCommandLine', () => {
  const command = (...args: string[]) => {
    const parsed = parseCommandLine(args);
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
    return parsed.value;
  };
  const error = (...args: string[]): string => {
    const parsed = parseCommandLine(args);
    assert.ok(!parsed.ok, `expected an error for ${args.join(' ')}`);
    return parsed.error;
  };

  it('is KRM mode without arguments, standalone with a FN_CONFIG', () => {
    assert.deepEqual(command(), { kind: 'krm' });
    assert.deepEqual(command('fc.yaml', 'a.yaml', '-'), { kind: 'standalone', source: { kind: 'fn-config', file: 'fc.yaml' }, files: ['a.yaml', '-'], quiet: false });
  });

  it('takes -w, -d, -l and their long forms, anywhere, with the FN_CONFIG first and PATHs after', () => {
    assert.deepEqual(command('fc.yaml', '-w', 'a', 'b'), { kind: 'files', action: 'write', source: { kind: 'fn-config', file: 'fc.yaml' }, paths: ['a', 'b'], quiet: false });
    assert.deepEqual(command('--diff', 'fc.yaml', 'a'), { kind: 'files', action: 'diff', source: { kind: 'fn-config', file: 'fc.yaml' }, paths: ['a'], quiet: false });
    assert.deepEqual(command('fc.yaml', 'a', '--list', '--quiet'), { kind: 'files', action: 'list', source: { kind: 'fn-config', file: 'fc.yaml' }, paths: ['a'], quiet: true });
  });

  it('with --image, every positional argument is a PATH (or a FILE in standalone mode)', () => {
    assert.deepEqual(command('--image', 'a:1,b:2', '--image=c:3', '-l', 'fc.yaml'), { kind: 'files', action: 'list', source: { kind: 'images', refs: ['a:1', 'b:2', 'c:3'] }, paths: ['fc.yaml'], quiet: false });
    assert.deepEqual(command('--image', 'a:1'), { kind: 'standalone', source: { kind: 'images', refs: ['a:1'] }, files: [], quiet: false });
  });

  it('with --event, the payload and its format are the source and every positional argument is a FILE or PATH', () => {
    assert.deepEqual(command('--event', 'p.json', '-d', 'a'), { kind: 'files', action: 'diff', source: { kind: 'event', file: 'p.json', format: 'auto' }, paths: ['a'], quiet: false });
    assert.deepEqual(command('--event-format=harbor', '--event=-', 'a.yaml'), { kind: 'standalone', source: { kind: 'event', file: '-', format: 'harbor' }, files: ['a.yaml'], quiet: false });
  });

  it('is decode when the first argument says so, with the rest for decode to read', () => {
    assert.deepEqual(command('decode', '--output', 'lines', '-'), { kind: 'decode', args: ['--output', 'lines', '-'] });
  });

  it('refuses two sources of references, --event twice, --event-format alone, and --event - without FILEs', () => {
    const twoSources = 'give one source of image references: a functionConfig file, --image REF or --event FILE, not several';
    assert.equal(error('--image', 'a:1', '--event', 'p.json', '-w', 'a'), twoSources);
    assert.equal(error('--event', 'p.json', '--event', 'q.json', 'a'), '--event is given twice: the new image references come from one payload');
    assert.equal(error('--event-format', 'quay', 'fc.yaml', 'a'), '--event-format needs --event FILE|-');
    assert.equal(error('--event', '-'), '--event - reads the payload from stdin, so the YAML must come from FILE arguments');
    assert.equal(error('--event', '-', 'a.yaml', '-'), '--event - reads the payload from stdin, so the YAML must come from FILE arguments');
  });

  it('help and version win over everything else', () => {
    assert.deepEqual(command('-w', '--frobnicate', '-h'), { kind: 'help' });
    assert.deepEqual(command('--version', '-w', '-d'), { kind: 'version' });
  });

  it('refuses unknown options, two of the flags, a flag without PATH or with stdin, and --image without a reference', () => {
    assert.equal(error('fc.yaml', '-x'), 'unknown option -x; see image-ref-updater --help');
    assert.equal(error('fc.yaml', '-w', '-l', 'a'), '-w (--write), -d (--diff) or -l (--list) exclude each other: give one');
    assert.equal(error('fc.yaml', '-d'), '--diff needs at least one PATH, a file or a directory');
    assert.equal(error('-w'), 'a functionConfig file, --image REF or --event FILE is needed, and a PATH; see image-ref-updater --help');
    assert.equal(error('fc.yaml', '-w', '-'), '--write works on files and directories, not on stdin (-)');
    assert.equal(error('--image', ' , ', '-w', 'a'), '--image needs an image reference: --image REF or --image REF1,REF2');
    assert.equal(error('-w', 'a', '--image'), '--image needs an image reference: --image REF or --image REF1,REF2');
  });
});

describe('imagesOf', () => {
  it('splits at commas, trims, and drops empty pieces', () => {
    assert.deepEqual(imagesOf(['a:1, b:2,', ' c:3 ']), ['a:1', 'b:2', 'c:3']);
  });
});

describe('readsStdin', () => {
  const reads = (...args: string[]): boolean => {
    const parsed = parseCommandLine(args);
    assert.ok(parsed.ok);
    return readsStdin(parsed.value);
  };

  it('is true for KRM mode and standalone with - or without FILEs, false for files in place', () => {
    assert.deepEqual([reads(), reads('fc.yaml'), reads('fc.yaml', '-'), reads('-', 'a.yaml'), reads('fc.yaml', 'a.yaml'), reads('fc.yaml', '-w', 'a'), reads('--image', 'a:1')], [true, true, true, true, false, false, true]);
  });

  it('is true for a payload from - in every mode, and for decode from - (the default) only', () => {
    assert.deepEqual([reads('--event', '-', '-w', 'a'), reads('--event', 'p.json', '-w', 'a'), reads('--event', '-', 'a.yaml'), reads('decode'), reads('decode', 'p.json')], [true, false, true, true, false]);
  });
});
