import { strict as assert } from 'assert';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';
import { needImage, TEST_IMAGE } from '../support/docker';
import { ACTION, expand, Expressions, runAction, runStep, Step, stepRuns } from '../support/github-actions';
import { describeRun, REPO, run, TempDirs } from '../support/process';
import { DEPLOYMENT } from '../support/sample-package';
import { KPT_FN, PACKAGE_JSON } from '../support/package-files';

/** owner/name of this repository on GitHub, from kpt-fn.yaml's sourceURL. */
const ACTION_REPO = /^https:\/\/github\.com\/([^/]+\/[^/]+)\/tree\//.exec(KPT_FN.sourceURL)![1];
const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;
const NEW_REF = `my.org/amazing/app:v1.2.3@${DIGEST}`;

const OTHER = DEPLOYMENT.replace('name: app #', 'name: other #');
const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\n';

/** The Markdown table of the summary for these updated fields (file, field path), each from app:v1.0.0 to NEW_REF. */
function table(rows: [string, string][]): string {
  return ['| file | field | from | to |', '|---|---|---|---|', ...rows.map(([file, path]) => `| \`${file}\` | \`${path}\` | \`my.org/amazing/app:v1.0.0\` | \`${NEW_REF}\` |`)].join('\n');
}

describe('GitHub Action (action.yml)', function () {
  this.timeout(300_000);
  const temps = new TempDirs();
  after(() => temps.cleanup());

  /** A workspace with deploy/a.yaml and deploy/b.yaml (marked) and deploy/c.yaml (a ConfigMap without markers). */
  function workspace(): string {
    const dir = temps.make('workspace');
    mkdirSync(join(dir, 'deploy'));
    writeFileSync(join(dir, 'deploy', 'a.yaml'), DEPLOYMENT);
    writeFileSync(join(dir, 'deploy', 'b.yaml'), OTHER);
    writeFileSync(join(dir, 'deploy', 'c.yaml'), CONFIG_MAP);
    return dir;
  }

  function assertUnchanged(dir: string): void {
    assert.equal(readFileSync(join(dir, 'deploy', 'a.yaml'), 'utf8'), DEPLOYMENT);
    assert.equal(readFileSync(join(dir, 'deploy', 'b.yaml'), 'utf8'), OTHER);
    assert.equal(readFileSync(join(dir, 'deploy', 'c.yaml'), 'utf8'), CONFIG_MAP);
  }

  describe('its definition', () => {
    it('is a composite action with the inputs images, event, paths (default .) and image (default the released image)', () => {
      assert.equal(ACTION.runs.using, 'composite');
      assert.deepEqual(Object.keys(ACTION.inputs), ['images', 'event', 'paths', 'image']);
      assert.deepEqual(Object.values(ACTION.inputs).map((input) => [input.required, input.default]), [[false, ''], [false, ''], [false, '.'], [false, `${KPT_FN.image}:v${PACKAGE_JSON.version}`]]);
      for (const [name, input] of Object.entries(ACTION.inputs)) assert.ok(input.description.length > 20, `input ${name} has a description`);
    });

    it('has the outputs changed-files and summary, from its step', () => {
      assert.deepEqual(Object.entries(ACTION.outputs).map(([name, output]) => [name, output.value]), [
        ['changed-files', '${{ steps.update.outputs.changed-files }}'],
        ['summary', '${{ steps.update.outputs.summary }}'],
      ]);
    });

    it('passes inputs to its bash steps through env, never into the script text, and runs the image as the runner\'s uid on the workspace', () => {
      for (const step of ACTION.runs.steps) {
        assert.equal(step.shell, 'bash');
        assert.doesNotMatch(step.run ?? '', /\$\{\{/, 'an expression in a script is a script injection');
      }
      const script = ACTION.runs.steps.map((step) => step.run ?? '').join('\n');
      assert.match(script, /docker run --rm --network none -u "\$\(id -u\):\$\(id -g\)" -v "\$GITHUB_WORKSPACE:\/w" -w \/w /);
    });
  });

  describe('bad inputs (before any container runs)', () => {
    it('images and event together: an error, exit 1, nothing written', () => {
      const dir = workspace();
      writeFileSync(join(dir, 'event.json'), '{}');
      const result = runAction({ images: NEW_REF, event: 'event.json' }, dir);
      assert.equal(result.status, 1, describeRun('the action', result));
      assert.equal(result.stdout, '::error title=image-ref-updater::give images or event, not both\n');
      assertUnchanged(dir);
    });

    it('neither images nor event: an error that names both, exit 1', () => {
      const dir = workspace();
      const result = runAction({ images: ' \n' }, dir);
      assert.equal(result.status, 1, describeRun('the action', result));
      assert.equal(result.stdout, '::error title=image-ref-updater::give images (image references) or event (a webhook payload file)\n');
      assertUnchanged(dir);
    });
  });

  describe('on the image built here (SPEC §8 --image/--list/--write, §9 --event)', () => {
    beforeEach(function () {
      needImage(this);
    });

    it('images: rewrites the matching files in place; changed-files lists them, summary is a Markdown table', () => {
      const dir = workspace();
      const result = runAction({ images: `${NEW_REF}, docker.io/library/busybox:1.36.1`, paths: 'deploy', image: TEST_IMAGE }, dir);
      assert.equal(result.status, 0, describeRun('the action', result));
      assert.equal(readFileSync(join(dir, 'deploy', 'a.yaml'), 'utf8'), DEPLOYMENT.replace('my.org/amazing/app:v1.0.0', NEW_REF));
      assert.equal(readFileSync(join(dir, 'deploy', 'b.yaml'), 'utf8'), OTHER.replace('my.org/amazing/app:v1.0.0', NEW_REF));
      assert.equal(readFileSync(join(dir, 'deploy', 'c.yaml'), 'utf8'), CONFIG_MAP);
      assert.deepEqual(readdirSync(join(dir, 'deploy')).sort(), ['a.yaml', 'b.yaml', 'c.yaml']);
      assert.equal(result.outputs['changed-files'], 'deploy/a.yaml\ndeploy/b.yaml');
      const [first, ...rest] = result.outputs.summary.split('\n');
      assert.match(first, /^image-ref-updater: 2 fields updated in 2 files(, [^.]*)?\.$/);
      assert.equal(rest.join('\n'), `\n${table([['deploy/a.yaml', 'spec.template.spec.containers[0].image'], ['deploy/b.yaml', 'spec.template.spec.containers[0].image']])}`);
    });

    it('event: a registry payload outside the workspace (a CNCF distribution push), read with --event', () => {
      const dir = workspace();
      const payload = join(temps.make('event'), 'payload.json');
      const [repository, tag] = ['amazing/app', 'v1.2.3'];
      writeFileSync(payload, JSON.stringify({ events: [{ action: 'push', target: { mediaType: 'application/vnd.oci.image.index.v1+json', repository, tag, digest: DIGEST }, request: { host: 'my.org' } }] }));
      const result = runAction({ event: payload, image: TEST_IMAGE }, dir);
      assert.equal(result.status, 0, describeRun('the action', result));
      assert.equal(result.outputs['changed-files'], 'deploy/a.yaml\ndeploy/b.yaml');
      assert.equal(readFileSync(join(dir, 'deploy', 'a.yaml'), 'utf8'), DEPLOYMENT.replace('my.org/amazing/app:v1.0.0', NEW_REF));
      assert.match(result.stderr, /^# event: distribution, 1 image references?$/m);
    });

    it('nothing to change: no file touched, changed-files empty, the summary says so', () => {
      const dir = workspace();
      const result = runAction({ images: 'my.org/amazing/app:v2.0.0', image: TEST_IMAGE }, dir);
      assert.equal(result.status, 0, describeRun('the action', result));
      assertUnchanged(dir);
      assert.deepEqual(result.outputs, { 'changed-files': '', summary: 'image-ref-updater: no image reference changed.' });
    });
  });

  describe('fn-config-examples/ci/github-workflow.yaml: a release workflow that pushes the image and opens a pull request on the GitOps repository', () => {
    const workflow = parse(readFileSync(join(REPO, 'fn-config-examples', 'ci', 'github-workflow.yaml'), 'utf8')) as { env: Record<string, string>; jobs: Record<string, { steps: Step[] }> };
    const steps = Object.values(workflow.jobs)[0].steps;
    const OURS = `${ACTION_REPO}@v${PACKAGE_JSON.version}`;

    it('pushes with docker/build-push-action, checks out the GitOps repository, runs this Action with tag@digest, then peter-evans/create-pull-request with its summary', () => {
      assert.deepEqual(Object.keys(workflow.jobs).length, 1);
      assert.deepEqual(steps.map((step) => step.uses?.replace(/@.*$/, '') ?? 'run'), ['actions/checkout', 'docker/login-action', 'docker/build-push-action', 'actions/checkout', OURS.replace(/@.*/, ''), 'run', 'peter-evans/create-pull-request']);
      for (const step of steps) if (step.uses !== undefined && step.uses !== OURS) assert.match(step.uses, /^[\w-]+\/[\w-]+@v\d+$/, 'third-party actions at a major version');
      const [, login, push, gitops, update, , pr] = steps;
      assert.equal(login.with!.registry, workflow.env.IMAGE.split('/')[0]);
      assert.deepEqual([push.id, push.with!.push, push.with!.tags], ['push', true, '${{ env.IMAGE }}:${{ github.ref_name }}']);
      assert.equal(gitops.with!.path, 'gitops');
      assert.equal(update.uses, OURS);
      assert.equal(update.id, 'update');
      assert.deepEqual(update.with, { images: '${{ env.IMAGE }}:${{ github.ref_name }}@${{ steps.push.outputs.digest }}', paths: 'gitops/apps' });
      assert.equal(pr.if, "steps.update.outputs.changed-files != ''");
      assert.equal(pr.with!.path, 'gitops');
      assert.equal(pr.with!.body, '${{ steps.update.outputs.summary }}');
      assert.equal(pr.with!.token, gitops.with!.token, 'the pull request is opened with the token that checked out the GitOps repository');
    });

    it('its own steps (this Action, then the run step) on a GitOps checkout, with the image built here', function () {
      needImage(this);
      const dir = temps.make('runner');
      const apps = join(dir, 'gitops', 'apps');
      cpSync(join(REPO, 'fn-config-examples', 'ci', 'manifests'), apps, { recursive: true });
      const git = (...args: string[]) => {
        const result = run('git', ['-c', 'user.name=ci', '-c', 'user.email=ci@example.org', '-C', join(dir, 'gitops'), ...args]);
        assert.equal(result.status, 0, describeRun(`git ${args.join(' ')}`, result));
        return result.stdout;
      };
      git('init', '-q');
      git('add', '.');
      git('commit', '-q', '-m', 'manifests');
      const context: Expressions = { env: workflow.env, github: { ref_name: 'v1.2.3' }, steps: {} };
      const logs: string[] = [];
      for (const step of steps) {
        if (!stepRuns(step, context)) continue;
        if (step.uses === OURS) {
          const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([name, value]) => [name, expand(String(value), context)]));
          const result = runAction({ ...inputs, image: TEST_IMAGE }, dir);
          assert.equal(result.status, 0, describeRun('the action', result));
          context.steps![step.id!] = result.outputs;
        } else if (step.run !== undefined) {
          const result = runStep(step, context, dir);
          assert.equal(result.status, 0, describeRun(step.name ?? 'run', result));
          logs.push(result.stdout);
        } else if (step.id === 'push') {
          context.steps!.push = { digest: DIGEST }; // what docker/build-push-action reports
        }
      }
      const original = (name: string) => readFileSync(join(REPO, 'fn-config-examples', 'ci', 'manifests', name), 'utf8');
      assert.equal(readFileSync(join(apps, 'cronjob.yaml'), 'utf8'), original('cronjob.yaml').replace('my.org/amazing/app:v1.0.0', NEW_REF));
      assert.equal(readFileSync(join(apps, 'deployment.yaml'), 'utf8'), original('deployment.yaml').replace('my.org/amazing/app:v1.0.0', NEW_REF));
      assert.equal(context.steps!.update['changed-files'], 'gitops/apps/cronjob.yaml\ngitops/apps/deployment.yaml');
      assert.equal(context.steps!.update.summary.split('\n').slice(1).join('\n'), `\n${table([['gitops/apps/cronjob.yaml', 'spec.jobTemplate.spec.template.spec.containers[0].image'], ['gitops/apps/deployment.yaml', 'spec.template.spec.containers[0].image']])}`);
      assert.deepEqual(logs.map((log) => log.split('\n').filter((line) => line.includes('|')).map((line) => line.trim().replace(/\s+\|\s+/, ' | '))), [['apps/cronjob.yaml | 2 +-', 'apps/deployment.yaml | 2 +-']]);
    });
  });
});
