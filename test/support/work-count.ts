/** Work counted, not timed: how often a method runs, and what it is given, while a piece of code runs. */

/** Runs `run` with the method `name` of `owner` (a prototype) wrapped so that `onCall` sees each call's arguments. */
export function watchCalls<T extends object>(owner: T, name: keyof T & string, onCall: (args: unknown[]) => void, run: () => void): void {
  const method = owner[name] as unknown as (...args: unknown[]) => unknown;
  Object.defineProperty(owner, name, {
    configurable: true,
    writable: true,
    value(this: unknown, ...args: unknown[]): unknown {
      onCall(args);
      return method.apply(this, args);
    },
  });
  try {
    run();
  } finally {
    Object.defineProperty(owner, name, { configurable: true, writable: true, value: method });
  }
}

/** How many times the method `name` of `owner` (a prototype) is called while `run` runs. */
export function callsOf<T extends object>(owner: T, name: keyof T & string, run: () => void): number {
  let calls = 0;
  watchCalls(owner, name, () => calls++, run);
  return calls;
}
