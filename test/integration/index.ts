// The test index the extension host loads (extensionTestsPath). It runs every out/test/integration/**/*.test.js
// with mocha inside the host. Under the code-server harness (ALLIANCE_LENS_TEST_RESULTS set) it writes the mocha
// output and every result to that JSON file for the runner process to print and judge; under
// @vscode/test-electron it prints to the console and rejects on failure.
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export interface IntegrationResults {
  vscodeVersion: string;
  appName: string;
  done: boolean;
  stats: { suites: number; tests: number; passes: number; failures: number; pending: number; durationMs: number };
  failures: { title: string; error: string }[];
  pending: string[];
  /** The spec reporter's output. */
  output: string;
  /** Set when mocha itself could not load or run the suites. */
  error?: string;
}

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(full);
    return entry.name.endsWith('.test.js') ? [full] : [];
  }).sort();
}

function writeResults(file: string, results: IntegrationResults): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Written then renamed, so the runner never reads half a file.
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(results, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}

export async function run(): Promise<void> {
  const resultsFile = process.env.ALLIANCE_LENS_TEST_RESULTS;
  const lines: string[] = [];
  const Base = Mocha.reporters.Base;
  const originalConsoleLog = Base.consoleLog;
  if (resultsFile) {
    Base.consoleLog = (...args: unknown[]) => {
      lines.push(util.format(...args));
    };
  }
  const results: IntegrationResults = {
    vscodeVersion: vscode.version,
    appName: vscode.env.appName,
    done: false,
    stats: { suites: 0, tests: 0, passes: 0, failures: 0, pending: 0, durationMs: 0 },
    failures: [],
    pending: [],
    output: '',
  };
  // ALLIANCE_LENS_GREP runs only the tests whose full title matches, e.g. while working on one feature.
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: !resultsFile, timeout: 30_000, grep: process.env.ALLIANCE_LENS_GREP || undefined });
  try {
    // ALLIANCE_LENS_ONLY=deidentify,review runs only the files whose names contain one of the words (while working on them).
    const only = process.env.ALLIANCE_LENS_ONLY?.split(',').map((word) => word.trim()).filter(Boolean) ?? [];
    for (const file of testFiles(__dirname)) if (only.length === 0 || only.some((word) => path.basename(file).includes(word))) mocha.addFile(file);
    const started = Date.now();
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on('fail', (test, error: Error) => {
        results.failures.push({ title: test.fullTitle(), error: error?.stack ?? String(error) });
      });
      runner.on('pending', (test) => results.pending.push(test.fullTitle()));
      runner.on('end', () => {
        const stats = runner.stats;
        results.stats = {
          suites: stats?.suites ?? 0,
          tests: stats?.tests ?? 0,
          passes: stats?.passes ?? 0,
          failures: stats?.failures ?? 0,
          pending: stats?.pending ?? 0,
          durationMs: Date.now() - started,
        };
      });
    });
  } catch (error) {
    results.error = error instanceof Error ? error.stack ?? error.message : String(error);
  } finally {
    Base.consoleLog = originalConsoleLog;
  }
  results.output = lines.join('\n');
  results.done = true;
  if (resultsFile) {
    writeResults(resultsFile, results);
    return;
  }
  if (results.error) throw new Error(results.error);
  if (results.stats.failures > 0) throw new Error(`${results.stats.failures} integration test(s) failed.`);
}
