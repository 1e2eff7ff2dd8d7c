// The architecture's arrows are enforced by eslint.config.mjs; these checks prove that a forbidden import actually
// fails `npm run lint` (and that the allowed ones pass, so the rules are not simply rejecting everything). ESLint
// lints the text from standard input as if it were the named file, so nothing is written into src/.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../../../..');
/** The no-restricted-imports messages ESLint reports for each source placed at its file, all linted in one child
 * process (loading ESLint and typescript-eslint takes seconds; loaded into mocha's process it would stay). */
function restrictedImports(cases: ReadonlyArray<readonly [file: string, source: string]>): string[][] {
  const script = `const { ESLint } = require('eslint');
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));
      const out = [];
      for (const [filePath, source] of cases) {
        const [result] = await eslint.lintText(source, { filePath });
        out.push(result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((error) => { console.error(error); process.exit(2); });`;
  const run = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, input: JSON.stringify(cases), encoding: 'utf8' });
  assert.strictEqual(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as string[][];
}

const COMPROMISE = "import nlp from 'compromise';\nexport const x = nlp;\n";
const CORE_AND_SHARED = "import { summaryModel } from '../../shared/protocol';\nimport { markdownReport } from '../../core/reports/markdown';\nexport const x = [summaryModel, markdownReport];\n";

const FORBIDDEN: Array<[string, string]> = [
  ['src/extension/probe.ts', "import { analyzeCommand } from '../cli/commands/analyze';\nexport const x = analyzeCommand;\n"],
  ['src/extension/summary/probe.ts', "import { render } from '../../webview/summary/render';\nexport const x = render;\n"],
  ['src/webview/probe.ts', "import { activate } from '../extension/extension';\nexport const x = activate;\n"],
  ['src/cli/probe.ts', "import { activate } from '../extension/extension';\nexport const x = activate;\n"],
  ['src/core/probe.ts', "import { summaryModel } from '../shared/protocol';\nexport const x = summaryModel;\n"],
  ...['src/core/transcript/probe.ts', 'src/core/summary/probe.ts', 'src/extension/probe.ts', 'src/cli/probe.ts', 'src/shared/probe.ts']
    .map((file): [string, string] => [file, COMPROMISE]),
];

const ALLOWED: Array<[string, string]> = [
  ['src/core/coding/probe.ts', COMPROMISE],
  ['src/core/analyzer.ts', COMPROMISE],
  ['src/extension/summary/probe.ts', CORE_AND_SHARED],
  ['src/webview/summary/probe.ts', CORE_AND_SHARED],
];

describe('import boundaries (eslint.config.mjs)', function () {
  this.timeout(60_000);
  let forbidden: string[][];
  let allowed: string[][];
  before(() => {
    const results = restrictedImports([...FORBIDDEN, ...ALLOWED]);
    forbidden = results.slice(0, FORBIDDEN.length);
    allowed = results.slice(FORBIDDEN.length);
  });

  it('refuses an import from one front end into another, and core importing any of them', () => {
    FORBIDDEN.slice(0, 5).forEach(([file, source], index) => assert.strictEqual(forbidden[index]!.length, 1, `${file}: ${source}`));
  });

  it('refuses compromise outside the nlp layer', () => {
    FORBIDDEN.slice(5).forEach(([file], index) => assert.match(forbidden[5 + index]!.join('\n'), /nlp layer/, file));
  });

  it('allows compromise in the nlp layer, and front ends importing core and the shared protocol', () => {
    ALLOWED.forEach(([file, source], index) => assert.deepStrictEqual(allowed[index], [], `${file}: ${source}`));
  });
});
