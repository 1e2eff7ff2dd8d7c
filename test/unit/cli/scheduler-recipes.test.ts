// The README's scheduler recipes, run as written: the GNU parallel one with Debian's `parallel`, and the Slurm array
// script once per task id (as Slurm would run it), each followed by merge, whose output must equal one run's.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { CLI, ensureBuiltCli, ROOT, runCli, tempDirectory } from './run-cli';

/** The code block that follows `<!-- recipe: NAME -->` in the README. */
function recipe(name: string): string {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const match = new RegExp(`<!-- recipe: ${name} -->\\n\`\`\`sh\\n([\\s\\S]*?)\\n\`\`\``).exec(readme);
  assert.ok(match, `the README has a recipe marked ${name}`);
  return match[1];
}

function parallelAvailable(): boolean {
  return spawnSync('parallel', ['--version'], { encoding: 'utf8' }).status === 0;
}

/** A folder holding corpus/ (the samples and fixture transcripts) and bin/alliance-lens, the built CLI. */
function workspace(): { root: string; env: NodeJS.ProcessEnv } {
  const root = tempDirectory({ 'bin/alliance-lens': `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n` });
  fs.chmodSync(path.join(root, 'bin', 'alliance-lens'), 0o755);
  fs.cpSync(path.join(ROOT, 'samples'), path.join(root, 'corpus', 'samples'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'transcripts'), path.join(root, 'corpus', 'fixtures'), { recursive: true });
  return { root, env: { ...process.env, PATH: `${path.join(root, 'bin')}${path.delimiter}${process.env.PATH ?? ''}` } };
}

function bash(script: string, root: string, env: NodeJS.ProcessEnv): void {
  const run = spawnSync('bash', ['-euo', 'pipefail', '-c', script], { cwd: root, env, encoding: 'utf8' });
  assert.strictEqual(run.status, 0, `the recipe failed:\n${script}\n${run.stderr}`);
}

function singleRun(root: string, args: string[]): string {
  const run = runCli(args, root);
  assert.strictEqual(run.status, 0, run.stderr);
  return run.stdout;
}

describe('README scheduler recipes (built dist/cli.js)', function () {
  this.timeout(180000);
  before(ensureBuiltCli);

  it('GNU parallel: the shards merge into the summary CSV and trends report of one run, byte for byte', function () {
    if (!parallelAvailable()) {
      // In CI (CI=true) the recipe must run: a missing `parallel` fails the test instead of passing it unchecked.
      if (process.env.CI === 'true') assert.fail('GNU parallel is not installed, so the README recipe cannot run (.ci/run installs parallel)');
      console.log('      NOT RUN: the GNU parallel recipe (parallel is not installed; apt-get install parallel)');
      this.skip();
    }
    const { root, env } = workspace();
    bash(recipe('gnu-parallel'), root, env);
    const shards = fs.readdirSync(path.join(root, 'shards'));
    assert.strictEqual(shards.length, 8, `one output per shard: ${shards.join(', ')}`);
    assert.strictEqual(fs.readFileSync(path.join(root, 'summary.csv'), 'utf8'), singleRun(root, ['analyze', 'corpus/', '--format', 'summary']));
    assert.strictEqual(fs.readFileSync(path.join(root, 'trends.html'), 'utf8'), singleRun(root, ['trends', 'corpus/', '--format', 'html']));
  });

  it('Slurm array: each task id analyses its share, and the shards merge into the summary CSV of one run', () => {
    const { root, env } = workspace();
    const script = recipe('slurm-array');
    assert.match(script, /^#SBATCH --array=/m);
    const count = 3;
    for (let task = 1; task <= count; task++) {
      bash(script, root, { ...env, SLURM_ARRAY_TASK_ID: String(task), SLURM_ARRAY_TASK_COUNT: String(count), SLURM_CPUS_PER_TASK: '1' });
    }
    assert.deepStrictEqual(fs.readdirSync(path.join(root, 'shards')).sort(), ['1.jsonl', '2.jsonl', '3.jsonl']);
    bash('alliance-lens merge shards/*.jsonl --format summary --out summary.csv', root, env);
    assert.strictEqual(fs.readFileSync(path.join(root, 'summary.csv'), 'utf8'), singleRun(root, ['analyze', 'corpus/', '--format', 'summary']));
  });
});
