import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { parse } from 'yaml';
import { REPO, run, RunResult } from './process';

/** A step of a workflow job or of a composite action. */
export interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  with?: Record<string, string | boolean>;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
}

export interface ActionInput {
  description: string;
  required?: boolean;
  default?: string;
}

export interface Action {
  name: string;
  description: string;
  inputs: Record<string, ActionInput>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}

export const ACTION = parse(readFileSync(join(REPO, 'action.yml'), 'utf8')) as Action;

/** What `${{ ... }}` expressions may read: `inputs.x`, `steps.id.outputs.x`, `github.x`, `env.X`, `secrets.X`. */
export interface Expressions {
  inputs?: Record<string, string>;
  steps?: Record<string, Record<string, string>>;
  github?: Record<string, string>;
  env?: Record<string, string>;
  secrets?: Record<string, string>;
}

function lookup(expression: string, context: Expressions): string {
  const path = /^(inputs|github|env|secrets)\.([\w-]+)$|^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
  if (path === null) throw new Error(`unsupported expression: \${{ ${expression} }}`);
  const value = path[3] !== undefined ? context.steps?.[path[3]]?.[path[4]] : context[path[1] as 'inputs' | 'github' | 'env' | 'secrets']?.[path[2]];
  if (value === undefined) throw new Error(`\${{ ${expression} }} has no value here`);
  return value;
}

/** `text` with its `${{ ... }}` expressions replaced, as the runner does before a step runs. */
export function expand(text: string, context: Expressions): string {
  return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_match, expression: string) => lookup(expression, context));
}

/** Whether a step runs: no `if`, or `if: steps.ID.outputs.NAME != ''` (the only condition these files use). */
export function stepRuns(step: Step, context: Expressions): boolean {
  if (step.if === undefined) return true;
  const condition = /^(steps\.[\w-]+\.outputs\.[\w-]+) != ''$/.exec(step.if.trim());
  if (condition === null) throw new Error(`unsupported condition: ${step.if}`);
  return lookup(condition[1], context) !== '';
}

/** The outputs a step wrote to its GITHUB_OUTPUT file: `NAME=VALUE` lines and `NAME<<DELIMITER` blocks. */
export function readOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc === null) {
      const eq = line.indexOf('=');
      if (eq < 0) throw new Error(`not an output line: ${line}`);
      outputs[line.slice(0, eq)] = line.slice(eq + 1);
      continue;
    }
    const end = lines.indexOf(heredoc[2], i + 1);
    if (end < 0) throw new Error(`output ${heredoc[1]}: no closing ${heredoc[2]}`);
    outputs[heredoc[1]] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return outputs;
}

export interface StepRun extends Omit<RunResult, 'stdoutBytes'> {
  outputs: Record<string, string>;
}

/**
 * Runs a `run:` step the way a runner does: its script and env expanded, `bash --noprofile --norc
 * -eo pipefail` in the workspace, with GITHUB_WORKSPACE and a fresh GITHUB_OUTPUT file.
 */
export function runStep(step: Step, context: Expressions, workspace: string, env: NodeJS.ProcessEnv = {}): StepRun {
  if (step.run === undefined) throw new Error(`step ${step.id ?? step.name ?? step.uses} has no run`);
  if ((step.shell ?? 'bash') !== 'bash') throw new Error(`shell ${step.shell} is not bash`);
  const dir = mkdtempSync(join(tmpdir(), 'image-ref-updater-step-'));
  try {
    const script = join(dir, 'step.sh');
    const output = join(dir, 'output');
    writeFileSync(script, expand(step.run, context));
    writeFileSync(output, '');
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([name, value]) => [name, expand(value, context)]));
    const result = run('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd: workspace,
      env: { ...process.env, ...env, ...stepEnv, GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: output, GITHUB_ACTION_PATH: REPO, CI: 'true', GITHUB_ACTIONS: 'true' },
      timeout: 300_000,
    });
    return { ...result, outputs: readOutputs(readFileSync(output, 'utf8')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs action.yml's steps with these inputs (the others at their defaults) and returns its outputs. */
export function runAction(inputs: Record<string, string>, workspace: string): StepRun {
  for (const name of Object.keys(inputs)) if (!(name in ACTION.inputs)) throw new Error(`action.yml has no input ${name}`);
  const context: Expressions = { inputs: Object.fromEntries(Object.entries(ACTION.inputs).map(([name, input]) => [name, inputs[name] ?? input.default ?? ''])), steps: {} };
  const log = { status: 0 as number | null, stdout: '', stderr: '' };
  for (const step of ACTION.runs.steps) {
    const done = runStep(step, context, workspace);
    Object.assign(log, { status: done.status, stdout: log.stdout + done.stdout, stderr: log.stderr + done.stderr });
    if (step.id !== undefined) context.steps![step.id] = done.outputs;
    if (done.status !== 0) return { ...log, outputs: {} };
  }
  return { ...log, outputs: Object.fromEntries(Object.entries(ACTION.outputs).map(([name, output]) => [name, expand(output.value, context)])) };
}
