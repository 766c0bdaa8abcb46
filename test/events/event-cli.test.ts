/**
 * The event source end to end, through the built CLI: `--event FILE|-` with `--event-format` in
 * standalone mode, and `decode`, also as kpt's `--fn-config`.
 */
import { strict as assert } from 'assert';
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';
import { D1, D3, DISTRIBUTION_REFERENCES, EVENT_FIXTURES as EVENTS, JSON_FORMATS } from '../support/events';
import { EVENT_FORMAT_NAMES } from '../../src/events/formats';
import { CLI, ensureBuilt, onPath, run, runCli, skipWith, TempDirs } from '../support/process';

const [APP, WORKER] = DISTRIBUTION_REFERENCES;

/** A Deployment with markers on the two images distribution.json pushes, and one it does not. */
const DEPLOYMENT = readFileSync(join(EVENTS, 'deployment.yaml'), 'utf8');
const UPDATED = DEPLOYMENT.replace('team/app:v1.4.0', `team/app:v1.4.2@${D1}`).replace('team/worker:2.0.0', `team/worker:2.1.0@${D3}`);

const payload = (name: string): string => readFileSync(join(EVENTS, name), 'utf8');

describe('CLI: registry events', () => {
  const temp = new TempDirs();
  let dir: string;

  before(() => ensureBuilt());
  beforeEach(() => {
    dir = temp.make();
    writeFileSync(join(dir, 'deploy.yaml'), DEPLOYMENT);
  });
  afterEach(() => temp.cleanup());

  it('--help names every event format --event-format accepts', () => {
    const help = runCli(['--help']).stdout.replace(/\s+/g, ' ');
    const listed = /--event-format F the payload's format: (.*?); a JSON array/.exec(help)?.[1];
    assert.equal(listed, `${EVENT_FORMAT_NAMES[0]} (the default, by its shape), ${EVENT_FORMAT_NAMES.slice(1, -1).join(', ')} or ${EVENT_FORMAT_NAMES.at(-1)}`);
  });

  describe('--event in standalone mode', () => {
    it('--event FILE FILE: the updated stream, the format on stderr as a YAML comment, info results exactly the changed fields', () => {
      const outcome = runCli(['--event', join(EVENTS, 'distribution.json'), 'deploy.yaml'], { cwd: dir });
      assert.equal(outcome.status, 0, outcome.stderr);
      assert.equal(outcome.stdout, UPDATED);
      assert.ok(outcome.stderr.startsWith('# event: distribution, 2 image references\n'), outcome.stderr);
      const results = parse(outcome.stderr) as { severity: string; field: { proposedValue: string } }[];
      assert.deepEqual(results.map((result) => [result.severity, result.field.proposedValue]), [['info', APP], ['info', WORKER]]);
    });

    it('--event - reads the payload from stdin; --event-format=NAME names its format', () => {
      const outcome = runCli(['--event', '-', '--event-format=distribution', 'deploy.yaml'], { cwd: dir, input: payload('distribution.json') });
      assert.equal(outcome.status, 0, outcome.stderr);
      assert.equal(outcome.stdout, UPDATED);
    });

    it('--event FILE with the YAML on stdin', () => {
      const outcome = runCli(['--event', join(EVENTS, 'cloudevents-distribution.json')], { cwd: dir, input: DEPLOYMENT });
      assert.equal(outcome.status, 0, outcome.stderr);
      assert.equal(outcome.stdout, UPDATED);
      assert.ok(outcome.stderr.startsWith('# event: cloudevents/distribution, 2 image references\n'));
    });

    it('a payload without a push: a warning, the files unchanged, exit 0', () => {
      const outcome = runCli(['--event', join(EVENTS, 'acr-chart-push.json'), 'deploy.yaml'], { cwd: dir });
      assert.equal(outcome.status, 0);
      assert.equal(outcome.stdout, DEPLOYMENT);
      const events = join(EVENTS, 'acr-chart-push.json');
      assert.equal(outcome.stderr, `# event: distribution, 0 image references\n- message: "event payload ${events}: the distribution payload announces no pushed image: nothing to update"\n  severity: warning\n`);
    });

    it('invalid JSON: one line with line and column, exit 1, the input passed through unchanged', () => {
      writeFileSync(join(dir, 'payload.json'), '{\n  "events": [\n    {"action": "push",}\n  ]\n}\n');
      const outcome = runCli(['--event', 'payload.json', 'deploy.yaml'], { cwd: dir });
      assert.equal(outcome.status, 1);
      assert.equal(outcome.stderr, 'image-ref-updater: event payload payload.json, line 3, column 23: invalid JSON: expected a property name in double quotes, found "}"\n');
      assert.equal(outcome.stdout, DEPLOYMENT);
    });

    it('an unrecognised payload: the formats tried, exit 1', () => {
      const outcome = runCli(['--event', '-', 'deploy.yaml'], { cwd: dir, input: '{"hello": "world"}' });
      assert.equal(outcome.status, 1);
      assert.equal(outcome.stderr, `image-ref-updater: event payload on stdin: no format recognises this JSON payload (tried ${JSON_FORMATS})\n`);
    });

    it('a payload that is not UTF-8: its byte, exit 1', () => {
      writeFileSync(join(dir, 'payload.bin'), Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]));
      const outcome = runCli(['--event', 'payload.bin', 'deploy.yaml'], { cwd: dir });
      assert.equal(outcome.status, 1);
      assert.equal(outcome.stderr, 'image-ref-updater: event payload payload.bin: not UTF-8: invalid byte sequence at byte 2\n');
    });

    it('argument errors: --event - without FILEs, --event-format without --event, an unknown format, a missing value, a missing payload file', () => {
      const cases: [string[], string][] = [
        [['--event', '-'], '--event - reads the payload from stdin, so the YAML must come from FILE arguments'],
        [['--event', '-', '-'], '--event - reads the payload from stdin, so the YAML must come from FILE arguments'],
        [['--event-format', 'quay', 'deploy.yaml'], '--event-format needs --event FILE|-'],
        [['--event', join(EVENTS, 'quay.json'), '--event-format', 'nexus', 'deploy.yaml'], `event payload ${join(EVENTS, 'quay.json')}: unknown event format "nexus": use one of auto, lines, ${JSON_FORMATS}`],
        [['deploy.yaml', '--event'], '--event needs a value: a payload FILE, or - for stdin'],
        [['--event', 'a.json', '--event=-', 'deploy.yaml'], '--event is given twice: the new image references come from one payload'],
        [['--event', 'missing.json', 'deploy.yaml'], 'missing.json: no such file or directory'],
      ];
      for (const [args, error] of cases) {
        const outcome = runCli(args, { cwd: dir, input: payload('quay.json') });
        assert.equal(outcome.status, 1, args.join(' '));
        assert.equal(outcome.stderr, `image-ref-updater: ${error}\n`, args.join(' '));
      }
    });

    it('--help names --event, --event-format and decode', () => {
      const help = runCli(['--help']).stdout;
      for (const text of ['--event PAYLOAD|-', '--event-format NAME|auto', 'image-ref-updater decode']) assert.ok(help.includes(text), text);
    });
  });

  describe('--event with files in place (-w, -d, -l)', () => {
    it('-d: the diff of the changed file, the format line first on stderr and the summary last; nothing written', () => {
      const outcome = runCli(['--event', join(EVENTS, 'distribution.json'), '-d', '.'], { cwd: dir });
      assert.equal(outcome.status, 0, outcome.stderr);
      assert.ok(outcome.stdout.startsWith('--- a/deploy.yaml\n+++ b/deploy.yaml\n@@ '), outcome.stdout);
      assert.ok(outcome.stdout.includes(`\n+        image: ${APP}  # kobold: tag: ^1; type: semver\n`), outcome.stdout);
      assert.ok(outcome.stderr.startsWith('# event: distribution, 2 image references\n'), outcome.stderr);
      assert.equal(outcome.stderr.trimEnd().split('\n').pop(), '# 2 fields would be updated in 1 file');
      assert.equal(readFileSync(join(dir, 'deploy.yaml'), 'utf8'), DEPLOYMENT);
    });

    it('--event - -w: the payload from stdin, the file rewritten; -l lists nothing after that', () => {
      const written = runCli(['--event', '-', '-w', 'deploy.yaml'], { cwd: dir, input: payload('distribution.json') });
      assert.equal(written.status, 0, written.stderr);
      assert.equal(written.stdout, '');
      assert.equal(readFileSync(join(dir, 'deploy.yaml'), 'utf8'), UPDATED);
      const listed = runCli(['--event', join(EVENTS, 'distribution.json'), '-l', '.'], { cwd: dir });
      assert.equal(listed.status, 0, listed.stderr);
      assert.equal(listed.stdout, '');
    });

    it('a payload that is not JSON of any format: an error, exit 1, nothing written', () => {
      writeFileSync(join(dir, 'bad.json'), '{"events": [');
      const outcome = runCli(['--event', 'bad.json', '-w', '.'], { cwd: dir });
      assert.equal(outcome.status, 1);
      assert.match(outcome.stderr, /^image-ref-updater: event payload bad\.json, line 1, column \d+: invalid JSON: /);
      assert.equal(readFileSync(join(dir, 'deploy.yaml'), 'utf8'), DEPLOYMENT);
    });
  });

  describe('decode', () => {
    it('prints a kobold/v1alpha3 List named image-refs, and the format on stderr', () => {
      const outcome = runCli(['decode', join(EVENTS, 'distribution.json')]);
      assert.equal(outcome.status, 0, outcome.stderr);
      assert.equal(outcome.stdout, `apiVersion: kobold/v1alpha3\nkind: List\nmetadata:\n  name: image-refs\nitems:\n- "${APP}"\n- "${WORKER}"\n`);
      assert.equal(outcome.stderr, '# event: distribution, 2 image references\n');
    });

    it('--output lines, the payload from stdin', () => {
      const outcome = runCli(['decode', '--output', 'lines', '--event-format', 'quay', '-'], { input: payload('quay.json') });
      assert.equal(outcome.status, 0, outcome.stderr);
      assert.equal(outcome.stdout, 'quay.io/mynamespace/repository:1.2.0\nquay.io/mynamespace/repository:latest\n');
    });

    it('a payload without a push: an empty list and a warning, exit 0', () => {
      const outcome = runCli(['decode'], { input: payload('acr-chart-push.json') });
      assert.equal(outcome.status, 0);
      assert.equal(outcome.stdout, 'apiVersion: kobold/v1alpha3\nkind: List\nmetadata:\n  name: image-refs\nitems: []\n');
      assert.ok(outcome.stderr.includes('severity: warning'), outcome.stderr);
    });

    it('errors: the payload, and the arguments', () => {
      const cases: [string[], string, string][] = [
        [['decode'], '{"events": 1}', 'event payload on stdin: not of format distribution: events must be array'],
        [['decode', '--event-format', 'ecr'], payload('quay.json'), 'event payload on stdin: not of format ecr: detail-type is missing'],
        [['decode', '--output', 'yaml'], '', '--output "yaml" is not list or lines'],
        [['decode', '--write'], '', 'unknown option --write for decode; usage: image-ref-updater decode [--event-format NAME|auto] [--output list|lines] [FILE|-]'],
        [['decode', 'a.json', 'b.json'], '', 'decode reads one payload, got 2 files; usage: image-ref-updater decode [--event-format NAME|auto] [--output list|lines] [FILE|-]'],
        [['decode', '--event-format'], '', '--event-format needs a value; usage: image-ref-updater decode [--event-format NAME|auto] [--output list|lines] [FILE|-]'],
      ];
      for (const [args, input, error] of cases) {
        const outcome = runCli(args, { input });
        assert.equal(outcome.status, 1, args.join(' '));
        assert.equal(outcome.stdout, '');
        assert.equal(outcome.stderr, `image-ref-updater: ${error}\n`, args.join(' '));
      }
    });

    it("its List is a functionConfig for the function's other modes", () => {
      const list = runCli(['decode', join(EVENTS, 'distribution.json')]).stdout;
      writeFileSync(join(dir, 'refs.yaml'), list);
      const outcome = runCli(['refs.yaml', 'deploy.yaml'], { cwd: dir });
      assert.equal(outcome.status, 0, outcome.stderr);
      assert.equal(outcome.stdout, UPDATED);
    });

    it('kpt fn eval --fn-config takes its List', function () {
      if (!onPath('kpt')) skipWith(this, 'kpt is not on PATH');
      const pkg = join(dir, 'pkg');
      mkdirSync(pkg);
      writeFileSync(join(pkg, 'deploy.yaml'), DEPLOYMENT);
      const decoded = runCli(['decode', join(EVENTS, 'distribution.json')]);
      writeFileSync(join(dir, 'image-refs.yaml'), decoded.stdout);
      const outcome = run('kpt', ['fn', 'eval', pkg, '--exec', CLI, '--fn-config', join(dir, 'image-refs.yaml')]);
      assert.equal(outcome.status, 0, `${outcome.stdout}\n${outcome.stderr}`);
      const written = readFileSync(join(pkg, 'deploy.yaml'), 'utf8');
      assert.ok(written.includes(`image: ${APP} # kobold: tag: ^1; type: semver`), written);
      assert.ok(written.includes(`image: "${WORKER}" # kobold: tag: ~2; type: semver`), written);
      assert.ok(written.includes('image: docker.io/library/nginx:1.27.0 # kobold'), written);
    });
  });
});
