/**
 * The one way to load a module that only some runs need: on first use, once, so that start-up
 * stays short. The full YAML parser (for input the fast reader leaves), the semver and regex tag
 * schemes (for markers of that type, with the libraries they bring) are loaded so.
 */
export function lazy<T>(load: () => T): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load());
}

export const yamlLibrary = lazy(() => require('yaml') as typeof import('yaml'));
