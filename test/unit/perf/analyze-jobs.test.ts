// `analyze --jobs N`: worker threads give exactly the output of one thread, in input order, and a worker that
// dies fails only its own job with a message.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { automaticJobCount, defaultJobCount, runAnalysisJobs, WORKER_THRESHOLD_BYTES } from '../../../src/cli/jobs/pool';
import { progressReporter } from '../../../src/cli/jobs/progress';
import { AnalyzerCache, runJob } from '../../../src/cli/jobs/run-job';
import { Analyzer } from '../../../src/core/analyzer';
import { ensureBuiltCli, ROOT, runCli, tempDirectory } from '../cli/run-cli';

const INPUTS = [path.join(ROOT, 'samples'), path.join(ROOT, 'test', 'fixtures', 'transcripts')];

describe('alliance-lens analyze --jobs (built dist/cli.js)', function () {
  this.timeout(180_000);
  before(() => ensureBuiltCli());

  for (const format of ['json', 'csv', 'table']) {
    it(`prints the same ${format} output and warnings with --jobs 3 as with --jobs 1`, () => {
      const one = runCli(['analyze', ...INPUTS, '--format', format, '--jobs', '1']);
      const three = runCli(['analyze', ...INPUTS, '--format', format, '--jobs', '3']);
      assert.strictEqual(one.status, 0, one.stderr);
      assert.ok(one.stdout.length > 1000, 'the single-thread run printed almost nothing: the comparison would be vacuous');
      assert.strictEqual(three.status, one.status);
      assert.strictEqual(three.stdout, one.stdout);
      assert.strictEqual(three.stderr, one.stderr);
    });
  }

  it('keeps input order and reports unreadable files in place with several jobs', () => {
    const directory = tempDirectory({
      'a.txt': 'T: How are you?\nC: Fine.\n',
      'b.txt': Buffer.from([0x54, 0x3a, 0x00, 0x01]),
      'c.txt': 'T: You should stop.\nC: No.\n',
    });
    const run = runCli(['analyze', directory, '--format', 'json', '--jobs', '2']);
    assert.strictEqual(run.status, 1);
    assert.deepStrictEqual((JSON.parse(run.stdout) as { file: string }[]).map((analysis) => path.basename(analysis.file)), ['a.txt', 'c.txt']);
    assert.match(run.stderr, /refused .*b\.txt: it contains NUL bytes/);
  });

  it('refuses a --jobs that is not a whole number of at least 1', () => {
    for (const jobs of ['0', '-2', '1.5', 'many']) {
      const run = runCli(['analyze', INPUTS[0], `--jobs=${jobs}`]);
      assert.strictEqual(run.status, 2, jobs);
      assert.match(run.stderr, /--jobs needs a whole number of at least 1/);
    }
  });
});

describe('runAnalysisJobs', function () {
  this.timeout(60_000);

  it('fails only the jobs whose worker died, with a message, and does not hang', async () => {
    const directory = tempDirectory({ 'dying.worker.js': 'require("worker_threads").parentPort.on("message", () => process.exit(3));\n' });
    const jobs = ['one', 'two', 'three'].map((name) => ({ kind: 'text' as const, text: 'T: Hi.\nC: Hello.\n', fileName: name }));
    const results = await runAnalysisJobs(jobs, { jobs: 2, workerFile: path.join(directory, 'dying.worker.js') });
    assert.deepStrictEqual(results.map((result) => (result.ok ? 'ok' : result.error)), [
      'cannot analyse one: its worker stopped (exit code 3)',
      'cannot analyse two: its worker stopped (exit code 3)',
      'cannot analyse three: its worker stopped (exit code 3)',
    ]);
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it('runs in this thread with one job slot, in order', async () => {
    const jobs = ['T: What brings you in?\nC: My wife.\n', 'T: You must stop.\nC: No.\n'].map((text, index) => ({ kind: 'text' as const, text, fileName: `s${index}` }));
    const seen: number[] = [];
    const results = await runAnalysisJobs(jobs, { jobs: 1, onProgress: (done) => seen.push(done), workerFile: '/nonexistent/worker.js' });
    assert.deepStrictEqual(results.map((result) => result.ok && result.analysis.file), ['s0', 's1']);
    assert.deepStrictEqual(seen, [1, 2]);
  });
});

describe('automaticJobCount', () => {
  it('uses one thread for a little text and every core for a lot', () => {
    const directory = tempDirectory({ 'small.txt': 'T: Hi.\nC: Hello.\n', 'large.txt': 'T: Hi.\n'.repeat(WORKER_THRESHOLD_BYTES / 7 + 1) });
    assert.strictEqual(automaticJobCount([path.join(directory, 'small.txt'), path.join(directory, 'missing.txt')]), 1);
    assert.strictEqual(automaticJobCount([path.join(directory, 'small.txt'), path.join(directory, 'large.txt')]), defaultJobCount());
    fs.rmSync(directory, { recursive: true, force: true });
  });
});

describe('progressReporter', () => {
  function recorder(isTTY: boolean) {
    const written: string[] = [];
    let clock = 0;
    const reporter = progressReporter({ write: (text) => written.push(text), isTTY }, 'analyze', () => clock);
    return { written, reporter, advance: (ms: number) => { clock += ms; } };
  }

  it('says nothing on a short run', () => {
    for (const isTTY of [true, false]) {
      const { written, reporter, advance } = recorder(isTTY);
      for (let done = 1; done <= 10; done++) {
        advance(100);
        reporter.update(done, 10);
      }
      reporter.finish();
      assert.deepStrictEqual(written, []);
    }
  });

  it('counts up on one terminal line after two seconds, then clears it', () => {
    const { written, reporter, advance } = recorder(true);
    advance(2500);
    reporter.update(3, 10);
    advance(50);
    reporter.update(4, 10);
    advance(300);
    reporter.update(10, 10);
    reporter.finish();
    assert.deepStrictEqual(written, ['\ranalyze: 3/10 files analysed', '\ranalyze: 10/10 files analysed', '\r\x1b[K']);
  });

  it('writes a whole line every half minute when standard error is not a terminal', () => {
    const { written, reporter, advance } = recorder(false);
    advance(31_000);
    reporter.update(40, 133);
    advance(1_000);
    reporter.update(41, 133);
    reporter.finish();
    assert.deepStrictEqual(written, ['analyze: 40/133 files analysed\n']);
  });
});

describe('cache groups (the bench\'s passes over one corpus)', () => {
  it('codes a text afresh in another cache group, and from the cache in the same one', () => {
    const analyzers = new AnalyzerCache(Analyzer);
    const text = 'T: What would you like to change first?\nC: Probably the late nights.\n';
    const job = (cacheGroup: number) => ({ kind: 'text' as const, text, fileName: 'pass.transcript', cacheGroup });
    runJob(job(0), analyzers);
    runJob(job(0), analyzers);
    assert.strictEqual(analyzers.for({}, 0).lastCodedCount, 0);
    runJob(job(1), analyzers);
    assert.strictEqual(analyzers.for({}, 1).lastCodedCount, 2);
  });
});
