import { strict as assert } from 'assert';
import { closeSync, openSync, readFileSync } from 'fs';
import { join } from 'path';
import { EditedOutput } from '../src/output/edits';
import { COPY_PIECE, FdOutput } from '../src/cli/fd-output';
import { TempDirs } from './support/process';

const temps = new TempDirs();

/** The bytes an FdOutput writes to a file when `write` drives it. */
function writtenBytes(source: string, encoding: 'latin1' | 'utf8', write: (output: EditedOutput) => void): Buffer {
  const file = join(temps.make('fd-output'), 'out');
  const fd = openSync(file, 'w');
  try {
    const output = new FdOutput(fd, source, encoding);
    write(output);
    output.flush();
  } finally {
    closeSync(fd);
  }
  return readFileSync(file);
}

describe('FdOutput', () => {
  afterEach(() => temps.cleanup());

  it('writes the copied spans and the new text in order', () => {
    const source = 'image: app:1.0 # kobold: tag: ^1\n';
    const bytes = writtenBytes(source, 'latin1', (output) => {
      output.copy(0, 7);
      output.text('app:1.2');
      output.copy(14, source.length);
    });
    assert.equal(bytes.toString('latin1'), 'image: app:1.2 # kobold: tag: ^1\n');
  });

  it('writes new text as UTF-8 next to a source copied as latin1', () => {
    const bytes = writtenBytes('a: b\n', 'latin1', (output) => {
      output.copy(0, 3);
      output.text('"é→😀"');
      output.copy(4, 5);
    });
    assert.deepEqual(bytes, Buffer.from('a: "é→😀"\n', 'utf8'));
  });

  it('copies a large UTF-8 source whole, cutting no surrogate pair at a piece boundary', () => {
    const piece = COPY_PIECE;
    const source = `${'a'.repeat(piece - 1)}😀${'é'.repeat(piece)}😀${'x'.repeat(3 * piece)}`;
    const bytes = writtenBytes(source, 'utf8', (output) => output.copy(0, source.length));
    assert.deepEqual(bytes, Buffer.from(source, 'utf8'));
  });

  it('writes a text larger than its buffer, and many small ones that fill it again and again', () => {
    const large = '→'.repeat(500_000);
    const small = Array.from({ length: 100_000 }, (_, n) => `- item ${n}\n`);
    const bytes = writtenBytes('', 'utf8', (output) => {
      small.slice(0, 50_000).forEach((chunk) => output.text(chunk));
      output.text(large);
      small.slice(50_000).forEach((chunk) => output.text(chunk));
    });
    assert.deepEqual(bytes, Buffer.from(small.slice(0, 50_000).join('') + large + small.slice(50_000).join(''), 'utf8'));
  });

  it('copies an ASCII source of several megabytes byte for byte', () => {
    const source = Array.from({ length: 200_000 }, (_, n) => `  image: app:${n} # kobold: tag: ^1\n`).join('');
    const bytes = writtenBytes(source, 'latin1', (output) => {
      output.copy(0, 1000);
      output.text('X');
      output.copy(1001, source.length);
    });
    assert.equal(bytes.length, source.length);
    assert.equal(bytes.toString('latin1'), `${source.slice(0, 1000)}X${source.slice(1001)}`);
  });
});
