import { spawnSync } from 'child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join, posix, relative } from 'path';

/** One Dockerfile instruction: its keyword in upper case and the rest of its (joined) line. */
export interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

export interface Stage {
  index: number;
  name: string | undefined;
  from: string;
  instructions: Instruction[];
}

export interface Dockerfile {
  /** ARGs before the first FROM. */
  globalArgs: Instruction[];
  stages: Stage[];
}

/** Splits a Dockerfile into instructions: comments dropped (also inside continuations), `\` lines joined. */
export function parseInstructions(text: string): Instruction[] {
  const instructions: Instruction[] = [];
  let pending: { text: string; line: number } | undefined;
  text.split(/\r?\n/).forEach((raw, index) => {
    if (/^\s*#/.test(raw)) return;
    if (pending === undefined && raw.trim() === '') return;
    const continues = /\\\s*$/.test(raw);
    const part = continues ? raw.replace(/\\\s*$/, '') : raw;
    pending = pending === undefined ? { text: part, line: index + 1 } : { text: `${pending.text} ${part.trim()}`, line: pending.line };
    if (continues) return;
    const match = /^\s*(\S+)\s*(.*)$/.exec(pending.text);
    if (match) instructions.push({ keyword: match[1].toUpperCase(), args: match[2].trim(), line: pending.line });
    pending = undefined;
  });
  return instructions;
}

export function parseDockerfile(text: string): Dockerfile {
  const globalArgs: Instruction[] = [];
  const stages: Stage[] = [];
  for (const instruction of parseInstructions(text)) {
    if (instruction.keyword === 'FROM') {
      const words = instruction.args.split(/\s+/).filter((word) => !word.startsWith('--'));
      const name = words.length >= 3 && words[1].toUpperCase() === 'AS' ? words[2] : undefined;
      stages.push({ index: stages.length, name, from: words[0], instructions: [] });
    } else if (stages.length === 0) {
      if (instruction.keyword !== 'ARG') throw new Error(`line ${instruction.line}: ${instruction.keyword} before the first FROM`);
      globalArgs.push(instruction);
    } else {
      stages[stages.length - 1].instructions.push(instruction);
    }
  }
  return { globalArgs, stages };
}

export function instructionsOf(stage: Stage, keyword: string): Instruction[] {
  return stage.instructions.filter((instruction) => instruction.keyword === keyword);
}

/** Splits words the way the shell-like Dockerfile forms do: white space, "double" and 'single' quotes, `\` escapes. */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
      else if (char === '\\' && quote === '"' && i + 1 < text.length) word += text[++i];
      else word += char;
    } else if (/\s/.test(char)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (char === '"' || char === "'") {
      quote = char;
      word = word ?? '';
    } else if (char === '\\' && i + 1 < text.length) {
      word = (word ?? '') + text[++i];
    } else {
      word = (word ?? '') + char;
    }
  }
  if (quote !== undefined) throw new Error(`unterminated quote in: ${text}`);
  if (word !== undefined) words.push(word);
  return words;
}

/** `KEY=value ...` (ARG, ENV, LABEL) as a map; `ENV KEY value` and a bare `ARG KEY` too. */
export function keyValues(args: string): Map<string, string | undefined> {
  const words = splitWords(args);
  const pairs = new Map<string, string | undefined>();
  if (words.length === 2 && !words[0].includes('=')) {
    pairs.set(words[0], words[1]);
    return pairs;
  }
  for (const word of words) {
    const at = word.indexOf('=');
    if (at < 0) pairs.set(word, undefined);
    else pairs.set(word.slice(0, at), word.slice(at + 1));
  }
  return pairs;
}

/** Replaces `$VAR` and `${VAR}` with their values (unknown ones are left as they are). */
export function substitute(text: string, vars: ReadonlyMap<string, string | undefined>): string {
  return text.replace(/\$\{(\w+)\}|\$(\w+)/g, (whole, braced: string | undefined, bare: string | undefined) => vars.get(braced ?? bare ?? '') ?? whole);
}

export interface Copy {
  from: string | undefined;
  sources: string[];
  dest: string;
}

export function parseCopy(args: string): Copy {
  let rest = args.trim();
  let from: string | undefined;
  for (let flag = /^--(\w+)(?:=(\S+))?\s+/.exec(rest); flag; flag = /^--(\w+)(?:=(\S+))?\s+/.exec(rest)) {
    if (flag[1] === 'from') from = flag[2];
    else if (!['chown', 'chmod', 'link'].includes(flag[1])) throw new Error(`COPY --${flag[1]} is not supported by this replay`);
    rest = rest.slice(flag[0].length);
  }
  const words = rest.startsWith('[') ? (JSON.parse(rest) as string[]) : splitWords(rest);
  if (words.length < 2) throw new Error(`COPY needs a source and a destination: ${args}`);
  return { from, sources: words.slice(0, -1), dest: words[words.length - 1] };
}

/** The exec form of ENTRYPOINT/CMD as an array, or undefined for the shell form. */
export function execForm(args: string): string[] | undefined {
  if (!args.trim().startsWith('[')) return undefined;
  const parsed: unknown = JSON.parse(args);
  if (!Array.isArray(parsed) || !parsed.every((word) => typeof word === 'string')) throw new Error(`not a JSON array of strings: ${args}`);
  return parsed as string[];
}

/** The effective WORKDIR at the end of a stage (a relative WORKDIR is relative to the previous one). */
export function workdirOf(stage: Stage): string {
  return instructionsOf(stage, 'WORKDIR').reduce((dir, { args }) => posix.resolve(dir, args.trim()), '/');
}

// ---- .dockerignore -------------------------------------------------------------------------------

interface IgnoreRule {
  negated: boolean;
  pattern: RegExp;
}

function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i += 1) {
    const char = glob[i];
    if (char === '*' && glob[i + 1] === '*') {
      i += 1;
      if (glob[i + 1] === '/') {
        i += 1;
        source += '(?:.*/)?';
      } else {
        source += '.*';
      }
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** The rules of a .dockerignore: patterns relative to the context root, `!` re-includes, the last match wins. */
export function parseDockerignore(text: string): IgnoreRule[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const negated = line.startsWith('!');
      const glob = posix.normalize((negated ? line.slice(1) : line).trim()).replace(/^\/+/, '').replace(/\/+$/, '');
      return { negated, pattern: globToRegExp(glob) };
    });
}

/** Whether a context path (posix, relative) is left out: a pattern that matches a directory leaves out what is in it. */
export function isIgnored(rules: readonly IgnoreRule[], path: string): boolean {
  const parts = path.split('/');
  const prefixes = parts.map((_, index) => parts.slice(0, index + 1).join('/'));
  let ignored = false;
  for (const rule of rules) {
    if (prefixes.some((prefix) => rule.pattern.test(prefix))) ignored = !rule.negated;
  }
  return ignored;
}

// ---- replaying the stages --------------------------------------------------------------------------

export interface Replay {
  /** The root directory of each stage, by index and by name. */
  roots: Map<string, string>;
  /** The root of the final stage: the image's file system. */
  runtimeRoot: string;
  /** What the RUN lines printed, for failure messages. */
  log: string[];
}

function copyInto(source: string, dest: string, filter: (path: string) => boolean): void {
  cpSync(source, dest, { recursive: true, verbatimSymlinks: true, filter: (path) => filter(path) });
}

/** Where a path inside a stage lives on this machine. */
export function hostPath(root: string, containerPath: string): string {
  return join(root, posix.resolve('/', containerPath));
}

/**
 * Replays a Dockerfile without a Docker engine: each stage gets a directory standing for its root
 * file system; COPY copies from the build context (honouring .dockerignore) or from an earlier
 * stage's directory, WORKDIR/ENV/ARG are tracked, and RUN lines run under `sh -c` in the stage's
 * WORKDIR. The base images are not reproduced: a RUN line sees this machine's tools.
 */
export function replayDockerfile(dockerfile: Dockerfile, context: string, base: string, env: NodeJS.ProcessEnv): Replay {
  const ignoreFile = join(context, '.dockerignore');
  const rules = existsSync(ignoreFile) ? parseDockerignore(readFileSync(ignoreFile, 'utf8')) : [];
  const roots = new Map<string, string>();
  const log: string[] = [];
  const globalVars = new Map<string, string | undefined>();
  for (const { args } of dockerfile.globalArgs) for (const [key, value] of keyValues(args)) globalVars.set(key, value);
  let runtimeRoot = '';
  for (const stage of dockerfile.stages) {
    const root = join(base, `stage-${stage.index}${stage.name ? `-${stage.name}` : ''}`);
    mkdirSync(root, { recursive: true });
    roots.set(String(stage.index), root);
    if (stage.name) roots.set(stage.name, root);
    runtimeRoot = root;
    const vars = new Map(globalVars);
    const stageEnv: NodeJS.ProcessEnv = {};
    let workdir = '/';
    for (const instruction of stage.instructions) {
      const args = substitute(instruction.args, vars);
      switch (instruction.keyword) {
        case 'WORKDIR':
          workdir = posix.resolve(workdir, args);
          mkdirSync(hostPath(root, workdir), { recursive: true });
          break;
        case 'ARG':
        case 'ENV':
          for (const [key, value] of keyValues(args)) {
            vars.set(key, value ?? vars.get(key));
            if (instruction.keyword === 'ENV') stageEnv[key] = value;
          }
          break;
        case 'COPY': {
          const copy = parseCopy(args);
          const destPath = posix.resolve(workdir, copy.dest);
          const intoDir = copy.dest.endsWith('/') || copy.sources.length > 1;
          for (const source of copy.sources) {
            let sourcePath: string;
            let filter: (path: string) => boolean = () => true;
            if (copy.from === undefined) {
              const contextPath = posix.normalize(source).replace(/^\/+/, '');
              if (contextPath !== '.' && isIgnored(rules, contextPath)) throw new Error(`line ${instruction.line}: COPY ${source}: left out of the build context by .dockerignore`);
              sourcePath = join(context, contextPath);
              filter = (path) => {
                const rel = relative(context, path).split('\\').join('/');
                return rel === '' || !isIgnored(rules, rel);
              };
            } else {
              const fromRoot = roots.get(copy.from);
              if (fromRoot === undefined) throw new Error(`line ${instruction.line}: COPY --from=${copy.from}: no such earlier stage (images are not supported by this replay)`);
              sourcePath = hostPath(fromRoot, source);
            }
            if (!existsSync(sourcePath)) throw new Error(`line ${instruction.line}: COPY ${source}: not found`);
            const isDir = statSync(sourcePath).isDirectory();
            const target = isDir || !intoDir ? hostPath(root, destPath) : join(hostPath(root, destPath), posix.basename(source));
            mkdirSync(isDir ? target : dirname(target), { recursive: true });
            copyInto(sourcePath, target, filter);
          }
          break;
        }
        case 'RUN': {
          const argv = execForm(args) ?? ['sh', '-c', args];
          const result = spawnSync(argv[0], argv.slice(1), { cwd: hostPath(root, workdir), env: { ...env, ...stageEnv }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
          log.push(`$ ${args}\n${result.stdout ?? ''}${result.stderr ?? ''}`);
          if (result.status !== 0) throw new Error(`line ${instruction.line}: RUN ${args} exited ${result.status}\n${log[log.length - 1]}${result.error ? String(result.error) : ''}`);
          break;
        }
        case 'LABEL':
        case 'USER':
        case 'ENTRYPOINT':
        case 'CMD':
        case 'EXPOSE':
        case 'STOPSIGNAL':
          break;
        default:
          throw new Error(`line ${instruction.line}: ${instruction.keyword} is not supported by this replay`);
      }
    }
  }
  return { roots, runtimeRoot, log };
}

/** Every file under a directory, as sorted posix paths relative to it. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath ?? entry.path, entry.name)).split('\\').join('/'))
    .sort();
}
