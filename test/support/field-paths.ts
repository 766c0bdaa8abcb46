/** Field paths as the function's results write them, parsed independently of the code under test. */

/** The step into the YAML embedded in a literal block scalar (`|` in a field path, SPEC 10). */
export const EMBEDDED = { embedded: true } as const;

export type Segment = string | number | typeof EMBEDDED;

/**
 * Parses a field path as results write it (`spec.containers[0].image`, `data["a.b"]`, `[0].x`,
 * `values|image.tag`) into segments; null when it is no such path. A key that needs brackets and
 * is written bare splits into segments that lead nowhere, which is what the checks then report.
 */
export function parseFieldPath(path: string): Segment[] | null {
  const segments: Segment[] = [];
  let partStart = 0;
  let i = 0;
  while (i < path.length) {
    if (path[i] === '|' && segments.length > partStart) {
      segments.push(EMBEDDED);
      partStart = segments.length;
      i++;
      continue;
    }
    const rest = path.slice(i);
    const bracket = /^\[(?:(\d+)|("(?:[^"\\]|\\.)*"))\]/.exec(rest);
    if (bracket) {
      segments.push(bracket[1] !== undefined ? Number(bracket[1]) : (JSON.parse(bracket[2]) as string));
      i += bracket[0].length;
      continue;
    }
    if (segments.length > partStart) {
      if (path[i] !== '.') return null;
      i++;
    }
    const key = /^[^.[|]+/.exec(path.slice(i));
    if (!key) return null;
    segments.push(key[0]);
    i += key[0].length;
  }
  return segments;
}
