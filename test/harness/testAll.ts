// `npm test`: build, type check, lint, then the unit, integration and e2e suites, each printed as it runs. Every
// step runs even when an earlier one failed (except after a failed build), so one run shows every problem; the
// closing line totals the mocha counts for CI.
import { spawn } from 'child_process';
import { repoRoot } from './paths';
import { printClosingLine } from './report';
import { ensureSystemRequirements } from './systemRequirements';

interface Step {
  name: string;
  command: string;
  args: string[];
  /** Nothing after it can run when it fails. */
  essential?: boolean;
}

interface StepResult {
  step: Step;
  exitCode: number;
  seconds: number;
  passing: number;
  failing: number;
  pending: number;
}

/** A hung step (a test blocking mocha's event loop, a stuck browser) fails the run instead of stalling CI. */
const STEP_TIMEOUT_MS = Number(process.env.ALLIANCE_LENS_STEP_TIMEOUT_MS) || 20 * 60_000;

const bin = (tool: string) => `${repoRoot}/node_modules/.bin/${tool}`;

const STEPS: Step[] = [
  { name: 'build', command: process.execPath, args: ['esbuild.js'], essential: true },
  { name: 'typecheck', command: bin('tsc'), args: ['--noEmit'] },
  { name: 'lint', command: bin('eslint'), args: ['src', 'test'] },
  { name: 'unit', command: bin('mocha'), args: ['--config', 'test/unit/.mocharc.json'] },
  { name: 'integration', command: process.execPath, args: ['out/test/harness/integration.js'] },
  { name: 'e2e', command: process.execPath, args: ['out/test/e2e/run.js'] },
];

/** Sums mocha's epilogue lines ("12 passing (3s)", "1 failing", "2 pending") in a step's output. */
function mochaCounts(output: string): { passing: number; failing: number; pending: number } {
  const count = (word: string) =>
    [...output.matchAll(new RegExp(`^\\s*(\\d+) ${word}\\b`, 'gm'))].reduce((sum, match) => sum + Number(match[1]), 0);
  return { passing: count('passing'), failing: count('failing'), pending: count('pending') };
}

function runStep(step: Step): Promise<StepResult> {
  console.log(`\n=== ${step.name}: ${[step.command === process.execPath ? 'node' : step.command.replace(`${repoRoot}/`, ''), ...step.args].join(' ')}`);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    // SIGTERM lets the harness runners end their code-server and browser; SIGKILL follows for anything deaf to it.
    const timer = setTimeout(() => {
      console.error(`\n${step.name}: no result after ${STEP_TIMEOUT_MS / 1000} s (ALLIANCE_LENS_STEP_TIMEOUT_MS); stopping it (pid ${child.pid}).`);
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    }, STEP_TIMEOUT_MS);
    const finish = (exitCode: number) => {
      clearTimeout(timer);
      resolve({ step, exitCode, seconds: (Date.now() - started) / 1000, ...mochaCounts(output) });
    };
    child.on('error', (error) => {
      console.error(`${step.name}: could not start: ${error.message}`);
      finish(127);
    });
    child.on('close', (code, signal) => finish(code ?? (signal ? 128 : 1)));
  });
}

async function main(): Promise<number> {
  // Before the first step: a missing system package should stop the run now, not after minutes of building.
  try {
    ensureSystemRequirements('test');
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
  const results: StepResult[] = [];
  for (const step of STEPS) {
    const result = await runStep(step);
    results.push(result);
    if (result.exitCode !== 0 && step.essential) break;
  }
  console.log('\n=== summary');
  for (const { step, exitCode, seconds, passing, failing, pending } of results) {
    const counts = passing + failing + pending > 0 ? `  ${passing} passing, ${failing} failing, ${pending} pending` : '';
    console.log(`${exitCode === 0 ? 'ok  ' : 'FAIL'} ${step.name.padEnd(12)} ${seconds.toFixed(1).padStart(6)} s${counts}`);
  }
  for (const step of STEPS.slice(results.length)) console.log(`SKIP ${step.name.padEnd(12)} (not run: ${results[results.length - 1].step.name} failed)`);
  const passed = results.reduce((sum, result) => sum + result.passing, 0);
  // A failed step that reported no failing test (build, types, lint, a crashed runner) still counts as a failure.
  const failed = results.reduce((sum, result) => sum + result.failing + result.pending + (result.exitCode !== 0 && result.failing === 0 ? 1 : 0), 0)
    + (STEPS.length - results.length);
  printClosingLine('total', passed, failed);
  return results.every((result) => result.exitCode === 0) && results.length === STEPS.length ? 0 : 1;
}

main().then((code) => process.exit(code), (error) => {
  console.error(error);
  process.exit(1);
});
