// The kpt SDK's names for kpt's file annotations: only its metadata module, not its I/O.
import {
  LEGACY_SOURCE_INDEX_ANNOTATION,
  LEGACY_SOURCE_PATH_ANNOTATION,
  SOURCE_INDEX_ANNOTATION,
  SOURCE_PATH_ANNOTATION,
} from 'kpt-functions/dist/src/metadata';
import { LiteNode, scalarAt } from './lite-tree';
import { FileRef, ResourceOrigin, ResourceRef } from './results';

/** Where kpt says a resource came from: `config.kubernetes.io/...`, or the `internal.` form. */
const PATH_ANNOTATIONS = [LEGACY_SOURCE_PATH_ANNOTATION, SOURCE_PATH_ANNOTATION];
const INDEX_ANNOTATIONS = [LEGACY_SOURCE_INDEX_ANNOTATION, SOURCE_INDEX_ANNOTATION];

/** The annotation that carries rules for pipelines that drop comments (SPEC §3b). */
export const MARKERS_ANNOTATION = 'kobold/markers';

export function annotation(root: LiteNode, name: string): string | undefined {
  return scalarAt(root, 'metadata', 'annotations', name);
}

function firstAnnotation(root: LiteNode, names: readonly string[]): string | undefined {
  return names.map((name) => annotation(root, name)).find((value) => value !== undefined);
}

/**
 * Who a resource is, for results: apiVersion, kind, name and namespace when it is a Kubernetes
 * object, and the file from kpt's path/index annotations, else the one the caller knows.
 */
export function resourceOrigin(root: LiteNode, fallbackFile?: FileRef): ResourceOrigin {
  const apiVersion = scalarAt(root, 'apiVersion');
  const kind = scalarAt(root, 'kind');
  const namespace = scalarAt(root, 'metadata', 'namespace');
  const resourceRef: ResourceRef | undefined = apiVersion !== undefined && kind !== undefined
    ? { apiVersion, kind, name: scalarAt(root, 'metadata', 'name') ?? '', ...(namespace !== undefined && { namespace }) }
    : undefined;
  const path = firstAnnotation(root, PATH_ANNOTATIONS);
  const index = firstAnnotation(root, INDEX_ANNOTATIONS);
  const file: FileRef | undefined = path !== undefined
    ? { path, ...(index !== undefined && /^\d+$/.test(index) && { index: Number(index) }) }
    : fallbackFile;
  return { ...(resourceRef && { resourceRef }), ...(file && { file }) };
}
