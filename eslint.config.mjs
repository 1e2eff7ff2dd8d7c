// ESLint flat config. It enforces the architecture's arrows, which point one way:
// - src/core (the engine) imports no front end, no `vscode` and no Node-only module, so it runs in the extension
//   host, a worker, a browser and the CLI alike;
// - the front ends (src/extension, src/webview, src/cli) import core and src/shared, never each other;
// - src/shared (what two front ends share: the Summary panel's protocol; the atomic file writer that the CLI and
//   the extension host both use, which is Node-only and so never imported by the webview) imports core at most;
// - only the nlp files import compromise: src/core/coding, src/core/analyzer.ts, the repair-move detector, the
//   de-identifier's entity finder (bundled apart, loaded only when its command runs), and the bench that measures
//   compromise itself. Anything else that imports it would pull ~300 KB into bundles that
//   must start fast.
// One no-restricted-imports entry per folder, because a later entry for the same file replaces an earlier one.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'worker_threads', 'http', 'https', 'net', 'dgram', 'crypto', 'util', 'url', 'stream', 'events'];

const COMPROMISE_IMPORTERS = [
  'src/core/coding/**/*.ts',
  'src/core/analyzer.ts',
  'src/core/summary/repair-moves.ts',
  'src/core/deidentify/entities.ts',
  'src/core/deidentify/lexicon.ts',
  'src/cli/bench/analysis-speed.ts',
];

const compromise = {
  group: ['compromise', 'compromise/*'],
  message: 'Only the nlp layer (src/core/coding, src/core/analyzer.ts, the repair-move detector, the de-identifier\'s entity finder) imports compromise.',
};
const frontEnd = (name) => ({
  group: [`**/${name}/**`, `**/${name}`],
  message: `Front ends import src/core and src/shared only, never another front end (here: src/${name}).`,
});
const vscodeOnlyInExtension = { name: 'vscode', message: 'Only src/extension talks to VS Code.' };

/** The import restrictions of one folder; `nlp` files may import compromise. */
function restrict(files, { paths = [], patterns = [], nlp = false }) {
  return {
    files,
    ...(nlp ? {} : { ignores: COMPROMISE_IMPORTERS }),
    rules: { 'no-restricted-imports': ['error', { paths, patterns: nlp ? patterns : [...patterns, compromise] }] },
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
  restrict(['src/core/**/*.ts'], { paths: [vscodeOnlyInExtension], patterns: corePatterns }),
  restrict(COMPROMISE_IMPORTERS.filter((glob) => glob.startsWith('src/core/')), { paths: [vscodeOnlyInExtension], patterns: corePatterns, nlp: true }),
  restrict(['src/shared/**/*.ts'], { paths: [vscodeOnlyInExtension], patterns: [frontEnd('extension'), frontEnd('cli'), frontEnd('webview')] }),
  restrict(['src/extension/**/*.ts'], { patterns: [frontEnd('cli'), frontEnd('webview')] }),
  restrict(['src/webview/**/*.ts'], { paths: [vscodeOnlyInExtension], patterns: [frontEnd('extension'), frontEnd('cli')] }),
  restrict(['src/cli/**/*.ts'], { paths: [vscodeOnlyInExtension], patterns: [frontEnd('extension'), frontEnd('webview')] }),
  restrict(['src/cli/bench/analysis-speed.ts'], { paths: [vscodeOnlyInExtension], patterns: [frontEnd('extension'), frontEnd('webview')], nlp: true }),
);
