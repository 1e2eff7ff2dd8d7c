// `npm run test:e2e`: runs every out/test/e2e/*.e2e.js with mocha in this Node process. Each scenario drives a
// real workbench through the helper in test/harness/workbench.ts and saves its screenshots under test-results/.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import { ensureCodeServer } from '../harness/install';
import { printClosingLine } from '../harness/report';
import { runCleanups } from '../harness/processes';

const SCENARIO_TIMEOUT_MS = Number(process.env.ALLIANCE_LENS_E2E_TIMEOUT_MS) || 180_000;

function allTests(suite: Mocha.Suite): Mocha.Test[] {
  return [...suite.tests, ...suite.suites.flatMap(allTests)];
}

async function main(): Promise<number> {
  // Installed before mocha starts, so a first-run install never counts against a scenario's timeout.
  const install = await ensureCodeServer();
  console.log(`VS Code ${install.vscodeVersion} (code-server, headless Chromium): end-to-end scenarios`);
  // ALLIANCE_LENS_ONLY=review,deidentify runs only the scenarios whose names contain one of the words.
  const only = process.env.ALLIANCE_LENS_ONLY?.split(',').map((word) => word.trim()).filter(Boolean) ?? [];
  const scenarios = fs.readdirSync(__dirname).filter((name) => name.endsWith('.e2e.js') && (only.length === 0 || only.some((word) => name.includes(word)))).sort();
  if (!scenarios.length) {
    console.error(`No e2e scenario (*.e2e.js) in ${__dirname}: run \`node esbuild.js --tests\` first.`);
    return 1;
  }
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: SCENARIO_TIMEOUT_MS });
  for (const scenario of scenarios) mocha.addFile(path.join(__dirname, scenario));
  // Loading first (which also stops run() from loading again) lets the check below see every file's tests.
  await mocha.loadFilesAsync();
  // A scenario file that defines no mocha test would otherwise pass silently.
  const withTests = new Set(allTests(mocha.suite).map((test) => test.file && path.basename(test.file)));
  const silent = scenarios.filter((scenario) => !withTests.has(scenario));
  if (silent.length) {
    console.error(`These e2e files define no mocha test (describe/it): ${silent.join(', ')}`);
    return 1;
  }
  const stats = await new Promise<Mocha.Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats!));
  });
  printClosingLine('e2e', stats.passes, stats.failures + stats.pending);
  if (stats.tests === 0) {
    console.error('No e2e test ran.');
    return 1;
  }
  if (stats.pending > 0) console.error(`${stats.pending} e2e test(s) were skipped; skipped tests do not count as passing.`);
  return stats.failures + stats.pending > 0 ? 1 : 0;
}

main()
  .catch((error) => {
    console.error(`e2e FAILED: ${error instanceof Error ? error.message : error}`);
    return 1;
  })
  .then(async (code) => {
    await runCleanups();
    process.exit(code);
  });
