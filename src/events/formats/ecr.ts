import { isRecord, jsonFormat, withDigest } from '../format';
import { HELM_CHART_CONFIG, isImageIndex } from '../media-types';

interface EcrPayload {
  account: string;
  region: string;
  detail: {
    'action-type': string;
    result: string;
    'repository-name'?: string;
    'image-tag'?: string;
    'image-digest'?: string;
    'manifest-media-type'?: string;
    'artifact-media-type'?: string;
  };
}

/** The registry host of an account in a region; regions in China have their own domain. */
export function ecrRegistry(account: string, region: string): string {
  return `${account}.dkr.ecr.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`;
}

/** Amazon ECR's "ECR Image Action" event, as EventBridge delivers it. */
export const ecr = jsonFormat<EcrPayload>({
  name: 'ecr',
  recognises: (payload) => isRecord(payload) && payload['detail-type'] === 'ECR Image Action' && payload.source === 'aws.ecr',
  read({ account, region, detail }) {
    const tag = detail['image-tag'];
    const pushed = detail['action-type'] === 'PUSH' && detail.result === 'SUCCESS' && detail['artifact-media-type'] !== HELM_CHART_CONFIG;
    if (!pushed || !tag) return { pushes: [], warnings: [] };
    const reference = withDigest(`${ecrRegistry(account, region)}/${detail['repository-name']}:${tag}`, detail['image-digest']);
    return { pushes: [{ reference, index: isImageIndex(detail['manifest-media-type']) }], warnings: [] };
  },
});
