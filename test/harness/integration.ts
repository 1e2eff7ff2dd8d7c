// `npm run test:integration`: runs test/integration's mocha suites inside the extension host of a real VS Code
// (code-server, driven by headless Chromium), then prints their output and judges the results.
import * as fs from 'fs';
import * as path from 'path';
import type { IntegrationResults } from '../integration/index';
import { launchBrowser, RunningBrowser } from './browser';
import { RunningCodeServer, startCodeServer } from './codeServer';
import { integrationIndex, samplesDir, testResultsDir } from './paths';
import { runCleanups } from './processes';
import { printClosingLine } from './report';
import { ensureSystemRequirements } from './systemRequirements';

const TIMEOUT_MS = Number(process.env.ALLIANCE_LENS_INTEGRATION_TIMEOUT_MS) || 10 * 60_000;

function readResults(file: string): IntegrationResults | undefined {
  if (!fs.existsSync(file)) return undefined;
  const results = JSON.parse(fs.readFileSync(file, 'utf8')) as IntegrationResults;
  return results.done ? results : undefined;
}

async function waitForResults(file: string, server: RunningCodeServer): Promise<IntegrationResults> {
  const deadline = Date.now() + TIMEOUT_MS;
  let hostExitSeen: number | undefined;
  for (;;) {
    const results = readResults(file);
    if (results) return results;
    if (server.hasExited()) throw new Error('code-server exited before the integration tests reported their results.');
    // A crashed extension host never reports: fail soon after code-server logs its exit instead of at the timeout.
    if (hostExitSeen === undefined && /Extension Host Process exited/.test(server.logTail(400))) hostExitSeen = Date.now();
    if (hostExitSeen !== undefined && Date.now() - hostExitSeen > 5_000) {
      throw new Error('The extension host exited without reporting integration results (crash, or process.exit in a test?).');
    }
    if (Date.now() > deadline) {
      throw new Error(`No integration results after ${TIMEOUT_MS / 1000} s (ALLIANCE_LENS_INTEGRATION_TIMEOUT_MS): the extension host did not finish the suites. Log: ${server.logFile}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Why these results fail the run, or undefined when they pass. */
function verdict(results: IntegrationResults): string | undefined {
  if (results.error) return `mocha could not run the suites:\n${results.error}`;
  if (results.stats.tests === 0) return 'no integration test ran (expected out/test/integration/**/*.test.js).';
  if (results.stats.failures > 0) return `${results.stats.failures} integration test(s) failed.`;
  if (results.stats.pending > 0) return `${results.stats.pending} integration test(s) were skipped; skipped tests do not count as passing:\n  ${results.pending.join('\n  ')}`;
  return undefined;
}

async function main(): Promise<number> {
  ensureSystemRequirements('test');
  if (!fs.existsSync(integrationIndex)) throw new Error(`${integrationIndex} is missing: run \`node esbuild.js --tests\` first.`);
  const resultsFile = path.join(testResultsDir, 'integration-results.json');
  fs.rmSync(resultsFile, { force: true });

  let server: RunningCodeServer | undefined;
  let browser: RunningBrowser | undefined;
  try {
    // Most suites edit transcripts on purpose; the review-mode suite turns the read-only default back on itself.
    server = await startCodeServer({ name: 'integration', env: { ALLIANCE_LENS_TEST_RESULTS: resultsFile }, settings: { 'allianceLens.review.readOnly': false } });
    const running = server;
    console.log(`VS Code ${running.vscodeVersion} (code-server on 127.0.0.1:${running.port}), running test/integration inside its extension host…`);
    browser = await launchBrowser();
    await browser.page.goto(running.workbenchUrl({ folder: samplesDir, extensionTestsPath: integrationIndex }));
    const results = await waitForResults(resultsFile, running);
    console.log(results.output);
    console.log(`VS Code ${results.vscodeVersion} (${results.appName})`);
    printClosingLine('integration', results.stats.passes, results.stats.failures + results.stats.pending);
    const problem = verdict(results);
    if (problem) {
      console.error(`\nIntegration tests FAILED: ${problem}\n--- code-server log tail (${running.logFile}) ---\n${running.logTail()}`);
      return 1;
    }
    return 0;
  } catch (error) {
    console.error(`\nIntegration tests FAILED: ${(error as Error).message}`);
    if (server) console.error(`--- code-server log tail (${server.logFile}) ---\n${server.logTail()}`);
    if (browser?.consoleErrors.length) console.error(`--- browser console errors ---\n${browser.consoleErrors.slice(-20).join('\n')}`);
    return 1;
  } finally {
    await browser?.close();
    await server?.stop();
    await runCleanups();
  }
}

main().then((code) => process.exit(code), (error) => {
  console.error(error);
  void runCleanups().finally(() => process.exit(1));
});
