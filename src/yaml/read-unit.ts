import { liteTreeOf } from './composed-tree';
import { describeOffset, InputError, inputErrorOf } from '../input-error';
import { LiteNode } from './lite-tree';
import { yamlLibrary } from '../lazy';
import { readSimpleResource, SimpleResource } from './fast-reader';
import { firstYamlError } from './cst';
import { Unit, unitLabel } from './split';
import { findCommentMarkers } from '../markers/walk';

/**
 * Composes a unit with the yaml library, for what the simple reader leaves: any YAML at all, and
 * the first error with its place.
 */
function composeUnit(source: string, unit: Unit, where: string): LiteNode {
  const text = source.slice(unit.start, unit.end);
  const yaml = yamlLibrary();
  const doc = yaml.parseDocument(text, { prettyErrors: false });
  const error = firstYamlError(doc, source, unit.start, where);
  if (error) throw error;
  const fail = (what: string, offset: number): never => {
    throw new InputError(`invalid YAML: ${what}`, `${where}, ${describeOffset(source, unit.start + offset)}`);
  };
  // The composer leaves an alias to an unknown anchor for toJS to find; it is an error all the same.
  const anchors = new Set<string>();
  yaml.visit(doc, (_, node) => {
    if (yaml.isAlias(node) && !anchors.has(node.source)) fail(`alias *${node.source} has no anchor before it`, node.range?.[0] ?? 0);
    if ((yaml.isScalar(node) || yaml.isCollection(node)) && node.anchor) anchors.add(node.anchor);
  });
  const root: unknown = unit.kind === 'seq-item' ? (doc.contents as { items?: unknown[] } | null)?.items?.[0] : doc.contents;
  return liteTreeOf(root, text, unit.start);
}

/**
 * The tree of one unit and its markers: read directly when it is simple block YAML (only what the
 * markers need, unless annotation rules may point anywhere), else composed in full and walked.
 * `file` names the input in errors.
 */
export function readUnit(source: string, unit: Unit, file: string | undefined, annotated: boolean): SimpleResource {
  const simple = readSimpleResource(source, unit.start, unit.end, unit.kind === 'seq-item', !annotated);
  if (simple !== null) return simple;
  const where = file === undefined ? unitLabel(unit) : `${file} ${unitLabel(unit)}`;
  let tree: LiteNode;
  try {
    tree = composeUnit(source, unit, where);
  } catch (error) {
    throw inputErrorOf(error, where) ?? error;
  }
  return { tree, markers: findCommentMarkers(tree) };
}
