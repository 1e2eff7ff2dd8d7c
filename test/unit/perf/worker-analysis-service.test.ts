// The editor's worker-backed AnalysisService gives exactly the in-process analysis, keeps per-document caches in
// the worker, and falls back to in-process analysis when the worker cannot run.
import * as assert from 'assert';
import * as path from 'path';
import { analyzeTranscript } from '../../../src/core/analyzer';
import type { Analysis } from '../../../src/core/types';
import type { AnalysisService, DocumentText, EngineHelpers } from '../../../src/extension/engine/analysisService';
import { AnalysisCancelledError, AnalysisTimeoutError } from '../../../src/extension/engine/analysisService';
import { WorkerAnalysisService } from '../../../src/extension/engine/workerAnalysisService';
import { ensureBuiltCli, ROOT, tempDirectory } from '../cli/run-cli';

const WORKER = path.join(ROOT, 'dist', 'analysis.worker.js');
const TEXT = 'Therapist: What brings you in today?\nClient: My wife thinks I drink too much.\nTherapist: You should stop drinking tonight.\n';

/** Stands in for the in-process engine and records what reached it. */
class RecordingService implements AnalysisService {
  analysed: string[] = [];
  async analyze(document: DocumentText): Promise<Analysis> {
    this.analysed.push(document.key);
    return analyzeTranscript(document.text, { fileName: document.fileName });
  }
  helpers(): Promise<EngineHelpers> {
    throw new Error('not used');
  }
  configure(): void {}
  forget(): void {}
}

describe('WorkerAnalysisService', function () {
  this.timeout(120_000);
  before(() => ensureBuiltCli());

  it('analyses in the worker, with the same result as the engine in process', async () => {
    const fallback = new RecordingService();
    const service = new WorkerAnalysisService({ inProcess: fallback, workerFile: WORKER });
    try {
      const analysis = await service.analyze({ key: 'file:///a', fileName: 'a.transcript', text: TEXT });
      assert.deepStrictEqual(analysis, analyzeTranscript(TEXT, { fileName: 'a.transcript' }));
      const edited = TEXT.replace('tonight', 'this week');
      const again = await service.analyze({ key: 'file:///a', fileName: 'a.transcript', text: edited });
      assert.deepStrictEqual(again, analyzeTranscript(edited, { fileName: 'a.transcript' }));
      assert.deepStrictEqual(fallback.analysed, [], 'the in-process engine was used although the worker runs');
    } finally {
      service.dispose();
    }
  });

  it('applies a new configuration in the worker (a disabled rule stops firing)', async () => {
    const service = new WorkerAnalysisService({ inProcess: new RecordingService(), workerFile: WORKER });
    try {
      const before = await service.analyze({ key: 'k', fileName: 'a', text: TEXT });
      const rule = before.utterances[2].findings.find((finding) => finding.stance === 'directive')?.rule;
      assert.ok(rule, 'no directive finding to disable');
      service.configure({ userRuleFiles: [], disabledRules: [rule] });
      const after = await service.analyze({ key: 'k', fileName: 'a', text: TEXT });
      assert.ok(!after.utterances[2].findings.some((finding) => finding.rule === rule));
    } finally {
      service.dispose();
    }
  });

  it('gives hovers and the panel their helpers without loading the engine in this thread', async () => {
    const service = new WorkerAnalysisService({ inProcess: new RecordingService(), workerFile: WORKER });
    try {
      const analysis = await service.analyze({ key: 'k', fileName: 'a', text: TEXT });
      const finding = analysis.utterances[2].findings[0];
      assert.ok(finding, 'no finding to describe');
      const helpers = await service.helpers();
      assert.strictEqual(helpers.describeRule(finding.rule)?.message, finding.message);
      assert.strictEqual(helpers.describeRule(finding.rule)?.code, finding.code);
      assert.strictEqual(helpers.codeName('directive.command'), 'Command');
      assert.deepStrictEqual(helpers.ruleErrors, []);
      service.configure({ userRuleFiles: [{ path: 'rules.json', text: '[{"id": "Not An Id"}]' }], disabledRules: [] });
      const broken = await service.helpers();
      assert.ok(broken.ruleErrors.length > 0 && broken.ruleErrors.every((error) => error.path === 'rules.json'), JSON.stringify(broken.ruleErrors));
    } finally {
      service.dispose();
    }
  });

  it('fails the analysis the worker held when it dies, then analyses in process', async () => {
    const directory = tempDirectory({ 'dying.worker.js': 'require("worker_threads").parentPort.on("message", (m) => { if (m.type === "analyze") process.exit(4); });\n' });
    const fallback = new RecordingService();
    const service = new WorkerAnalysisService({ inProcess: fallback, workerFile: path.join(directory, 'dying.worker.js') });
    try {
      await assert.rejects(service.analyze({ key: 'k', fileName: 'a', text: TEXT }), /analysis worker stopped \(exit code 4\)/);
      const analysis = await service.analyze({ key: 'k', fileName: 'a', text: TEXT });
      assert.strictEqual(analysis.utterances.length, 3);
      assert.deepStrictEqual(fallback.analysed, ['k']);
    } finally {
      service.dispose();
    }
  });

  /** A stand-in worker: 'HANG' never returns; anything else answers at once with every text it was given so far. */
  const FAKE_WORKER = `const { parentPort } = require('worker_threads');
const seen = [];
parentPort.on('message', (m) => {
  if (m.type !== 'analyze') return;
  seen.push(m.text);
  if (m.text === 'HANG') for (;;) {}
  parentPort.postMessage({ id: m.id, ok: true, analysis: { file: m.fileName, seen: [...seen] }, rules: [] });
});
`;
  const seenBy = (analysis: Analysis) => (analysis as unknown as { seen: string[] }).seen;

  it('stops an analysis that runs past its budget, says which, and analyses the next document in a fresh worker', async () => {
    const directory = tempDirectory({ 'fake.worker.js': FAKE_WORKER });
    const fallback = new RecordingService();
    const service = new WorkerAnalysisService({ inProcess: fallback, workerFile: path.join(directory, 'fake.worker.js'), budgetMs: 500 });
    try {
      const stuck = service.analyze({ key: 'a', fileName: 'stuck.transcript', text: 'HANG' });
      const after = service.analyze({ key: 'b', fileName: 'b.transcript', text: 'fine' });
      await assert.rejects(stuck, (error: unknown) => error instanceof AnalysisTimeoutError && /stuck\.transcript took longer than/.test(error.message));
      // Queued behind the stuck one, it ran in a new worker (which has seen nothing else) and not in process.
      assert.deepStrictEqual(seenBy(await after), ['fine']);
      assert.deepStrictEqual(fallback.analysed, []);
    } finally {
      service.dispose();
    }
  });

  it('a newer analysis of a document cancels its older ones: a waiting one never reaches the worker', async () => {
    const directory = tempDirectory({ 'fake.worker.js': FAKE_WORKER });
    const service = new WorkerAnalysisService({ inProcess: new RecordingService(), workerFile: path.join(directory, 'fake.worker.js') });
    try {
      const running = service.analyze({ key: 'a', fileName: 'a', text: 'a1' });
      const other = service.analyze({ key: 'b', fileName: 'b', text: 'b1' });
      const waiting = service.analyze({ key: 'a', fileName: 'a', text: 'a2' });
      const latest = service.analyze({ key: 'a', fileName: 'a', text: 'a3' });
      await assert.rejects(running, AnalysisCancelledError);
      await assert.rejects(waiting, AnalysisCancelledError);
      assert.deepStrictEqual(seenBy(await other), ['a1', 'b1']);
      assert.deepStrictEqual(seenBy(await latest), ['a1', 'b1', 'a3']);
    } finally {
      service.dispose();
    }
  });
});
