import { isRecord, jsonFormat } from '../format';

interface DockerHubPayload {
  push_data: { tag: string };
  repository: { repo_name: string };
}

/** Docker Hub's webhook: one tag pushed to `repository.repo_name`; it carries no digest. */
export const dockerhub = jsonFormat<DockerHubPayload>({
  name: 'dockerhub',
  recognises: (payload) => isRecord(payload) && 'push_data' in payload && isRecord(payload.repository) && 'repo_name' in payload.repository,
  read({ push_data: { tag }, repository: { repo_name } }) {
    if (tag === '') return { pushes: [], warnings: [] };
    const reference = `docker.io/${repo_name}:${tag}`;
    return { pushes: [{ reference, index: false }], warnings: [{ code: 'NO_DIGEST', problem: `Docker Hub sends no digest: only the tag of ${reference} is known`, place: {} }] };
  },
});
