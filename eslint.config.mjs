// ESLint flat config. It enforces the architecture's arrows, which point one way:
// - src/core (the engine) imports no front end, no `vscode` and no Node-only module, so it runs in the extension
//   host, a worker, a browser and the CLI alike;
// - the front ends (src/extension, src/webview, src/cli) import core and src/shared, never each other;
// - src/shared (what two front ends share: the Summary panel's protocol; the atomic file writer that the CLI and
//   the extension host both use, which is Node-only and so never imported by the webview) imports core at most;
// - src/core has two layers. The nlp layer is the automated coder (src/core/coding: matcher, coder, rules, the
//   repair-move detector), the Analyzer (src/core/analyzer.ts), the library entry that exports it
//   (src/core/engine.ts, built to dist/core.js) and the de-identifier (src/core/deidentify, bundled apart). It is
//   the only place that imports compromise (~300 KB minified), and with the bench that measures compromise itself.
//   Everything else in core is the model layer (types, transcript, summary, annotations, reports, trends,
//   configuration; barrels src/core/index.ts and src/core/summary/index.ts): it imports nothing from the nlp layer
//   but types, so a front end that needs models never loads compromise. The editor and the webview import the nlp
//   layer for types only (the editor loads dist/core.js at run time, in its analysis worker).
// One no-restricted-imports entry per folder, because a later entry for the same file replaces an earlier one.
// The rule is typescript-eslint's, which can allow type-only imports.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'worker_threads', 'http', 'https', 'net', 'dgram', 'crypto', 'util', 'url', 'stream', 'events'];

const NLP_LAYER = [
  'src/core/coding/**/*.ts',
  'src/core/analyzer.ts',
  'src/core/engine.ts',
  'src/core/deidentify/**/*.ts',
];
const COMPROMISE_BENCH = 'src/cli/bench/analysis-speed.ts';

const compromise = {
  group: ['compromise', 'compromise/*'],
  message: 'Only the nlp layer (src/core/coding, src/core/analyzer.ts, src/core/engine.ts, src/core/deidentify) imports compromise.',
};
/** The nlp layer's modules, and the de-identifier's modules that reach compromise. */
const NLP_MODULE = '(analyzer|engine|coding(/[^/]+)*|deidentify(/(index|entities|lexicon|names|detect|transcript))?)$';
const nlpFrom = (where, regex) => ({
  regex,
  allowTypeImports: true,
  message: `${where} imports the nlp layer (the Analyzer, src/core/coding, the de-identifier's engine) for types only: a value import would load compromise.`,
});
/** From a model file in core: './analyzer', '../coding/matcher', '../deidentify/entities'… */
const nlpFromModel = nlpFrom('The model layer', `^(\\.{1,2}/)+${NLP_MODULE}`);
/** From a front end: '../../core/analyzer', '../core/coding'… */
const nlpFromFrontEnd = nlpFrom('This front end', `^(\\.{1,2}/)+core/${NLP_MODULE}`);
const frontEnd = (name) => ({
  group: [`**/${name}/**`, `**/${name}`],
  message: `Front ends import src/core and src/shared only, never another front end (here: src/${name}).`,
});
const vscodeOnlyInExtension = { name: 'vscode', message: 'Only src/extension talks to VS Code.' };

/** The import restrictions of the files that match `files` (and not `ignores`). */
function restrict(files, { paths = [], patterns = [], ignores }) {
  return {
    files,
    ...(ignores ? { ignores } : {}),
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns }] },
  };
}

const corePatterns = [
  { group: ['**/extension/**', '**/cli/**', '**/webview/**', '**/shared/**'], message: 'The engine must not depend on a front end.' },
  { group: nodeBuiltins.flatMap((m) => [m, `node:${m}`]), message: 'src/core must stay free of Node-only APIs.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-results/**', '.vscode-test/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  restrict(['src/core/**/*.ts'], { ignores: NLP_LAYER, paths: [vscodeOnlyInExtension], patterns: [...corePatterns, compromise, nlpFromModel] }),
  restrict(NLP_LAYER, { paths: [vscodeOnlyInExtension], patterns: corePatterns }),
  restrict(['src/shared/**/*.ts'], { paths: [vscodeOnlyInExtension], patterns: [frontEnd('extension'), frontEnd('cli'), frontEnd('webview'), compromise, nlpFromFrontEnd] }),
  restrict(['src/extension/**/*.ts'], { patterns: [frontEnd('cli'), frontEnd('webview'), compromise, nlpFromFrontEnd] }),
  restrict(['src/webview/**/*.ts'], { paths: [vscodeOnlyInExtension], patterns: [frontEnd('extension'), frontEnd('cli'), compromise, nlpFromFrontEnd] }),
  // The command line runs the engine in its own process; which modules load with which command is checked on the
  // bundle's import graph (test/unit/perf/cli-engine-loading.test.ts), since lint cannot see dynamic import().
  restrict(['src/cli/**/*.ts'], { ignores: [COMPROMISE_BENCH], paths: [vscodeOnlyInExtension], patterns: [frontEnd('extension'), frontEnd('webview'), compromise] }),
  restrict([COMPROMISE_BENCH], { paths: [vscodeOnlyInExtension], patterns: [frontEnd('extension'), frontEnd('webview')] }),
);
