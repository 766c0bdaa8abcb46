import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { decodeEvent } from '../../src/events/decode-event';
import { formatProblem } from '../../src/problem';
import { EVENT_FIXTURES, INNER_JSON_FORMATS, JSON_FORMATS, payloadBytes as bytes } from '../support/events';

const D1 = `sha256:${'1'.repeat(64)}`;
const NOT_RECOGNISED = `no format recognises this JSON payload (tried ${JSON_FORMATS})`;

const fixture = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(EVENT_FIXTURES, name), 'utf8'));

function decodeError(payload: Buffer, format = 'auto'): string {
  const result = decodeEvent(payload, format);
  assert.ok(!result.ok, `should be rejected, got ${JSON.stringify(result).slice(0, 300)}`);
  return formatProblem(result.error);
}

/** A copy of a fixture with the value at a path (keys and indexes) replaced. */
function withValue(name: string, path: readonly (string | number)[], value: unknown): Buffer {
  const payload = fixture(name);
  let node: Record<string | number, unknown> = payload;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
  return bytes(payload);
}

function manifestEvent(n: number): object {
  return {
    id: `event-${n}`,
    timestamp: '2026-11-30T20:12:31.611412412Z',
    action: 'push',
    target: { mediaType: 'application/vnd.oci.image.manifest.v1+json', size: 1054, digest: D1, length: 1054, repository: `team/app-${n}`, tag: `1.0.${n}` },
    request: { id: `request-${n}`, addr: '10.0.3.17:50414', host: 'registry.example.com', method: 'PUT', useragent: 'buildkit/v0.17' },
    source: { addr: 'registry:5000', instanceID: 'e5a7d2f1' },
  };
}

describe('decodeEvent: hostile payloads', () => {
  describe('wrong types everywhere: the error names the field', () => {
    const cases: [string, string, (string | number)[], unknown, string][] = [
      ['distribution.json', 'events', ['events'], {}, 'not of format distribution: events must be array'],
      ['distribution.json', 'an event', ['events', 1], 'push', 'not of format distribution: events[1] must be object'],
      ['distribution.json', 'action', ['events', 1, 'action'], 1, 'not of format distribution: events[1].action must be string'],
      ['distribution.json', 'target', ['events', 1, 'target'], [], 'not of format distribution: events[1].target must be object'],
      ['distribution.json', 'tag', ['events', 1, 'target', 'tag'], 142, 'not of format distribution: events[1].target.tag must be string'],
      ['distribution.json', 'digest', ['events', 1, 'target', 'digest'], null, 'not of format distribution: events[1].target.digest must be string'],
      ['distribution.json', 'repository of a push', ['events', 1, 'target', 'repository'], undefined, 'not of format distribution: events[1].target.repository is missing'],
      ['distribution.json', 'host', ['events', 1, 'request', 'host'], false, 'not of format distribution: events[1].request.host must be string'],
      ['acr-push.json', 'host of a single event', ['request', 'host'], undefined, 'not of format distribution: request.host is missing'],
      ['dockerhub.json', 'push_data.tag', ['push_data', 'tag'], ['1.0'], 'not of format dockerhub: push_data.tag must be string'],
      ['dockerhub.json', 'repo_name', ['repository', 'repo_name'], '', 'not of format dockerhub: repository.repo_name must not be empty'],
      ['harbor.json', 'event_data', ['event_data'], 'x', 'not of format harbor: event_data must be object'],
      ['harbor.json', 'resources', ['event_data', 'resources'], {}, 'not of format harbor: event_data.resources must be array'],
      ['harbor.json', 'resource_url', ['event_data', 'resources', 0, 'resource_url'], 7, 'not of format harbor: event_data.resources[0].resource_url must be string'],
      ['harbor-cloudevents.json', 'data.resources digest', ['data', 'resources', 0, 'digest'], {}, 'not of format harbor: data.resources[0].digest must be string'],
      ['quay.json', 'docker_url', ['docker_url'], 12, 'not of format quay: docker_url must be string'],
      ['quay.json', 'updated_tags', ['updated_tags'], 'latest', 'not of format quay: updated_tags must be array'],
      ['quay.json', 'a tag', ['updated_tags', 1], 2, 'not of format quay: updated_tags[1] must be string'],
      ['github-package.json', 'package name', ['package', 'name'], 3, 'not of format github: package.name must be string'],
      ['github-package.json', 'owner.login', ['package', 'owner', 'login'], [], 'not of format github: package.owner.login must be string'],
      ['github-package.json', 'container_metadata', ['package', 'package_version', 'container_metadata'], 'x', 'not of format github: package.package_version.container_metadata must be object'],
      ['github-registry-package.json', 'tag digest', ['registry_package', 'package_version', 'container_metadata', 'tag', 'digest'], 5, 'not of format github: registry_package.package_version.container_metadata.tag.digest must be string'],
      ['gcr.json', 'tag', ['tag'], ['x'], 'not of format gcr: tag must be string'],
      ['gcr-push-envelope.json', 'message.data', ['message', 'data'], 42, 'not of format gcr: message.data must be string'],
      ['ecr.json', 'account', ['account'], 123456789012, 'not of format ecr: account must be string'],
      ['ecr.json', 'detail', ['detail'], [], 'not of format ecr: detail must be object'],
      ['ecr.json', 'image-tag', ['detail', 'image-tag'], 1.8, 'not of format ecr: detail.image-tag must be string'],
      ['ecr.json', 'repository-name of a push', ['detail', 'repository-name'], undefined, 'not of format ecr: detail.repository-name is missing'],
      ['cloudevents-lines-base64.json', 'data_base64', ['data_base64'], 17, 'not of format cloudevents: data_base64 must be string'],
      ['cloudevents-distribution.json', 'data of the wrong shape', ['data', 'events', 0, 'target'], 'x', 'field data: not of format distribution: events[0].target must be object'],
    ];
    for (const [name, what, path, value, error] of cases) {
      it(`${name}: ${what}`, () => assert.equal(decodeError(withValue(name, path, value)), error));
    }

    it('JSON that no format recognises, alone or in a batch; a JSON scalar, which is not JSON by its first character', () => {
      assert.equal(decodeError(bytes('{}')), NOT_RECOGNISED);
      assert.equal(decodeError(bytes('[{"action":"push"}]')), `field [0]: ${NOT_RECOGNISED}`);
      assert.equal(decodeError(bytes('null'), 'dockerhub'), 'not of format dockerhub: it is not JSON');
    });

    it('an explicit format on a payload of another type: the field, or the payload, is named', () => {
      assert.equal(decodeError(bytes('{"docker_url":1,"updated_tags":[]}'), 'quay'), 'not of format quay: docker_url must be string');
      assert.equal(decodeError(bytes('[1]'), 'quay'), 'field [0]: not of format quay: the payload must be object');
    });
  });

  describe('base64 and nested payloads', () => {
    it('a push envelope whose data is not base64, or not UTF-8, or not JSON', () => {
      assert.equal(decodeError(withValue('gcr-push-envelope.json', ['message', 'data'], 'not base64!')), 'field message.data: not base64');
      assert.equal(decodeError(withValue('gcr-push-envelope.json', ['message', 'data'], Buffer.from([0xff, 0xfe, 0x41]).toString('base64'))), 'field message.data: not base64 of UTF-8 text');
      assert.equal(decodeError(withValue('gcr-push-envelope.json', ['message', 'data'], Buffer.from('{"action":').toString('base64'))), 'field message.data, line 1, column 11: invalid JSON: unexpected end of input, expected a value');
      assert.equal(decodeError(withValue('gcr-push-envelope.json', ['message', 'data'], Buffer.from('{"tag":1}').toString('base64'))), 'field message.data: not of format gcr: action is missing');
    });

    it('a push envelope inside a push envelope', () => {
      const inner = readFileSync(join(EVENT_FIXTURES, 'gcr-push-envelope.json')).toString('base64');
      assert.equal(decodeError(withValue('gcr-push-envelope.json', ['message', 'data'], inner)), 'field message.data: holds another push envelope');
    });

    it('a gcr digest that is not a reference with a digest', () => {
      assert.equal(decodeError(bytes({ action: 'INSERT', tag: 'gcr.io/p/a:1', digest: D1 })), `digest "${D1}" is not a reference with a digest (NAME@sha256:...)`);
    });

    it('a CloudEvent inside a CloudEvent is not decoded again', () => {
      const inner = fixture('cloudevents-distribution.json');
      assert.equal(decodeError(withValue('cloudevents-distribution.json', ['data'], inner)), `field data: no format recognises this JSON payload (tried ${INNER_JSON_FORMATS})`);
    });

    it('a CloudEvent with both data and data_base64, or data that is text but no reference', () => {
      assert.equal(decodeError(withValue('cloudevents-lines-base64.json', ['data'], {})), 'data and data_base64 exclude each other');
      assert.equal(decodeError(bytes({ specversion: '1.0', type: 't' }), 'cloudevents'), 'not of format cloudevents: data is missing');
      assert.equal(decodeError(withValue('cloudevents-distribution.json', ['data'], 'hello')), 'field data: not JSON, and no line is a valid image reference: line 1 "hello": invalid tag: tag must be between 1 and 128 characters in length: ');
    });
  });

  describe('bytes that are not UTF-8 text', () => {
    it('an invalid byte: its offset', () => {
      const payload = Buffer.concat([Buffer.from('{"docker_url":"quay.io/a/b","updated_tags":["'), Buffer.from([0xc3, 0x28]), Buffer.from('"]}')]);
      assert.equal(decodeError(payload), 'not UTF-8: invalid byte sequence at byte 45');
      assert.equal(decodeError(Buffer.from([0xff, 0xfe, 0x00, 0x7b])), 'not UTF-8: invalid byte sequence at byte 0');
    });

    it('UTF-16 with its byte-order mark is not UTF-8', () => {
      assert.equal(decodeError(Buffer.from('\ufeff{"a":1}', 'utf16le')), 'not UTF-8: invalid byte sequence at byte 0');
    });

    it('a UTF-8 byte-order mark is fine', () => {
      const payload = readFileSync(join(EVENT_FIXTURES, 'quay.json'));
      const result = decodeEvent(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), payload]));
      assert.deepEqual(result, decodeEvent(payload));
      assert.deepEqual(result.ok && [result.value.format, result.value.references.length], ['quay', 2]);
    });

    it('NUL bytes in JSON: invalid JSON with line and column', () => {
      assert.equal(decodeError(Buffer.from('{"a":\n 1\u0000}')), 'line 2, column 3: invalid JSON: expected \',\' or \'}\', found "\\u0000"');
    });
  });

  describe('deep nesting', () => {
    const DEPTH = 10_000;

    it('10,000 levels of arrays: valid JSON no format recognises (a batch whose event is an array)', () => {
      assert.equal(decodeError(bytes('['.repeat(DEPTH) + ']'.repeat(DEPTH))), `field [0]: ${NOT_RECOGNISED}`);
    });

    it('10,000 levels left open: the end of input, with its column', () => {
      assert.equal(decodeError(bytes('['.repeat(DEPTH))), `line 1, column ${DEPTH + 1}: invalid JSON: unexpected end of input, expected a value or ']'`);
    });

    it('10,000 levels of objects with an error at the bottom', () => {
      const text = '{"a":'.repeat(DEPTH) + 'tru' + '}'.repeat(DEPTH);
      assert.equal(decodeError(bytes(text)), `line 1, column ${5 * DEPTH + 1}: invalid JSON: expected a value, found "tru"`);
    });

    it('1,000,000 levels left open: no stack overflow', () => {
      assert.equal(decodeError(bytes('{"a":'.repeat(1_000_000))), `line 1, column ${5_000_001}: invalid JSON: unexpected end of input, expected a value`);
    });

    it('deep nesting where a format expects an event, and inside an envelope', () => {
      assert.equal(decodeError(bytes(`{"events":${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}}`)), 'not of format distribution: events[0] must be object');
      const deep = `{"specversion":"1.0","type":"t","data":${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}}`;
      assert.equal(decodeError(bytes(deep)), `field data: no format recognises this JSON payload (tried ${INNER_JSON_FORMATS})`);
    });
  });

  describe('50 MB payloads, in linear time', function () {
    this.timeout(120_000);
    const MB50 = 50 * 1024 * 1024;

    /** A distribution payload of at least 50 MB: pushes of many repositories. */
    function bigDistributionPayload(): string {
      const event = JSON.stringify(manifestEvent(0), null, 2).length;
      const count = Math.ceil(MB50 / event);
      return JSON.stringify({ events: Array.from({ length: count }, (_, n) => manifestEvent(n)) }, null, 2);
    }

    it('a valid 50 MB distribution payload: every push, in order', () => {
      const text = bigDistributionPayload();
      assert.ok(text.length >= MB50);
      const started = Date.now();
      const result = decodeEvent(Buffer.from(text));
      const elapsed = Date.now() - started;
      assert.ok(result.ok, result.ok ? '' : result.error);
      const count = (JSON.parse(text) as { events: unknown[] }).events.length;
      assert.equal(result.value.references.length, count);
      assert.equal(result.value.references[count - 1], `registry.example.com/team/app-${count - 1}:1.0.${count - 1}@${D1}`);
      assert.ok(elapsed < 30_000, `took ${elapsed} ms`);
    });

    it('a 50 MB payload cut off before its end: the line and column of the end, found in time', () => {
      const text = bigDistributionPayload();
      const cut = text.slice(0, text.length - 3);
      const lines = cut.split('\n');
      const started = Date.now();
      const error = decodeError(Buffer.from(cut));
      const elapsed = Date.now() - started;
      assert.equal(error, `line ${lines.length}, column ${lines[lines.length - 1].length + 1}: invalid JSON: unexpected end of input, expected ',' or ']'`);
      assert.ok(elapsed < 30_000, `took ${elapsed} ms`);
    });

    it('a 50 MB payload with one bad character in its middle: its line and column', () => {
      const text = bigDistributionPayload();
      const at = text.indexOf('"action"', text.length >> 1);
      const broken = `${text.slice(0, at)}'${text.slice(at + 1)}`;
      const before = broken.slice(0, at).split('\n');
      assert.equal(decodeError(Buffer.from(broken)), `line ${before.length}, column ${before[before.length - 1].length + 1}: invalid JSON: expected a property name in double quotes, found "'action"`);
    });

    it('50 MB of lines, most of them not references: the valid ones, a warning for each other', () => {
      const valid = Array.from({ length: 1000 }, (_, n) => `registry.example.com/team/app:1.0.${n}`);
      const filler = '# a comment line that pads the payload out to fifty megabytes of text ............\n';
      const text = `${valid.join('\n')}\nnot a reference\n${filler.repeat(Math.ceil(MB50 / filler.length))}`;
      const result = decodeEvent(Buffer.from(text));
      assert.ok(result.ok, result.ok ? '' : result.error);
      assert.deepEqual(result.value.references, valid);
      assert.equal(result.value.warnings.length, 1);
    });

    it('50 MB of text with no reference: an error naming the first line', () => {
      const text = 'x y z\n'.repeat(Math.ceil(MB50 / 6));
      assert.equal(decodeError(Buffer.from(text)), 'not JSON, and no line is a valid image reference: line 1 "x y z": invalid tag: tag must be between 1 and 128 characters in length: ');
    });
  });
});
