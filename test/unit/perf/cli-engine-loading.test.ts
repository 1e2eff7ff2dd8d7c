// `analyze --jobs N` must not load compromise in its main thread (it would raise peak memory with 2 jobs): the main thread
// only hands files to workers, and each worker loads its own engine. In the bundle esbuild makes, a module is
// evaluated at start-up when a chain of static imports reaches it from the entry point; a dynamic import() delays it
// until that code runs. So the check is on the import graph: which modules each entry reaches by static imports.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { commands } from '../../../src/cli/commands';

const ROOT = path.resolve(__dirname, '../../../..');

type ImportGraph = Record<string, { path: string; kind: string }[]>;

/** The import graph of the files bundled from these entry points, from esbuild's metafile. */
function importGraph(entryPoints: string[]): ImportGraph {
  // esbuild runs in a child process: loaded into mocha's process, its service would keep mocha from exiting.
  const script = `const { metafile } = require('esbuild').buildSync({ entryPoints: ${JSON.stringify(entryPoints)}, bundle: true,
    platform: 'node', format: 'cjs', write: false, metafile: true, outdir: 'graph', logLevel: 'silent' });
    process.stdout.write(JSON.stringify(Object.fromEntries(Object.entries(metafile.inputs).map(([file, input]) => [file, input.imports]))));`;
  const run = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.strictEqual(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as ImportGraph;
}

/** Every module evaluated as soon as `entry` is: those its static imports reach, transitively. */
function loadedWith(graph: ImportGraph, entry: string): Set<string> {
  const seen = new Set<string>([entry]);
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    for (const edge of graph[file] ?? []) {
      if (edge.kind === 'dynamic-import' || seen.has(edge.path)) continue;
      seen.add(edge.path);
      pending.push(edge.path);
    }
  }
  return seen;
}

const isCompromise = (file: string) => file.startsWith('node_modules/compromise/');

describe('the command line loads compromise only where it analyses', function () {
  this.timeout(60_000);
  let graph: ImportGraph;
  before(() => {
    graph = importGraph(['src/cli/main.ts', 'src/cli/analyze.worker.ts']);
  });

  it('loads the engine in the analyze worker (otherwise the checks below would prove nothing)', () => {
    const worker = loadedWith(graph, 'src/cli/analyze.worker.ts');
    assert.ok([...worker].some(isCompromise), 'the worker reaches no compromise module: the graph is not what this test assumes');
    assert.ok(worker.has('src/core/analyzer.ts'));
  });

  for (const [label, entry] of [
    ['at start-up (every command)', 'src/cli/main.ts'],
    ['with the analyze command, which uses the engine only for --jobs 1', 'src/cli/commands/analyze.ts'],
    ['with the bench command, so its corpus run measures the memory of analyze --jobs N', 'src/cli/commands/bench.ts'],
  ]) {
    it(`does not load compromise ${label}`, () => {
      assert.ok(graph[entry], `${entry} is not in the bundle`);
      assert.deepStrictEqual([...loadedWith(graph, entry)].filter(isCompromise), []);
    });
  }

  it('lists every command under the name it answers to', async () => {
    const loaded = await Promise.all(commands.map((entry) => entry.load()));
    assert.deepStrictEqual(loaded.map((command) => command.name), commands.map((entry) => entry.name));
  });
});
