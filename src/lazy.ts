/**
 * Libraries that only some runs need, loaded on first use so that start-up stays short: the full
 * YAML parser (for input the simple reader leaves), semver and re2js (for markers of that type).
 */
function once<T>(load: () => T): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load());
}

export const yamlLibrary = once(() => require('yaml') as typeof import('yaml'));
