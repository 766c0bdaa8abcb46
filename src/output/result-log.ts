import type { Result } from './results';

/** The results of a run, in the order they were added, and whether one of them is an error. */
export class ResultLog implements Iterable<Result> {
  private readonly results: Result[] = [];
  private errors = 0;

  get length(): number {
    return this.results.length;
  }

  hasError(): boolean {
    return this.errors > 0;
  }

  add(result: Result): void {
    this.results.push(result);
    if (result.severity === 'error') this.errors++;
  }

  addAll(results: readonly Result[]): void {
    for (let i = 0; i < results.length; i++) this.add(results[i]);
  }

  at(index: number): Result {
    return this.results[index];
  }

  [Symbol.iterator](): Iterator<Result> {
    return this.results[Symbol.iterator]();
  }
}
