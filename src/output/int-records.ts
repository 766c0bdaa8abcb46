/** Records per chunk (a power of two): growing allocates a chunk and copies nothing. */
const CHUNK_BITS = 12;
const CHUNK_RECORDS = 1 << CHUNK_BITS;
/**
 * Records of the first chunk when it is made; it doubles, copied, up to a full chunk. A run over
 * thousands of files has records per file, most with a few: a full chunk each, zero-filled, was
 * most of their cost and of the garbage collector's.
 */
const FIRST_CHUNK_RECORDS = 16;

/**
 * Records of a fixed number of 32-bit integers, appended one at a time. A run keeps one per changed
 * field until the end; as numbers outside the JavaScript heap they cost the garbage collector
 * nothing, where objects would be copied by every young-generation collection.
 */
export class IntRecords {
  private readonly chunks: Int32Array[] = [];
  private count = 0;

  constructor(private readonly width: number) {}

  get length(): number {
    return this.count;
  }

  /** Appends a record of the values given (the others 0) and returns its index. */
  append(...values: number[]): number {
    const offset = (this.count & (CHUNK_RECORDS - 1)) * this.width;
    if (offset === 0) this.chunks.push(new Int32Array(this.width * (this.chunks.length === 0 ? FIRST_CHUNK_RECORDS : CHUNK_RECORDS)));
    const last = this.chunks.length - 1;
    if (offset + this.width > this.chunks[last].length) {
      const grown = new Int32Array(this.chunks[last].length * 2);
      grown.set(this.chunks[last]);
      this.chunks[last] = grown;
    }
    this.chunks[last].set(values, offset);
    return this.count++;
  }

  get(record: number, slot: number): number {
    return this.chunks[record >> CHUNK_BITS][(record & (CHUNK_RECORDS - 1)) * this.width + slot];
  }

  /** Copies the record's values into `into`, in one call where `get` would take one per value. */
  read(record: number, into: Int32Array): void {
    const chunk = this.chunks[record >> CHUNK_BITS];
    const offset = (record & (CHUNK_RECORDS - 1)) * this.width;
    for (let slot = 0; slot < this.width; slot++) into[slot] = chunk[offset + slot];
  }
}
