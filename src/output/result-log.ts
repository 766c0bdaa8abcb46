import { IntRecords } from './int-records';
import type { FileRef, Result, ResourceRef, Severity } from './results';

/** Strings and numbers kept once each and named by their position. */
class InternTable {
  private readonly ids = new Map<string | number, number>();
  private readonly values: Array<string | number> = [];

  id(value: string | number | undefined): number {
    if (value === undefined) return ABSENT;
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }

  at(id: number): string | number | undefined {
    return id === ABSENT ? undefined : this.values[id];
  }
}

/** The id of an absent value. */
export const ABSENT = -1;

/** The result read last for an origin part, and what it gave. */
interface LastRead<T> {
  index: number;
  value: T | undefined;
}

/* The slots of one result; a resourceRef, field or file is absent when its first slot is. */
export const MESSAGE = 0;
export const SEVERITY = 1;
export const REF_API_VERSION = 2;
export const REF_KIND = 3;
export const REF_NAME = 4;
export const REF_NAMESPACE = 5;
export const FIELD_PATH = 6;
export const FIELD_CURRENT = 7;
export const FIELD_PROPOSED = 8;
export const FILE_PATH = 9;
export const FILE_INDEX = 10;
export const SLOTS = 11;

/**
 * The results of a run, kept as numbers (each distinct string once) until they are written: a
 * large run has a result per changed field (see IntRecords). Reading a result back gives equal
 * objects, and the same resourceRef and file objects for a run of results about one resource.
 */
export class ResultLog implements Iterable<Result> {
  private readonly table = new InternTable();
  private readonly records = new IntRecords(SLOTS);
  private errors = 0;

  /* The last origin added and read, by identity, so that a resource's results share the work. */
  private addedRef: ResourceRef | undefined;
  private addedRefIds = [ABSENT, ABSENT, ABSENT, ABSENT];
  private addedFile: FileRef | undefined;
  private addedFileIds = [ABSENT, ABSENT];
  private readonly readRef: LastRead<ResourceRef> = { index: -1, value: undefined };
  private readonly readFile: LastRead<FileRef> = { index: -1, value: undefined };

  get length(): number {
    return this.records.length;
  }

  hasError(): boolean {
    return this.errors > 0;
  }

  add(result: Result): void {
    const table = this.table;
    const { field } = result;
    const refIds = this.refIds(result.resourceRef);
    const fileIds = this.fileIds(result.file);
    // In the order of the slot numbers.
    this.records.append(
      table.id(result.message),
      table.id(result.severity),
      refIds[0],
      refIds[1],
      refIds[2],
      refIds[3],
      field === undefined ? ABSENT : table.id(field.path),
      table.id(field?.currentValue),
      table.id(field?.proposedValue),
      fileIds[0],
      fileIds[1],
    );
    if (result.severity === 'error') this.errors++;
  }

  addAll(results: readonly Result[]): void {
    for (let i = 0; i < results.length; i++) this.add(results[i]);
  }

  at(index: number): Result {
    const result: Result = { message: this.string(index, MESSAGE)!, severity: this.string(index, SEVERITY) as Severity };
    const resourceRef = this.refAt(index);
    if (resourceRef !== undefined) result.resourceRef = resourceRef;
    if (this.id(index, FIELD_PATH) !== ABSENT) {
      const field: Result['field'] = { path: this.string(index, FIELD_PATH)! };
      const currentValue = this.string(index, FIELD_CURRENT);
      const proposedValue = this.string(index, FIELD_PROPOSED);
      if (currentValue !== undefined) field.currentValue = currentValue;
      if (proposedValue !== undefined) field.proposedValue = proposedValue;
      result.field = field;
    }
    const file = this.fileAt(index);
    if (file !== undefined) result.file = file;
    return result;
  }

  /** The id in `slot` (MESSAGE, ...) of the result at `index`: ABSENT, or the id of a string or number. */
  private id(index: number, slot: number): number {
    return this.records.get(index, slot);
  }

  /** What an id stands for. */
  value(id: number): string | number | undefined {
    return this.table.at(id);
  }

  /** Copies the ids of the result at `index` into `into`, SLOTS of them, in the order of the slot numbers. */
  readIds(index: number, into: Int32Array): void {
    this.records.read(index, into);
  }

  *[Symbol.iterator](): Iterator<Result> {
    for (let i = 0; i < this.records.length; i++) yield this.at(i);
  }

  private string(index: number, slot: number): string | undefined {
    return this.table.at(this.id(index, slot)) as string | undefined;
  }

  private refIds(ref: ResourceRef | undefined): number[] {
    if (ref !== this.addedRef) {
      this.addedRef = ref;
      const table = this.table;
      this.addedRefIds = ref === undefined ? [ABSENT, ABSENT, ABSENT, ABSENT] : [table.id(ref.apiVersion), table.id(ref.kind), table.id(ref.name), table.id(ref.namespace)];
    }
    return this.addedRefIds;
  }

  private fileIds(file: FileRef | undefined): number[] {
    if (file !== this.addedFile) {
      this.addedFile = file;
      this.addedFileIds = file === undefined ? [ABSENT, ABSENT] : [this.table.id(file.path), this.table.id(file.index)];
    }
    return this.addedFileIds;
  }

  /** Whether the slots [from, from + count) of two results are equal. */
  private sameSlots(index: number, other: number, from: number, count: number): boolean {
    for (let slot = from; slot < from + count; slot++) if (this.id(index, slot) !== this.id(other, slot)) return false;
    return true;
  }

  /** The origin part in slots [from, from + count) of a result: the one read last when its slots are the same. */
  private originPart<T>(last: LastRead<T>, index: number, from: number, count: number, read: (this: ResultLog, index: number) => T | undefined): T | undefined {
    if (last.index < 0 || !this.sameSlots(index, last.index, from, count)) last.value = read.call(this, index);
    last.index = index;
    return last.value;
  }

  private refAt(index: number): ResourceRef | undefined {
    return this.originPart(this.readRef, index, REF_API_VERSION, 4, this.readRefAt);
  }

  private readRefAt(index: number): ResourceRef | undefined {
    if (this.id(index, REF_API_VERSION) === ABSENT) return undefined;
    const ref: ResourceRef = { apiVersion: this.string(index, REF_API_VERSION)!, kind: this.string(index, REF_KIND)!, name: this.string(index, REF_NAME)! };
    const namespace = this.string(index, REF_NAMESPACE);
    if (namespace !== undefined) ref.namespace = namespace;
    return ref;
  }

  private fileAt(index: number): FileRef | undefined {
    return this.originPart(this.readFile, index, FILE_PATH, 2, this.readFileAt);
  }

  private readFileAt(index: number): FileRef | undefined {
    if (this.id(index, FILE_PATH) === ABSENT) return undefined;
    const file: FileRef = { path: this.string(index, FILE_PATH)! };
    const fileIndex = this.table.at(this.id(index, FILE_INDEX)) as number | undefined;
    if (fileIndex !== undefined) file.index = fileIndex;
    return file;
  }
}
