// The kpt SDK's names for kpt's file annotations: only its metadata module, not its I/O.
import {
  LEGACY_SOURCE_INDEX_ANNOTATION,
  LEGACY_SOURCE_PATH_ANNOTATION,
  SOURCE_INDEX_ANNOTATION,
  SOURCE_PATH_ANNOTATION,
} from 'kpt-functions/dist/src/metadata';
import { entryOf, LiteNode, scalarAt, scalarValue } from '../yaml/lite-tree';
import { MARKER_HINT } from '../markers/marker';
import { FileRef, ResourceOrigin, ResourceRef } from '../output/results';

/** Where kpt says a resource came from: `config.kubernetes.io/...`, or the `internal.` form. */
const PATH_ANNOTATIONS = [LEGACY_SOURCE_PATH_ANNOTATION, SOURCE_PATH_ANNOTATION];
const INDEX_ANNOTATIONS = [LEGACY_SOURCE_INDEX_ANNOTATION, SOURCE_INDEX_ANNOTATION];

/** The annotation that carries rules for pipelines that drop comments (SPEC §3b); its name holds the marker text. */
export const MARKERS_ANNOTATION = `${MARKER_HINT}/markers`;

export function annotation(root: LiteNode, name: string): string | undefined {
  return scalarAt(root, 'metadata', 'annotations', name);
}

/** The value of the first of the annotations `names` that is there. */
function firstAnnotation(annotations: LiteNode | undefined, names: readonly string[]): string | undefined {
  for (let i = 0; i < names.length; i++) {
    const value = scalarValue(entryOf(annotations, names[i]));
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * Who a resource is, for results: apiVersion, kind, name and namespace when it is a Kubernetes
 * object, and the file from kpt's path/index annotations, else the one the caller knows. Once per
 * marked resource, so written without spreads or callbacks, which are slow until optimized.
 */
export function resourceOrigin(root: LiteNode, fallbackFile?: FileRef): ResourceOrigin {
  const origin: ResourceOrigin = {};
  const metadata = entryOf(root, 'metadata');
  const apiVersion = scalarValue(entryOf(root, 'apiVersion'));
  const kind = scalarValue(entryOf(root, 'kind'));
  if (apiVersion !== undefined && kind !== undefined) {
    const resourceRef: ResourceRef = { apiVersion, kind, name: scalarValue(entryOf(metadata, 'name')) ?? '' };
    const namespace = scalarValue(entryOf(metadata, 'namespace'));
    if (namespace !== undefined) resourceRef.namespace = namespace;
    origin.resourceRef = resourceRef;
  }
  const annotations = entryOf(metadata, 'annotations');
  const path = firstAnnotation(annotations, PATH_ANNOTATIONS);
  if (path !== undefined) {
    const file: FileRef = { path };
    const index = firstAnnotation(annotations, INDEX_ANNOTATIONS);
    if (index !== undefined && /^\d+$/.test(index)) file.index = Number(index);
    origin.file = file;
  } else if (fallbackFile !== undefined) {
    origin.file = fallbackFile;
  }
  return origin;
}
