import { strict as assert } from 'assert';
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import { dirname, join, relative, resolve, sep } from 'path';
import * as ts from 'typescript';
import { TempDirs } from './support/process';

const SRC = resolve(__dirname, '..', 'src');

/**
 * The folders of src/ from the top down: a module may use modules of its own folder, of a folder
 * further down, or of another folder on its own level; never one further up. `files/` (in-place
 * mode) and `events/` (registry payloads) serve the CLI. `yaml/` is below all: the readers report
 * markers by a prefix their caller gives (yaml/marker-report.ts) and know nothing of what one means.
 */
const LEVELS: Readonly<Record<string, number>> = {
  cli: 0,
  files: 1,
  events: 1,
  krm: 2,
  update: 3,
  markers: 4,
  match: 4,
  output: 4,
  yaml: 5,
};

/** What every module may use, and what may use anything (the library entry): the files at the top of src/, and the generated validators. */
const SHARED_FOLDERS = new Set(['', 'generated']);

/** A module as a path below src/ with `/` separators, such as `match/decide.ts`. */
type ModuleName = string;

type ImportGraph = ReadonlyMap<ModuleName, readonly ModuleName[]>;

function folderOf(module: ModuleName): string {
  const slash = module.indexOf('/');
  return slash < 0 ? '' : module.slice(0, slash);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function moduleName(src: string, path: string): ModuleName {
  return relative(src, path).split(sep).join('/');
}

/** The file a relative import of `from` names, as TypeScript resolves it here (`.ts`, `.js` for generated code, or an index). */
function resolveImport(src: string, from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  const found = [`${base}.ts`, `${base}.js`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
  assert.ok(found, `${moduleName(src, from)} imports ${specifier}, which is no file in src/`);
  return found;
}

/** Every module of `src` with the modules it imports: `import`, `export ... from`, `require()` and `import()`, as TypeScript's own pre-processor finds them. */
function srcImportGraph(src = SRC): ImportGraph {
  const graph = new Map<ModuleName, ModuleName[]>();
  for (const file of sourceFiles(src)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const imports = importedFiles.filter(({ fileName }) => fileName.startsWith('.')).map(({ fileName }) => moduleName(src, resolveImport(src, file, fileName)));
    graph.set(moduleName(src, file), [...new Set(imports)]);
  }
  return graph;
}

/** One import cycle, as the modules along it with the first repeated at the end, or null when there is none. */
function findCycle(graph: ImportGraph): ModuleName[] | null {
  const done = new Set<ModuleName>();
  const path: ModuleName[] = [];
  const onPath = new Set<ModuleName>();
  const visit = (module: ModuleName): ModuleName[] | null => {
    if (onPath.has(module)) return [...path.slice(path.indexOf(module)), module];
    if (done.has(module)) return null;
    path.push(module);
    onPath.add(module);
    for (const imported of graph.get(module) ?? []) {
      const cycle = visit(imported);
      if (cycle !== null) return cycle;
    }
    path.pop();
    onPath.delete(module);
    done.add(module);
    return null;
  };
  for (const module of graph.keys()) {
    const cycle = visit(module);
    if (cycle !== null) return cycle;
  }
  return null;
}

/** The imports that go up the folder levels (`from -> to`), and the folders LEVELS does not place. */
function dependencyProblems(graph: ImportGraph): string[] {
  const problems = new Set<string>();
  const levelOf = (module: ModuleName): number | undefined => {
    const folder = folderOf(module);
    if (SHARED_FOLDERS.has(folder)) return undefined;
    if (!(folder in LEVELS)) problems.add(`src/${folder}/ has no place in LEVELS: say which folders it may use`);
    return LEVELS[folder];
  };
  for (const [module, imports] of graph) {
    const level = levelOf(module);
    for (const imported of imports) {
      const importedLevel = levelOf(imported);
      if (level !== undefined && importedLevel !== undefined && importedLevel < level) problems.add(`${module} -> ${imported} goes up from ${folderOf(module)}/ to ${folderOf(imported)}/`);
    }
  }
  return [...problems];
}

describe('dependencies of src/', () => {
  const graph = srcImportGraph();

  it('reads the imports of every module, require() and export-from included', () => {
    assert.ok(graph.get('index.ts')!.includes('update/stream.ts'));
    assert.ok(graph.get('match/schemes/index.ts')!.includes('match/schemes/semver.ts'), 'a require() counts');
    assert.ok(graph.get('match/schemes/index.ts')!.includes('match/schemes/scheme.ts'), 'an export ... from counts');
  });

  it('has no import cycle', () => {
    const cycle = findCycle(graph);
    assert.equal(cycle, null, `import cycle: ${cycle?.join(' -> ')}`);
  });

  it('points one way: cli -> files, events -> krm -> update -> markers, match, output -> yaml', () => {
    assert.deepEqual(dependencyProblems(graph), []);
  });

  describe('the checks, on a copy of src/ with one more module or import (what they are there to catch)', () => {
    const temps = new TempDirs();
    after(() => temps.cleanup());

    /** The import graph of a copy of src/ with `text` added at the end of each of `additions`' modules, created if new. */
    const graphWith = (additions: Record<ModuleName, string>): ImportGraph => {
      const copy = join(temps.make('src-copy'), 'src');
      cpSync(SRC, copy, { recursive: true });
      for (const [module, text] of Object.entries(additions)) {
        mkdirSync(dirname(join(copy, module)), { recursive: true });
        if (existsSync(join(copy, module))) appendFileSync(join(copy, module), text);
        else writeFileSync(join(copy, module), text);
      }
      return srcImportGraph(copy);
    };

    it('find the cycle that an import of the CLI from the splitter makes, through that import', () => {
      const cycle = findCycle(graphWith({ 'yaml/split.ts': "\nimport '../cli/main';\n" }));
      assert.ok(cycle !== null, 'a cycle is found');
      assert.equal(cycle[0], cycle[cycle.length - 1], `a cycle ends where it starts: ${cycle.join(' -> ')}`);
      const edges = cycle.slice(1).map((module, n) => `${cycle[n]} -> ${module}`);
      assert.ok(edges.includes('yaml/split.ts -> cli/main.ts'), `the cycle goes through the added import: ${cycle.join(' -> ')}`);
    });

    it('find an import that goes up, and a folder without a place, and nothing else', () => {
      assert.deepEqual(dependencyProblems(graphWith({ 'update/units.ts': "\nexport { runResourceList } from '../krm/resource-list';\n" })), [
        'update/units.ts -> krm/resource-list.ts goes up from update/ to krm/',
      ]);
      assert.deepEqual(dependencyProblems(graphWith({ 'plugins/x.ts': "import { lazy } from '../lazy';\nexport const x = lazy(() => 1);\n" })), [
        'src/plugins/ has no place in LEVELS: say which folders it may use',
      ]);
    });
  });
});
