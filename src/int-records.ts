/** Records per chunk: growing allocates a chunk and copies nothing. */
const CHUNK_RECORDS = 4096;

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
    if (this.count % CHUNK_RECORDS === 0) this.chunks.push(new Int32Array(this.width * CHUNK_RECORDS));
    this.chunks[this.chunks.length - 1].set(values, (this.count % CHUNK_RECORDS) * this.width);
    return this.count++;
  }

  get(record: number, slot: number): number {
    return this.chunks[Math.floor(record / CHUNK_RECORDS)][(record % CHUNK_RECORDS) * this.width + slot];
  }
}
