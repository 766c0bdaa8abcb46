import { isRecord, jsonFormat } from '../format';

interface QuayPayload {
  docker_url: string;
  updated_tags: string[] | Record<string, unknown>;
}

/** Quay's `repo_push` notification: `updated_tags` is a list of tags, or an object keyed by tag. No digest. */
export const quay = jsonFormat<QuayPayload>({
  name: 'quay',
  recognises: (payload) => isRecord(payload) && 'docker_url' in payload && 'updated_tags' in payload,
  read({ docker_url, updated_tags }) {
    const tags = Array.isArray(updated_tags) ? updated_tags : Object.keys(updated_tags);
    return { pushes: tags.filter((tag) => tag !== '').map((tag) => ({ reference: `${docker_url}:${tag}`, index: false })), warnings: [] };
  },
});
