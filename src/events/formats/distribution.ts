import { FormatReading, isRecord, jsonFormat, PushedImage, withDigest } from '../format';
import { isImageIndex, isImageManifest } from '../media-types';

interface DistributionEvent {
  action: string;
  target: { mediaType?: string; repository?: string; tag?: string; digest?: string };
  request: { host?: string };
}

type DistributionPayload = { events: DistributionEvent[] } | DistributionEvent;

function isEvent(value: unknown): boolean {
  return isRecord(value) && 'action' in value && 'target' in value && 'request' in value;
}

/** A pushed image, or null for what is skipped: other actions, blobs and charts, pushes by digest only. */
function pushOf({ action, target, request }: DistributionEvent): PushedImage | null {
  if (action !== 'push' || !isImageManifest(target.mediaType) || !target.tag) return null;
  return { reference: withDigest(`${request.host}/${target.repository}:${target.tag}`, target.digest), index: isImageIndex(target.mediaType) };
}

/**
 * CNCF distribution notifications: an envelope of `events` (distribution, GitLab's registry) or one
 * event (Azure Container Registry's webhook, whose `chart_push` is another action).
 */
export const distribution = jsonFormat<DistributionPayload>({
  name: 'distribution',
  recognises: (payload) => isRecord(payload) && ('events' in payload || isEvent(payload)),
  read(payload): FormatReading {
    const events = 'events' in payload ? payload.events : [payload];
    return { pushes: events.map(pushOf).filter((push): push is PushedImage => push !== null), warnings: [] };
  },
});
