/** The registry event payloads of test/fixtures/events, and what the tests say about them. */
import { join } from 'path';
import { REPO } from './process';

export const EVENT_FIXTURES = join(REPO, 'test', 'fixtures', 'events');

/** The JSON formats the decoder tries, in its order, as its errors list them. */
export const JSON_FORMATS = 'distribution, dockerhub, harbor, quay, github, gcr, ecr, eventgrid, cloudevents';

/** The formats an envelope's data is tried as: any but another envelope. */
export const INNER_JSON_FORMATS = 'distribution, dockerhub, harbor, quay, github, gcr, ecr';

/** The digests the fixtures announce: distribution.json pushes app with D1 and worker with D3. */
export const D1 = 'sha256:4b5ad1b0e5d1c8e5a6f0f3c1d9c0f8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1';
export const D3 = 'sha256:9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0';

/** What distribution.json announces: the index of app's tag, and worker's push. */
export const DISTRIBUTION_REFERENCES = [`registry.example.com:5000/team/app:v1.4.2@${D1}`, `registry.example.com:5000/team/worker:2.1.0@${D3}`] as const;

/** A payload as bytes: a string as it is, anything else as its JSON. */
export function payloadBytes(payload: unknown): Buffer {
  return Buffer.from(typeof payload === 'string' ? payload : JSON.stringify(payload));
}
