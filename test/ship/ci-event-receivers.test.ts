/**
 * fn-config-examples/ci/: the Tekton Trigger and the Argo Events Sensor that receive a registry's
 * webhook and hand its body to `image-ref-updater --event -`. Their manifests are checked for how
 * their parts refer to each other, and their commands are run as the cluster would run them (the
 * parameters substituted, a local bare repository as the GitOps remote, `npx` running the built
 * CLI) on the sample payload.
 */
import { strict as assert } from 'assert';
import { cpSync, readFileSync } from 'fs';
import { join } from 'path';
import { parseAllDocuments } from 'yaml';
import { EVENT_FIXTURES } from '../support/events';
import { describeRun, ensureBuilt, npxOnPath, onPath, pathWith, REPO, run, RunResult, skipWith, TempDirs } from '../support/process';

const CI = join(REPO, 'fn-config-examples', 'ci');
const PAYLOAD = readFileSync(join(CI, 'registry-push.json'), 'utf8');
const PUSHED = 'my.org/amazing/app:v1.2.3@sha256:6c3c624b58dbbcd3c0dd82b4c53f04194d1247c6eebdaab7c610cf7d66709b3b';

/** A parsed manifest, read field by field as the test walks it. */
type Manifest = Record<string, any>;

function manifests(file: string): Manifest[] {
  return parseAllDocuments(readFileSync(join(CI, file), 'utf8')).map((document) => document.toJS() as Manifest);
}

function byKind(documents: readonly Manifest[], kind: string): Manifest {
  const found = documents.find((document) => document.kind === kind);
  assert.ok(found, `no ${kind}`);
  return found;
}

/** The manifests as the example's GitOps repository: a bare remote with them on `main`. */
function gitopsRemote(temps: TempDirs): string {
  const work = temps.make('gitops-work');
  cpSync(join(CI, 'manifests'), join(work, 'manifests'), { recursive: true });
  const git = (args: string[], cwd = work): void => {
    const result = run('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd });
    assert.equal(result.status, 0, describeRun(`git ${args.join(' ')}`, result));
  };
  git(['init', '-q', '-b', 'main']);
  git(['add', '.']);
  git(['commit', '-qm', 'manifests']);
  const remote = join(temps.make('gitops-remote'), 'gitops.git');
  git(['clone', '-q', '--bare', work, remote]);
  return remote;
}

/** A file on the remote's `main`. */
function remoteFile(remote: string, path: string): string {
  const result = run('git', ['--git-dir', remote, 'show', `main:${path}`]);
  assert.equal(result.status, 0, describeRun('git show', result));
  return result.stdout;
}

function assertPushedImages(remote: string): void {
  const original = (file: string): string => readFileSync(join(CI, 'manifests', file), 'utf8');
  assert.equal(remoteFile(remote, 'manifests/deployment.yaml'), original('deployment.yaml').replace('image: my.org/amazing/app:v1.0.0 #', `image: ${PUSHED} #`));
  assert.equal(remoteFile(remote, 'manifests/cronjob.yaml'), original('cronjob.yaml').replace('image: my.org/amazing/app:v1.0.0 #', `image: ${PUSHED} #`));
}

function commitCount(remote: string): number {
  return Number(run('git', ['--git-dir', remote, 'rev-list', '--count', 'main']).stdout.trim());
}

describe('fn-config-examples/ci: webhook receivers', function () {
  this.timeout(120_000);
  const temps = new TempDirs();

  before(() => ensureBuilt());
  beforeEach(function () {
    if (!onPath('git')) skipWith(this, 'git is not on PATH');
  });
  afterEach(() => temps.cleanup());

  describe('tekton-trigger.yaml', () => {
    const documents = manifests('tekton-trigger.yaml');
    const listener = byKind(documents, 'EventListener');
    const binding = byKind(documents, 'TriggerBinding');
    const template = byKind(documents, 'TriggerTemplate');
    const task = byKind(documents, 'Task');

    it('the EventListener binds the whole body and starts a TaskRun of the Task with it', () => {
      const trigger = listener.spec.triggers[0];
      assert.equal(trigger.bindings[0].ref, binding.metadata.name);
      assert.equal(trigger.template.ref, template.metadata.name);
      assert.deepEqual(binding.spec.params, [{ name: 'payload', value: '$(body)' }]);
      const taskRun = template.spec.resourcetemplates[0];
      assert.equal(taskRun.kind, 'TaskRun');
      assert.equal(taskRun.spec.taskRef.name, task.metadata.name);
      const taskParams = task.spec.params.map((param: Manifest) => param.name);
      for (const param of taskRun.spec.params) {
        assert.ok(taskParams.includes(param.name), param.name);
        assert.equal(param.value, `$(tt.params.${param.name})`);
      }
    });

    /** Runs the Task's steps in order, as Tekton would with these parameters; stops at the first that fails. */
    function runTask(params: Record<string, string>, bin: string): RunResult[] {
      const workspace = temps.make('tekton-workspace');
      const values: Record<string, string> = { ...Object.fromEntries(task.spec.params.filter((p: Manifest) => 'default' in p).map((p: Manifest) => [p.name, p.default])), ...params };
      const substitute = (text: string): string =>
        text.replace(/\$\(params\.([\w-]+)\)/g, (_, name: string) => values[name]).replace(/\$\(workspaces\.source\.path\)/g, workspace);
      const results: RunResult[] = [];
      for (const step of task.spec.steps as Manifest[]) {
        const env = Object.fromEntries((step.env ?? []).map((variable: Manifest) => [variable.name, substitute(variable.value)]));
        const result = run('sh', ['-c', substitute(step.script)], { cwd: substitute(step.workingDir), env: { ...process.env, ...env, PATH: pathWith(bin) } });
        results.push(result);
        if (result.status !== 0) break;
      }
      return results;
    }

    it("its steps clone the repository, pipe the body to --event - for each manifest, and push the change", () => {
      const remote = gitopsRemote(temps);
      const { bin, log } = npxOnPath(temps.make('bin'));
      const results = runTask({ payload: PAYLOAD, 'repo-url': remote, revision: 'main' }, bin);
      assert.deepEqual(results.map((result) => result.status), [0, 0, 0], results.map((result) => describeRun('step', result)).join('\n'));
      assertPushedImages(remote);
      assert.deepEqual(readFileSync(log, 'utf8').trim().split('\n'), [
        '--yes --package=kobold-image-ref-updater@0.1.0 image-ref-updater --event - manifests/cronjob.yaml',
        '--yes --package=kobold-image-ref-updater@0.1.0 image-ref-updater --event - manifests/deployment.yaml',
      ]);
      assert.ok(results[1].stderr.includes('# event: distribution, 1 image reference\n'), results[1].stderr);
    });

    it('a payload of no known format fails the TaskRun and pushes nothing', () => {
      const remote = gitopsRemote(temps);
      const { bin } = npxOnPath(temps.make('bin'));
      const results = runTask({ payload: '{"zen": "Keep it logically awesome."}', 'repo-url': remote, revision: 'main' }, bin);
      assert.deepEqual(results.map((result) => result.status), [0, 1]);
      assert.ok(results[1].stderr.includes('no format recognises this JSON payload'), results[1].stderr);
      assert.equal(commitCount(remote), 1);
    });
  });

  describe('argo-events-sensor.yaml', () => {
    const documents = manifests('argo-events-sensor.yaml');
    const source = byKind(documents, 'EventSource');
    const sensor = byKind(documents, 'Sensor');
    const trigger = sensor.spec.triggers[0].template.k8s;
    const container = trigger.source.resource.spec.template.spec.containers[0];

    it("the Sensor depends on the EventSource's webhook and puts the event's body into the Job's EVENT_BODY", () => {
      const dependency = sensor.spec.dependencies[0];
      assert.equal(dependency.eventSourceName, source.metadata.name);
      assert.ok(dependency.eventName in source.spec.webhook, dependency.eventName);
      assert.deepEqual(trigger.parameters, [{ src: { dependencyName: dependency.name, dataKey: 'body' }, dest: 'spec.template.spec.containers.0.env.0.value' }]);
      assert.equal(container.env[0].name, 'EVENT_BODY');
    });

    /** Runs the Job's container command with the body in EVENT_BODY, and the remote in REPO_URL. */
    function runJob(body: string, remote: string, bin: string): RunResult {
      const env = Object.fromEntries(container.env.map((variable: Manifest) => [variable.name, variable.value]));
      const [command, ...args] = [...container.command, ...container.args];
      return run(command, args, { cwd: temps.make('job'), env: { ...process.env, ...env, EVENT_BODY: body, REPO_URL: remote, PATH: pathWith(bin) } });
    }

    it('its Job clones the repository, pipes the body to --event - for each manifest, and pushes the change', () => {
      const remote = gitopsRemote(temps);
      const { bin } = npxOnPath(temps.make('bin'));
      const result = runJob(PAYLOAD, remote, bin);
      assert.equal(result.status, 0, describeRun('the Job', result));
      assertPushedImages(remote);
    });

    it('a payload without a push: the Job succeeds and pushes nothing', () => {
      const remote = gitopsRemote(temps);
      const { bin } = npxOnPath(temps.make('bin'));
      const result = runJob(readFileSync(join(EVENT_FIXTURES, 'acr-chart-push.json'), 'utf8'), remote, bin);
      assert.equal(result.status, 0, describeRun('the Job', result));
      assert.ok(result.stderr.includes('announces no pushed image'), result.stderr);
      assert.equal(commitCount(remote), 1);
    });
  });
});
