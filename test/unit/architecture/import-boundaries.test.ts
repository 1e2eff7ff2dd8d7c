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
        out.push(result.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message));
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
  ...['src/core/transcript/probe.ts', 'src/core/summary/probe.ts', 'src/core/index.ts', 'src/extension/probe.ts', 'src/cli/probe.ts', 'src/shared/probe.ts']
    .map((file): [string, string] => [file, COMPROMISE]),
];

/** Value imports of the nlp layer from the model layer and from the editor's side: each would load compromise. */
const NLP_VALUE_IMPORTS: Array<[string, string]> = [
  ['src/core/index.ts', "export { Analyzer } from './analyzer';\n"],
  ['src/core/summary/index.ts', "import { findRepairMove } from '../coding/repair-moves';\nexport const x = findRepairMove;\n"],
  ['src/core/reports/probe.ts', "import { createCoder } from '../coding';\nexport const x = createCoder;\n"],
  ['src/core/annotations/probe.ts', "import { findEntities } from '../deidentify/entities';\nexport const x = findEntities;\n"],
  ['src/extension/engine/probe.ts', "import { Analyzer } from '../../core/engine';\nexport const x = Analyzer;\n"],
  ['src/webview/probe.ts', "import { compileRules } from '../core/coding/matcher';\nexport const x = compileRules;\n"],
];

const ALLOWED: Array<[string, string]> = [
  ['src/core/coding/probe.ts', COMPROMISE],
  ['src/core/analyzer.ts', COMPROMISE],
  ['src/core/deidentify/probe.ts', COMPROMISE],
  ['src/core/engine.ts', "export { Analyzer } from './analyzer';\n"],
  ['src/core/configuration/probe.ts', "import type { CoderOptions } from '../coding';\nexport type X = CoderOptions;\n"],
  ['src/extension/engine/probe.ts', "import type * as Core from '../../core/engine';\nexport type X = Core.Analyzer;\n"],
  ['src/extension/probe.ts', "import { codeName, topMoments } from '../core';\nexport const x = [codeName, topMoments];\n"],
  ['src/cli/probe.ts', "import { Analyzer } from '../core/analyzer';\nexport const x = Analyzer;\n"],
  ['src/extension/summary/probe.ts', CORE_AND_SHARED],
  ['src/webview/summary/probe.ts', CORE_AND_SHARED],
];

describe('import boundaries (eslint.config.mjs)', function () {
  this.timeout(60_000);
  let forbidden: string[][];
  let nlpValueImports: string[][];
  let allowed: string[][];
  before(() => {
    const results = restrictedImports([...FORBIDDEN, ...NLP_VALUE_IMPORTS, ...ALLOWED]);
    forbidden = results.slice(0, FORBIDDEN.length);
    nlpValueImports = results.slice(FORBIDDEN.length, FORBIDDEN.length + NLP_VALUE_IMPORTS.length);
    allowed = results.slice(FORBIDDEN.length + NLP_VALUE_IMPORTS.length);
  });

  it('refuses an import from one front end into another, and core importing any of them', () => {
    FORBIDDEN.slice(0, 5).forEach(([file, source], index) => assert.strictEqual(forbidden[index]!.length, 1, `${file}: ${source}`));
  });

  it('refuses compromise outside the nlp layer', () => {
    FORBIDDEN.slice(5).forEach(([file], index) => assert.match(forbidden[5 + index]!.join('\n'), /nlp layer/, file));
  });

  it('refuses a value import of the nlp layer from the model layer (the barrels included), the editor and the webview', () => {
    NLP_VALUE_IMPORTS.forEach(([file, source], index) => assert.match(nlpValueImports[index]!.join('\n'), /for types only/, `${file}: ${source}`));
  });

  it('allows compromise in the nlp layer, type imports of it, the model barrel anywhere, and the command line running the Analyzer', () => {
    ALLOWED.forEach(([file, source], index) => assert.deepStrictEqual(allowed[index], [], `${file}: ${source}`));
  });
});
