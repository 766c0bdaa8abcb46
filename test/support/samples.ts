/** Values and texts many tests share: the sample references, the ResourceList header, a composed tree. */
import { strict as assert } from 'assert';
import { parseDocument } from 'yaml';
import { liteTreeOf } from '../../src/yaml/composed-tree';
import { LiteNode } from '../../src/yaml/lite-tree';

/** The field value most tests start from, and the reference that updates it under `tag: ^1; type: semver`. */
export const OLD = 'docker.io/acme/app:1.0.0';
export const NEW = 'docker.io/acme/app:1.2.3';
/** The marker that lets `NEW` update `OLD`. */
export const MARKER = '# kobold: tag: ^1; type: semver';

/** The first lines of a ResourceList, as kpt writes them. */
export const RESOURCE_LIST_HEADER = 'apiVersion: config.kubernetes.io/v1\nkind: ResourceList\n';

/** The `functionConfig:` field of a ResourceList, as kpt writes it: a kobold List of `refs`, one a line. */
export function listFunctionConfig(refs: readonly string[] = [NEW]): string {
  return `functionConfig:\n  apiVersion: kobold/v1alpha3\n  kind: List\n  items:\n${refs.map((ref) => `  - ${ref}\n`).join('')}`;
}

/** The functionConfig kinds, as the configuration errors list them. */
export const FN_CONFIG_KINDS = 'kobold/v1alpha3 List, kobold/v1alpha3 ImageRefUpdater, v1 ConfigMap';

/** A well-formed sha256 digest of one repeated hex digit. */
export function digestOf(digit: string): string {
  return `sha256:${digit.repeat(64)}`;
}

/** The lite tree of a document as the yaml library composes it; the text must be valid YAML. */
export function composedTree(text: string): LiteNode {
  const doc = parseDocument(text, { keepSourceTokens: true });
  assert.deepEqual(doc.errors, [], `the composer rejects ${JSON.stringify(text)}`);
  return liteTreeOf(doc.contents, text, 0);
}
