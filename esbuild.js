// Builds every bundle of Alliance Lens. Shape follows the official esbuild sample for VS Code extensions:
// one context per entry, a problem-matcher plugin so `npm run watch` reports errors VS Code understands,
// `--production` minifies, `--watch` keeps rebuilding. `--tests` bundles the mocha suites into out/test.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');
/** `--outdir=DIR` writes the product bundles under DIR instead of dist/ (the bench measures minified sizes there). */
const outRoot = (process.argv.find((arg) => arg.startsWith('--outdir=')) ?? '').slice('--outdir='.length);

/** Prints errors in the `✘ [ERROR] …` + `file:line:col:` shape the $esbuild-watch problem matcher expects. */
const esbuildProblemMatcherPlugin = {
  name: 'esbuild-problem-matcher',
  setup(build) {
    build.onStart(() => {
      if (watch) console.log('[watch] build started');
    });
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      if (watch) console.log('[watch] build finished');
    });
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'silent',
  // Word lists shipped as plain text by their packages (the de-identifier's name lexicon) are bundled as strings.
  loader: { '.txt': 'text' },
  plugins: [esbuildProblemMatcherPlugin],
};

/** Every .ts file below `dir` whose name passes `accept`. */
function listFiles(dir, accept) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(full, accept);
    return accept(entry.name) ? [full] : [];
  });
}

function productEntries() {
  const webviewEntries = listFiles('src/webview', (name) => /^[a-z-]+\.ts$/.test(name) && !name.endsWith('.d.ts'))
    .filter((file) => path.dirname(file) === path.join('src', 'webview'));
  return [
    { entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', external: ['vscode'] },
    { entryPoints: ['src/core/engine.ts'], outfile: 'dist/core.js', platform: 'neutral', format: 'cjs', mainFields: ['main', 'module'] },
    // The de-identifier (compromise and a name lexicon), loaded by the editor only when its command runs.
    { entryPoints: ['src/core/deidentify/index.ts'], outfile: 'dist/deidentify.js', platform: 'neutral', format: 'cjs', mainFields: ['main', 'module'] },
    // The editor's analysis worker; it loads dist/core.js at run time, so it bundles no engine of its own.
    { entryPoints: ['src/extension/engine/analysis.worker.ts'], outfile: 'dist/analysis.worker.js', platform: 'node', format: 'cjs' },
    { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', banner: { js: '#!/usr/bin/env node' } },
    ...(listFiles('src/cli', (name) => name.endsWith('.worker.ts')).map((file) => ({
      entryPoints: [file], outfile: path.join('dist', path.basename(file, '.ts') + '.js'), platform: 'node', format: 'cjs',
    }))),
    ...(webviewEntries.length
      ? [{ entryPoints: webviewEntries, outdir: 'dist/webview', platform: 'browser', format: 'iife' }]
      : []),
  ];
}

function testEntries() {
  const suites = listFiles('test', (name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
    .filter((file) => !file.startsWith(path.join('test', 'fixtures')));
  // Tests run from out/test; vscode is provided by the extension host, playwright by node_modules.
  return [{ entryPoints: suites, outdir: 'out/test', outbase: 'test', platform: 'node', format: 'cjs', external: ['vscode', 'playwright-core', 'mocha'], metafile: true }];
}

/**
 * The runners pick up every *.test.js / *.e2e.js in out/test, so a bundle whose source was deleted must not linger.
 * Only files this build did not write are removed (never the whole folder: another run may be reading it).
 */
function removeStaleTestBundles(results) {
  const written = new Set(results.flatMap((result) => Object.keys(result.metafile.outputs)).map((file) => path.resolve(file)));
  for (const file of listFiles('out/test', () => true)) {
    if (!written.has(path.resolve(file))) fs.rmSync(file, { force: true });
  }
}

function relocated(entry) {
  if (!outRoot) return entry;
  const move = (target) => path.join(outRoot, path.relative('dist', target));
  return { ...entry, ...(entry.outfile ? { outfile: move(entry.outfile) } : {}), ...(entry.outdir ? { outdir: move(entry.outdir) } : {}) };
}

async function main() {
  const entries = tests ? testEntries() : productEntries().map(relocated);
  const contexts = await Promise.all(entries.map((entry) => esbuild.context({ ...common, ...entry })));
  if (watch) {
    await Promise.all(contexts.map((ctx) => ctx.watch()));
    return;
  }
  const results = await Promise.all(contexts.map((ctx) => ctx.rebuild().finally(() => ctx.dispose())));
  if (results.some((result) => result.errors.length > 0)) process.exit(1);
  if (tests) removeStaleTestBundles(results);
  if (!tests) {
    const cli = 'dist/cli.js';
    if (fs.existsSync(cli)) fs.chmodSync(cli, 0o755);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
