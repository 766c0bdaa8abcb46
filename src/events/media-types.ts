/** Manifest media types of a single-platform image (Docker schema 1 and 2, OCI). */
const IMAGE_MANIFESTS: ReadonlySet<string> = new Set([
  'application/vnd.docker.distribution.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v1+prettyjws',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
]);

/** Media types of an image index or manifest list: the multi-platform image of a tag. */
const IMAGE_INDEXES: ReadonlySet<string> = new Set([
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.index.v1+json',
]);

export function isImageIndex(mediaType: string | undefined): boolean {
  return mediaType !== undefined && IMAGE_INDEXES.has(mediaType);
}

/** Whether a pushed object is an image (a manifest or an index), not a blob, a layer or a chart. */
export function isImageManifest(mediaType: string | undefined): boolean {
  return mediaType !== undefined && (IMAGE_MANIFESTS.has(mediaType) || IMAGE_INDEXES.has(mediaType));
}

/** The config media type of a Helm chart stored as an OCI artifact. */
export const HELM_CHART_CONFIG = 'application/vnd.cncf.helm.config.v1+tar+json';
