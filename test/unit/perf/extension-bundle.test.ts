// activate() must not load compromise: the engine reaches the extension host only through dist/core.js,
// loaded on the first analysis. A static import of the coding engine anywhere in the extension's import graph would
// put compromise (about 300 KB minified) into dist/extension.js and parse it at start-up.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../../../..');

describe('dist/extension.js bundle', function () {
  this.timeout(60_000);

  it('contains neither compromise nor the coding engine', () => {
    // esbuild runs in a child process: loaded into mocha's process, its service would keep mocha from exiting.
    const script = `const { metafile } = require('esbuild').buildSync({ entryPoints: ['src/extension/extension.ts'], bundle: true,
      minify: true, platform: 'node', format: 'cjs', external: ['vscode'], write: false, metafile: true, outfile: 'extension.js',
      logLevel: 'silent' }); const used = Object.entries(metafile.outputs['extension.js'].inputs);
      process.stdout.write(JSON.stringify(used.filter(([, input]) => input.bytesInOutput > 0).map(([name]) => name)));`;
    const run = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
    assert.strictEqual(run.status, 0, run.stderr);
    // The files that put code into the bundle (a file imported only for types or tree-shaken away puts none).
    const inputs = JSON.parse(run.stdout) as string[];
    assert.ok(inputs.some((input) => input.startsWith('src/extension/')), 'the metafile lists no extension sources: the check would be vacuous');
    assert.deepStrictEqual(inputs.filter((input) => input.includes('node_modules/compromise') || input === 'src/core/coding/matcher.ts'), []);
  });

  it('the model barrels (core/index.ts, core/summary/index.ts) reach no compromise; the library entry does', () => {
    const script = `const inputsOf = (entry) => Object.keys(require('esbuild').buildSync({ entryPoints: [entry], bundle: true,
      platform: 'neutral', format: 'cjs', mainFields: ['main', 'module'], write: false, metafile: true, outfile: 'x.js', logLevel: 'silent' }).metafile.inputs);
      process.stdout.write(JSON.stringify(['src/core/index.ts', 'src/core/summary/index.ts', 'src/core/engine.ts'].map(inputsOf)));`;
    const run = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
    assert.strictEqual(run.status, 0, run.stderr);
    const [model, summary, engine] = (JSON.parse(run.stdout) as string[][]).map((inputs) => inputs.filter((input) => input.includes('node_modules/compromise')));
    assert.ok(engine!.length > 0, 'the library entry reaches no compromise: the check would be vacuous');
    assert.deepStrictEqual([model, summary], [[], []]);
  });

  it('stays within 250 KB minified, so the extension host parses little at start-up', () => {
    // The full zod build alone was ~450 KB of the bundle; zod/mini, for what reaches the host, is ~30 KB.
    const script = `const { outputFiles } = require('esbuild').buildSync({ entryPoints: ['src/extension/extension.ts'], bundle: true,
      minify: true, platform: 'node', format: 'cjs', external: ['vscode'], write: false, outfile: 'extension.js', logLevel: 'silent' });
      process.stdout.write(String(outputFiles[0].contents.length));`;
    const run = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
    assert.strictEqual(run.status, 0, run.stderr);
    const bytes = Number(run.stdout);
    assert.ok(bytes > 10_000, `a ${bytes}-byte bundle cannot be the extension: the check would be vacuous`);
    assert.ok(bytes <= 250 * 1024, `dist/extension.js is ${Math.round(bytes / 1024)} KB minified, over the 250 KB budget`);
  });
});

