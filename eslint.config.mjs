// ESLint flat config. The one architectural rule it enforces: src/core and src/webview never import `vscode`,
// and src/core never imports Node-only modules, so the engine runs in the extension host, a worker, a browser
// and the CLI alike.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'worker_threads', 'http', 'https', 'net', 'dgram', 'crypto', 'util', 'url', 'stream', 'events'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-results/**', '.vscode-test/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'src/core and src/webview must not import vscode: only src/extension talks to VS Code.' }],
        patterns: [
          { group: ['**/extension/**', '**/cli/**'], message: 'The engine must not depend on a front end.' },
          { group: nodeBuiltins.flatMap((m) => [m, `node:${m}`]), message: 'src/core must stay free of Node-only APIs.' },
        ],
      }],
    },
  },
);
