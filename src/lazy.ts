/**
 * The one way to load a module that only some runs need: on first use, once, so that start-up
 * stays short. The full YAML parser (for input the fast reader leaves), the semver and regex tag
 * schemes (for markers of that type, with the libraries they bring) and Node's `tty` and `v8`
 * (for a terminal on stdin, and the engine flags of a large input) are loaded so.
 */
export function lazy<T>(load: () => T): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load());
}

export const yamlLibrary = lazy(() => require('yaml') as typeof import('yaml'));
export const ttyModule = lazy(() => require('tty') as typeof import('tty'));
export const v8Module = lazy(() => require('v8') as typeof import('v8'));
