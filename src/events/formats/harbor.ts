import { isRecord, jsonFormat, PushedImage, withDigest } from '../format';

interface HarborResource {
  resource_url: string;
  digest?: string;
  tag?: string;
}

interface HarborPayload {
  type: string;
  specversion?: string;
  event_data?: { resources?: HarborResource[] };
  data?: { resources?: HarborResource[] };
}

/** The push event's type in Harbor's Default format and in its CloudEvents format. */
const PUSH_TYPES: ReadonlySet<string> = new Set(['PUSH_ARTIFACT', 'harbor.artifact.pushed']);

/** A tagged resource's reference; a resource pushed by digest only (its tag is its digest) is skipped. */
function pushOf({ resource_url, digest, tag }: HarborResource): PushedImage | null {
  if (resource_url.includes('@') || (tag !== undefined && tag === digest)) return null;
  return { reference: withDigest(resource_url, digest), index: false };
}

/** Harbor's webhook, in its Default format (`type`, `event_data`) or its CloudEvents format (`harbor.*` types, `data`). */
export const harbor = jsonFormat<HarborPayload>({
  name: 'harbor',
  recognises: (payload) =>
    isRecord(payload) &&
    typeof payload.type === 'string' &&
    ('specversion' in payload ? payload.type.startsWith('harbor.') : 'event_data' in payload),
  read(payload) {
    if (!PUSH_TYPES.has(payload.type)) return { pushes: [], warnings: [] };
    const resources = (payload.specversion === undefined ? payload.event_data : payload.data)?.resources ?? [];
    return { pushes: resources.map(pushOf).filter((push): push is PushedImage => push !== null), warnings: [] };
  },
});
