import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { decodeEvent, DecodedEvent } from '../../src/events/decode-event';
import { EVENT_FORMAT_NAMES } from '../../src/events/formats';
import { formatProblem, InputError, ProblemPlace } from '../../src/problem';
import { D1, D3, DISTRIBUTION_REFERENCES, EVENT_FIXTURES, JSON_FORMATS, payloadBytes as bytes } from '../support/events';

const D2 = 'sha256:0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9';

const fixture = (name: string): Buffer => readFileSync(join(EVENT_FIXTURES, name));

/** A decoded payload, its warnings as the lines they are said in (without the payload's name, which the CLI adds). */
function decoded(payload: Buffer, format = 'auto'): Omit<DecodedEvent, 'warnings'> & { warnings: string[] } {
  const result = decodeEvent(payload, format);
  assert.ok(result.ok, `should decode, got ${result.ok ? '' : result.error}`);
  return { format: result.value.format, references: result.value.references, warnings: result.value.warnings.map(formatProblem) };
}

function rejection(payload: Buffer, format = 'auto'): InputError {
  const result = decodeEvent(payload, format);
  assert.ok(!result.ok, `should be rejected, got ${JSON.stringify(result)}`);
  return result.error;
}

/** The line a payload's error is said in, without the payload's name, which the CLI adds. */
const decodeError = (payload: Buffer, format = 'auto'): string => formatProblem(rejection(payload, format));

const noPush = (format: string): string => `the ${format} payload announces no pushed image: nothing to update`;

describe('decodeEvent: each registry\'s payload', () => {
  it('distribution: manifest pushes only, registry host from request.host, the index winning over the platform manifest of its tag', () => {
    assert.deepEqual(decoded(fixture('distribution.json')), {
      format: 'distribution',
      references: DISTRIBUTION_REFERENCES,
      warnings: [],
    });
  });

  it("distribution: GitLab's registry, a manifest list", () => {
    assert.deepEqual(decoded(fixture('gitlab.json')).references, [`registry.gitlab.com/group/project/api:main-4821@${D1}`]);
  });

  it("distribution: Azure Container Registry's single push event", () => {
    assert.deepEqual(decoded(fixture('acr-push.json')), { format: 'distribution', references: [`myregistry.azurecr.io/hello-world:v1@${D2}`], warnings: [] });
  });

  it("distribution: ACR's chart_push is skipped, a warning and no reference", () => {
    assert.deepEqual(decoded(fixture('acr-chart-push.json')), { format: 'distribution', references: [], warnings: [noPush('distribution')] });
  });

  it('distribution: a push without a tag (by digest) is skipped', () => {
    const event = { action: 'push', target: { mediaType: 'application/vnd.oci.image.manifest.v1+json', repository: 'a/b', digest: D1 }, request: { host: 'r.io' } };
    assert.deepEqual(decoded(bytes({ events: [event] })).references, []);
  });

  it('dockerhub: docker.io/ repo_name : tag, with a warning that there is no digest', () => {
    assert.deepEqual(decoded(fixture('dockerhub.json')), {
      format: 'dockerhub',
      references: ['docker.io/svendowideit/testhook:1.7.0'],
      warnings: ['Docker Hub sends no digest: only the tag of docker.io/svendowideit/testhook:1.7.0 is known'],
    });
  });

  it('harbor: each resource with its digest; a resource whose tag is its digest is skipped', () => {
    assert.deepEqual(decoded(fixture('harbor.json')), { format: 'harbor', references: [`harbor.example.com/library/nginx:v2.3.0@${D1}`], warnings: [] });
  });

  it('harbor: the CloudEvents format (type harbor.artifact.pushed, data.resources)', () => {
    assert.deepEqual(decoded(fixture('harbor-cloudevents.json')), { format: 'harbor', references: [`harbor.example.com/platform/api:3.1.4@${D1}`], warnings: [] });
  });

  it('harbor: the CloudEvents format read as --event-format cloudevents, named as the envelope around harbor', () => {
    assert.deepEqual(decoded(fixture('harbor-cloudevents.json'), 'cloudevents'), { format: 'cloudevents/harbor', references: [`harbor.example.com/platform/api:3.1.4@${D1}`], warnings: [] });
  });

  it('harbor: a pull or delete is no push', () => {
    const pull = JSON.parse(fixture('harbor.json').toString());
    pull.type = 'PULL_ARTIFACT';
    assert.deepEqual(decoded(bytes(pull)), { format: 'harbor', references: [], warnings: [noPush('harbor')] });
    const deleted = JSON.parse(fixture('harbor-cloudevents.json').toString());
    deleted.type = 'harbor.artifact.deleted';
    assert.deepEqual(decoded(bytes(deleted)).references, []);
  });

  it('quay: docker_url : each tag, updated_tags as a list', () => {
    assert.deepEqual(decoded(fixture('quay.json')), { format: 'quay', references: ['quay.io/mynamespace/repository:1.2.0', 'quay.io/mynamespace/repository:latest'], warnings: [] });
  });

  it('quay: updated_tags as an object of tags', () => {
    assert.deepEqual(decoded(fixture('quay-tags-object.json')).references, ['quay.example.com/mynamespace/repository:1.3.0', 'quay.example.com/mynamespace/repository:stable']);
  });

  it('github: package event, namespace and name lower-cased, tag @ digest', () => {
    assert.deepEqual(decoded(fixture('github-package.json')), { format: 'github', references: [`ghcr.io/octo-org/hello-world:v0.9.1@${D1}`], warnings: [] });
  });

  it('github: without namespace, the owner; without digest, the tag alone', () => {
    const payload = JSON.parse(fixture('github-package.json').toString());
    delete payload.package.namespace;
    delete payload.package.package_version.container_metadata.tag.digest;
    assert.deepEqual(decoded(bytes(payload)).references, ['ghcr.io/octo-org/hello-world:v0.9.1']);
    delete payload.package.owner;
    assert.equal(decodeError(bytes(payload)), 'not of format github: package.namespace is missing');
  });

  it('github: registry_package event, a nested package name', () => {
    assert.deepEqual(decoded(fixture('github-registry-package.json')).references, [`ghcr.io/octo-org/tools/cli:2024.11.30@${D2}`]);
  });

  it('github: an empty tag (an untagged platform manifest) is skipped; a package that is no container is not recognised', () => {
    const untagged = JSON.parse(fixture('github-package.json').toString());
    untagged.package.package_version.container_metadata.tag.name = '';
    assert.deepEqual(decoded(bytes(untagged)), { format: 'github', references: [], warnings: [noPush('github')] });
    const npm = JSON.parse(fixture('github-package.json').toString());
    npm.package.package_type = 'npm';
    npm.package.ecosystem = 'npm';
    assert.equal(decodeError(bytes(npm)), `no format recognises this JSON payload (tried ${JSON_FORMATS})`);
    assert.deepEqual(decoded(bytes(npm), 'github').references, []);
  });

  it('gcr: tag @ the digest of digest', () => {
    assert.deepEqual(decoded(fixture('gcr.json')), { format: 'gcr', references: [`us-east1-docker.pkg.dev/my-project/my-repo/hello-world:1.1.0@${D1}`], warnings: [] });
  });

  it('gcr: the Pub/Sub push envelope around it', () => {
    assert.deepEqual(decoded(fixture('gcr-push-envelope.json')), { format: 'gcr', references: [`us-east1-docker.pkg.dev/my-project/my-repo/hello-world:1.1.0@${D1}`], warnings: [] });
  });

  it('gcr: an INSERT without tag and a DELETE are skipped', () => {
    assert.deepEqual(decoded(bytes({ action: 'INSERT', digest: `gcr.io/p/app@${D1}` })).references, []);
    assert.deepEqual(decoded(bytes({ action: 'DELETE', tag: 'gcr.io/p/app:1' })).references, []);
  });

  it('ecr: ACCOUNT.dkr.ecr.REGION.amazonaws.com/repository:tag@digest; .com.cn in China', () => {
    assert.deepEqual(decoded(fixture('ecr.json')), { format: 'ecr', references: [`123456789012.dkr.ecr.us-west-2.amazonaws.com/team/app:1.8.0@${D1}`], warnings: [] });
    assert.deepEqual(decoded(fixture('ecr-china.json')).references, [`123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/team/app:1.8.1@${D1}`]);
  });

  it('ecr: a failed push, a delete, a push without tag and a Helm chart are skipped', () => {
    const ecr = (detail: object): Buffer => {
      const event = JSON.parse(fixture('ecr.json').toString());
      Object.assign(event.detail, detail);
      return bytes(event);
    };
    assert.deepEqual(decoded(ecr({ result: 'FAILURE' })).references, []);
    assert.deepEqual(decoded(ecr({ 'action-type': 'DELETE' })).references, []);
    assert.deepEqual(decoded(ecr({ 'image-tag': undefined })).references, []);
    assert.deepEqual(decoded(ecr({ 'artifact-media-type': 'application/vnd.cncf.helm.config.v1+tar+json' })).references, []);
  });

  it('cloudevents: the data decoded by its own format, named in the format taken', () => {
    assert.deepEqual(decoded(fixture('cloudevents-distribution.json')), {
      format: 'cloudevents/distribution',
      references: DISTRIBUTION_REFERENCES,
      warnings: [],
    });
  });

  it('cloudevents: data_base64 holding lines', () => {
    assert.deepEqual(decoded(fixture('cloudevents-lines-base64.json')), { format: 'cloudevents/lines', references: ['ghcr.io/org/app:2.0.0', 'ghcr.io/org/worker:2.0.0'], warnings: [] });
  });

  it('cloudevents: data as a JSON string', () => {
    const event = { specversion: '1.0', type: 't', source: 's', id: '1', data: fixture('quay.json').toString() };
    assert.deepEqual(decoded(bytes(event)).format, 'cloudevents/quay');
  });

  it('eventgrid: a batch of Azure Event Grid events, each data decoded by its own format; the delete is no push', () => {
    const pushed = 'demoregistry.azurecr.io/aci-helloworld:v1@sha256:213bbc182920ab41e18edc2001e06abcca6735d87782d9cef68abd83941cf0e5';
    assert.deepEqual(decoded(fixture('eventgrid-acr.json')), { format: 'batch/eventgrid/distribution', references: [pushed], warnings: [] });
    assert.deepEqual(decoded(fixture('eventgrid-acr.json'), 'eventgrid'), { format: 'batch/eventgrid/distribution', references: [pushed], warnings: [] });
  });

  it('a batch of CloudEvents (a JSON array): each event by its own format, the pushes in batch order', () => {
    const envelope = (data: unknown): unknown => ({ specversion: '1.0', type: 't', source: 's', id: '1', data });
    const batch = [envelope(JSON.parse(fixture('quay.json').toString())), envelope(JSON.parse(fixture('distribution.json').toString()))];
    const quay = decoded(fixture('quay.json')).references;
    assert.deepEqual(decoded(bytes(batch)), { format: 'batch/cloudevents/quay,cloudevents/distribution', references: [...quay, ...DISTRIBUTION_REFERENCES], warnings: [] });
  });

  it('an empty batch announces no push: a warning', () => {
    assert.deepEqual(decoded(bytes([])), { format: 'batch', references: [], warnings: [noPush('batch')] });
  });

  it('a batch read as a named format: an event of another shape is an error naming its place in the batch', () => {
    const rejected = rejection(bytes([JSON.parse(fixture('harbor.json').toString()), { hello: 'world' }]), 'harbor');
    assert.equal(rejected.code, 'WRONG_PAYLOAD_SHAPE');
    assert.deepEqual(rejected.place.unit, { kind: 'field', path: '[1]' });
    assert.equal(formatProblem(rejected), 'field [1]: not of format harbor: event_data is missing');
  });

  it('lines: trimmed, comments and blank lines skipped, duplicates once, an invalid line a warning', () => {
    assert.deepEqual(decoded(fixture('lines.txt')), {
      format: 'lines',
      references: ['registry.example.com/team/app:v1.4.2', 'docker.io/library/nginx:1.27.3'],
      warnings: ['"not a reference!" from the payload is not a valid image reference (invalid tag: tag must be between 1 and 128 characters in length: ): left out'],
    });
  });
});

describe('decodeEvent: the rules of SPEC §9', () => {
  const manifest = (tag: string, digest: string, mediaType = 'application/vnd.oci.image.manifest.v1+json') => ({
    action: 'push',
    target: { mediaType, repository: 'team/app', tag, digest },
    request: { host: 'r.example.com' },
  });
  const INDEX = 'application/vnd.oci.image.index.v1+json';

  it('payload order, exact duplicates once (at the first)', () => {
    const payload = bytes({ events: [manifest('2', D1), manifest('1', D2), manifest('2', D1)] });
    assert.deepEqual(decoded(payload).references, [`r.example.com/team/app:2@${D1}`, `r.example.com/team/app:1@${D2}`]);
  });

  it('several digests of one tag: the index wins, wherever it is', () => {
    assert.deepEqual(decoded(bytes({ events: [manifest('1', D1), manifest('1', D2, INDEX), manifest('1', D3)] })).references, [`r.example.com/team/app:1@${D2}`]);
  });

  it('several digests of one tag without an index: the last', () => {
    assert.deepEqual(decoded(bytes({ events: [manifest('1', D1), manifest('1', D2)] })).references, [`r.example.com/team/app:1@${D2}`]);
  });

  it('the same tag in two repositories, or spelled two ways for one repository', () => {
    const other = { ...manifest('1', D2), target: { ...manifest('1', D2).target, repository: 'team/other' } };
    assert.deepEqual(decoded(bytes({ events: [manifest('1', D1), other] })).references, [`r.example.com/team/app:1@${D1}`, `r.example.com/team/other:1@${D2}`]);
    assert.deepEqual(decoded(bytes('busybox:1.36\ndocker.io/library/busybox:1.36\n')).references, ['docker.io/library/busybox:1.36']);
  });

  it('a reference that is not valid is a warning and left out', () => {
    const payload = bytes({ docker_url: 'quay.io/a/b', updated_tags: ['ok', 'bad tag'] });
    assert.deepEqual(decoded(payload), {
      format: 'quay',
      references: ['quay.io/a/b:ok'],
      warnings: ['"quay.io/a/b:bad tag" from the payload is not a valid image reference (invalid tag: tag can only contain the characters `abcdefghijklmnopqrstuvwxyz0123456789_-.ABCDEFGHIJKLMNOPQRSTUVWXYZ`: bad tag): left out'],
    });
  });

  it('a payload with no push: a warning, no reference', () => {
    assert.deepEqual(decoded(bytes({ events: [] })), { format: 'distribution', references: [], warnings: [noPush('distribution')] });
  });

  it('every warning is data: a code, without a place (it is about the whole payload)', () => {
    const codes = (payload: Buffer): string[] => {
      const result = decodeEvent(payload);
      assert.ok(result.ok);
      return result.value.warnings.map((warning) => { assert.deepEqual(warning.place, {}); return warning.code; });
    };
    assert.deepEqual(codes(bytes({ events: [] })), ['NO_PUSHED_IMAGE']);
    assert.deepEqual(codes(fixture('dockerhub.json')), ['NO_DIGEST']);
    assert.deepEqual(codes(bytes({ docker_url: 'quay.io/a/b', updated_tags: ['bad tag', 'ok'] })), ['INVALID_PUSHED_REFERENCE']);
  });

  it('a JSON payload no format recognises: an error naming the formats tried', () => {
    assert.equal(decodeError(bytes({ hello: 'world' })), `no format recognises this JSON payload (tried ${JSON_FORMATS})`);
    assert.equal(decodeError(bytes([1, 2])), `field [0]: no format recognises this JSON payload (tried ${JSON_FORMATS})`);
  });

  it('lines with no valid reference: an error, under auto and by name', () => {
    assert.equal(decodeError(bytes('hello world\n')), 'not JSON, and no line is a valid image reference: line 1 "hello world": invalid tag: tag must be between 1 and 128 characters in length: ');
    assert.equal(decodeError(bytes('# only a comment\n\n'), 'lines'), 'not JSON, and it has no line with an image reference');
    assert.equal(decodeError(bytes('')), 'not JSON, and it has no line with an image reference');
  });

  it('an explicit format: a payload of the wrong shape names the field', () => {
    assert.equal(decodeError(fixture('quay.json'), 'dockerhub'), 'not of format dockerhub: push_data is missing');
    assert.equal(decodeError(fixture('dockerhub.json'), 'ecr'), 'not of format ecr: detail-type is missing');
    assert.equal(decodeError(bytes({ 'detail-type': 'ECR Scan', source: 'aws.ecr', account: '123456789012', region: 'x', detail: {} }), 'ecr'), 'not of format ecr: detail-type must be "ECR Image Action"');
    assert.equal(decodeError(fixture('dockerhub.json'), 'lines'), 'the payload is JSON, and lines is for payloads that are not');
    assert.equal(decodeError(fixture('lines.txt'), 'harbor'), 'not of format harbor: it is not JSON');
  });

  it('every error is data: a code, and a place where there is one (a field of an envelope, a line and column)', () => {
    const envelope = (data: string): Buffer => bytes({ message: { data: Buffer.from(data).toString('base64') }, subscription: 's' });
    const cases: Array<[string, Buffer, string, string, ProblemPlace]> = [
      ['not UTF-8', Buffer.from([0x7b, 0xff]), 'auto', 'PAYLOAD_NOT_TEXT', {}],
      ['invalid JSON', bytes('{\n  "a": }'), 'auto', 'INVALID_JSON', { position: { line: 2, column: 8, offset: 9 } }],
      ['JSON no format recognises', bytes({ hello: 'world' }), 'auto', 'UNRECOGNISED_PAYLOAD', {}],
      ['the wrong shape for the format named', fixture('quay.json'), 'dockerhub', 'WRONG_PAYLOAD_SHAPE', {}],
      ['lines without a reference', bytes('hello world\n'), 'auto', 'NO_IMAGE_REFERENCE', {}],
      ['an unknown format name', fixture('quay.json'), 'nexus', 'UNKNOWN_EVENT_FORMAT', {}],
      ['data and data_base64 both', bytes({ specversion: '1.0', type: 't', data: {}, data_base64: 'e30=' }), 'auto', 'INVALID_PAYLOAD', {}],
      ['an envelope\'s data that is not base64', bytes({ message: { data: 'not base64!' }, subscription: 's' }), 'auto', 'PAYLOAD_NOT_TEXT', { unit: { kind: 'field', path: 'message.data' } }],
      ['invalid JSON in an envelope\'s data', envelope('{"action":\n'), 'auto', 'INVALID_JSON', { unit: { kind: 'field', path: 'message.data' }, position: { line: 2, column: 1, offset: 11 } }],
      ['an envelope in a CloudEvent\'s data', bytes({ specversion: '1.0', type: 't', data: { message: { data: Buffer.from('[').toString('base64') }, subscription: 's' } }), 'auto', 'INVALID_JSON', { unit: { kind: 'field', path: 'data.message.data' }, position: { line: 1, column: 2, offset: 1 } }],
    ];
    for (const [name, payload, format, code, place] of cases) {
      const error = rejection(payload, format);
      assert.deepEqual([error.code, error.place], [code, place], name);
    }
  });

  it('an unknown format name: the names allowed', () => {
    assert.equal(decodeError(fixture('quay.json'), 'nexus'), `unknown event format "nexus": use one of ${EVENT_FORMAT_NAMES.join(', ')}`);
    assert.equal(EVENT_FORMAT_NAMES.join(', '), `auto, lines, ${JSON_FORMATS}`);
  });
});
