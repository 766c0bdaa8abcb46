import { writeSync } from 'fs';
import { EditedOutput } from '../output/edits';

/** Writes all of `data` to a file descriptor; a non-blocking pipe that is full is waited for. */
export function writeAllSync(fd: number, data: string | Uint8Array): void {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  for (let offset = 0; offset < bytes.length; ) {
    try {
      offset += writeSync(fd, bytes, offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
    }
  }
}

const BUFFER_BYTES = 1 << 18;
/** The most UTF-8 bytes one UTF-16 code unit takes (a surrogate pair: 4 bytes for 2 units). */
const MAX_UTF8_BYTES_PER_UNIT = 3;
/** New text gathered before it is encoded: each encoding call costs more than joining small strings. */
const PENDING_TEXT = 1 << 14;
/** Characters of the source encoded at a time: a piece always fits the buffer. */
export const COPY_PIECE = BUFFER_BYTES / 4;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * Writes an edited input to a file descriptor through one reused buffer of 256 KiB, so that a
 * large output never exists whole, not even as pieces waiting for the garbage collector. The
 * unchanged spans are encoded as the source was (`latin1` for an all-ASCII source, a plain copy);
 * new text is always UTF-8, gathered into pieces first.
 */
export class FdOutput implements EditedOutput {
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;
  private pendingText = '';

  constructor(
    private readonly fd: number,
    private readonly source: string,
    private readonly sourceEncoding: 'latin1' | 'utf8',
  ) {}

  copy(start: number, end: number): void {
    this.encodePendingText();
    while (start < end) {
      let pieceEnd = Math.min(end, start + COPY_PIECE);
      // A surrogate pair cut in two would be written as two replacement characters.
      if (pieceEnd < end && isHighSurrogate(this.source.charCodeAt(pieceEnd - 1))) pieceEnd--;
      this.encode(this.source.slice(start, pieceEnd), this.sourceEncoding);
      start = pieceEnd;
    }
  }

  text(chunk: string): void {
    this.pendingText += chunk;
    if (this.pendingText.length >= PENDING_TEXT) this.encodePendingText();
  }

  /** Writes all that was given so far. */
  flush(): void {
    this.encodePendingText();
    writeAllSync(this.fd, this.buffer.subarray(0, this.used));
    this.used = 0;
  }

  private encodePendingText(): void {
    const text = this.pendingText;
    if (text === '') return;
    this.pendingText = '';
    if (text.length * MAX_UTF8_BYTES_PER_UNIT > BUFFER_BYTES) {
      this.flush();
      writeAllSync(this.fd, Buffer.from(text, 'utf8'));
      return;
    }
    this.encode(text, 'utf8');
  }

  /** Adds a chunk that fits an empty buffer. */
  private encode(chunk: string, encoding: 'latin1' | 'utf8'): void {
    const most = encoding === 'latin1' ? chunk.length : chunk.length * MAX_UTF8_BYTES_PER_UNIT;
    if (most > BUFFER_BYTES - this.used) this.flush();
    this.used += this.buffer.write(chunk, this.used, encoding);
  }
}
