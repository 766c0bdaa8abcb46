import type { PathSegment } from '../yaml/lite-tree';
import type { Parsed } from '../parsed';

/** A key that needs no brackets in a path, at the start of a text, and as a whole string. */
const KEY_RUN = /^[^.[\]:\s"'=|]+/;
const BARE_KEY = new RegExp(`${KEY_RUN.source}$`);

/** Whether a key needs no brackets in a path. */
export function isBareKey(key: string): boolean {
  return BARE_KEY.test(key);
}

/**
 * A field path as results and annotation rules write it: `spec.containers[0].image`, `data["a.b"]`.
 * `bareKey` is isBareKey, or the same answers remembered.
 */
export function formatFieldPath(segments: readonly PathSegment[], bareKey: (key: string) => boolean = isBareKey): string {
  let path = '';
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (bareKey(segment)) path += path === '' ? segment : `.${segment}`;
    else path += `[${JSON.stringify(segment)}]`;
  }
  return path;
}

/**
 * The field path of a scalar inside embedded YAML: the block scalar's path, `|`, and the path inside
 * (`spec.source.helm.values|image.tag`).
 */
export function embeddedFieldPath(blockScalarPath: string, inner: string): string {
  return `${blockScalarPath}|${inner}`;
}

/** One step of an annotation rule's path. */
export type PathSelector =
  | { kind: 'key'; key: string }
  | { kind: 'index'; index: number }
  | { kind: 'each' }
  | { kind: 'where'; key: string; value: string };

/** A line of the `kobold/markers` annotation: `FIELD_PATH: MARKER_TEXT`. */
export interface AnnotationRule {
  /** The path from the resource's root; with `innerPaths`, to a literal block scalar. */
  path: PathSelector[];
  /** The paths after each `|`, outermost first: each from the root of the YAML embedded in the block scalar the path before it reaches. */
  innerPaths: PathSelector[][];
  /** The path as written. */
  pathText: string;
  /** What would follow `# kobold:` in a comment marker. */
  markerText: string;
}

export type AnnotationRuleParse = Parsed<AnnotationRule>;

class PathSyntaxError extends Error {}

function jsonString(raw: string, column: number): string {
  try {
    return JSON.parse(raw) as string;
  } catch {
    throw new PathSyntaxError(`quoted key at column ${column + 1} has an invalid escape: ${raw}`);
  }
}

/** Reads a bracketed selector starting after `[`; returns it and the index after `]`. */
function readBracket(line: string, start: number): [PathSelector, number] {
  const quote = line[start];
  if (quote === '"' || quote === "'") {
    let endQuote = start + 1;
    while (endQuote < line.length && line[endQuote] !== quote) endQuote += quote === '"' && line[endQuote] === '\\' ? 2 : 1;
    if (endQuote >= line.length || line[endQuote + 1] !== ']') throw new PathSyntaxError(`quoted key at column ${start + 1} must end with ${quote}]`);
    const raw = line.slice(start, endQuote + 1);
    return [{ kind: 'key', key: quote === '"' ? jsonString(raw, start) : raw.slice(1, -1) }, endQuote + 2];
  }
  const end = line.indexOf(']', start);
  if (end < 0) throw new PathSyntaxError(`"[" at column ${start} is not closed`);
  const inner = line.slice(start, end);
  if (inner === '*') return [{ kind: 'each' }, end + 1];
  if (/^\d+$/.test(inner)) return [{ kind: 'index', index: Number(inner) }, end + 1];
  const equals = inner.indexOf('=');
  if (equals > 0) return [{ kind: 'where', key: inner.slice(0, equals).trim(), value: inner.slice(equals + 1).trim() }, end + 1];
  throw new PathSyntaxError(`"[${inner}]" is not [N], [*], [key=value] or ["key"]`);
}

/** Reads the selectors of a path from `i` up to a `|`, a `:` or anything else that ends them; returns them and the index after them. */
function readSelectors(line: string, i: number): [PathSelector[], number] {
  const path: PathSelector[] = [];
  for (;;) {
    if (line[i] === '[') {
      const [selector, next] = readBracket(line, i + 1);
      path.push(selector);
      i = next;
    } else {
      const match = KEY_RUN.exec(line.slice(i));
      if (match === null) throw new PathSyntaxError(`expected a key at column ${i + 1}`);
      path.push({ kind: 'key', key: match[0] });
      i += match[0].length;
    }
    if (line[i] === '.') i++;
    else if (line[i] !== '[') return [path, i];
  }
}

/** Reads a path up to the `:` that ends it; returns its parts between `|`s and the index of that `:`. */
function readPath(line: string): [PathSelector[][], number] {
  const parts: PathSelector[][] = [];
  let i = 0;
  for (;;) {
    const [path, end] = readSelectors(line, i);
    parts.push(path);
    if (line[end] !== '|') {
      i = end;
      break;
    }
    i = end + 1;
  }
  while (line[i] === ' ' || line[i] === '\t') i++;
  if (line[i] !== ':') throw new PathSyntaxError(`expected ":" after the path at column ${i + 1}`);
  return [parts, i];
}

/** Parses one line of the `kobold/markers` annotation. */
export function parseAnnotationRule(line: string): AnnotationRuleParse {
  try {
    const text = line.trim();
    const [[path, ...innerPaths], colon] = readPath(text);
    return { ok: true, value: { path, innerPaths, pathText: text.slice(0, colon).trim(), markerText: text.slice(colon + 1) } };
  } catch (error) {
    if (error instanceof PathSyntaxError) return { ok: false, error: error.message };
    throw error;
  }
}
