// Analyses in a worker thread, so the extension host never runs a long synchronous analysis (no slice over 50 ms)
// and never loads compromise itself (about half a second of start-up). The worker starts on the first
// request, not at activation. Hovers and the panel get their helpers without the engine: code names and the summary
// helpers are small pure modules, and the worker describes every rule that fired with each analysis. If worker
// threads are unavailable or the worker dies, everything falls back to the in-process service rather than stopping.
import * as path from 'path';
import { Worker } from 'worker_threads';
import { codeName } from '../../core/coding/names';
// The small summary modules, not core/summary's index: that one reaches the rupture linker and so compromise, which
// must stay out of the extension bundle (activate() cost and bundle size).
import { ALLIANCE_INDEX_FORMULA, sessionIndexBreakdown } from '../../core/summary/alliance-index';
import { topMoments } from '../../core/summary/moments';
import type { Analysis, RuleDescription, RuleError } from '../../core';
import { InProcessAnalysisService, type AnalysisService, type DocumentText, type EngineConfiguration, type EngineHelpers, type PreliminaryListener } from './analysisService';
import type { WorkerAnswer, WorkerReply, WorkerRequest } from './analysisWorkerProtocol';

export const ANALYSIS_WORKER_FILE = path.join(__dirname, 'analysis.worker.js');

type Request = Extract<WorkerRequest, { id: number }>;
type RequestWithoutId = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;

interface Pending {
  resolve(answer: WorkerAnswer): void;
  reject(error: Error): void;
  onPreliminary?: PreliminaryListener;
}

export class WorkerAnalysisService implements AnalysisService {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();
  private configuration: EngineConfiguration = { userRuleFiles: [], disabledRules: [] };
  private workerBroken = false;
  /** Descriptions of the rules that fired in analyses under the current configuration. */
  private readonly rules = new Map<string, RuleDescription>();

  constructor(
    /** Takes over if the worker cannot run. */
    private readonly inProcess: AnalysisService = new InProcessAnalysisService(),
    private readonly workerFile: string = ANALYSIS_WORKER_FILE,
  ) {}

  private started(): Worker | undefined {
    if (this.worker || this.workerBroken) return this.worker;
    try {
      const worker = new Worker(this.workerFile);
      worker.on('message', (reply: WorkerReply) => this.settle(reply));
      worker.on('error', (error) => this.lose(worker, error.message));
      worker.on('exit', (code) => this.lose(worker, `the analysis worker stopped (exit code ${code})`));
      worker.unref();
      this.worker = worker;
      worker.postMessage({ type: 'configure', configuration: this.configuration } satisfies WorkerRequest);
    } catch {
      this.workerBroken = true;
    }
    return this.worker;
  }

  private ask(worker: Worker, request: RequestWithoutId, onPreliminary?: PreliminaryListener): Promise<WorkerAnswer> {
    const id = this.nextId++;
    return new Promise<WorkerAnswer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onPreliminary });
      worker.postMessage({ ...request, id });
    });
  }

  private settle(reply: WorkerReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    if ('preliminary' in reply) {
      pending.onPreliminary?.(reply.preliminary);
      return;
    }
    this.pending.delete(reply.id);
    if (reply.ok) pending.resolve(reply);
    else pending.reject(new Error(reply.message));
  }

  /** A dead worker fails what it held; later requests run in process (a worker that died once may die again). */
  private lose(worker: Worker, message: string): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.workerBroken = true;
    for (const pending of this.pending.values()) pending.reject(new Error(message));
    this.pending.clear();
  }

  async analyze(document: DocumentText, onPreliminary?: PreliminaryListener): Promise<Analysis> {
    const worker = this.started();
    if (!worker) return this.inProcess.analyze(document, onPreliminary);
    const { key, fileName, text, priorityRanges } = document;
    const answer = await this.ask(worker, { type: 'analyze', key, fileName, text, ...(priorityRanges ? { priorityRanges } : {}) }, onPreliminary);
    if (!('analysis' in answer)) throw new Error('the analysis worker answered the wrong question');
    for (const rule of answer.rules) this.rules.set(rule.id, rule);
    return answer.analysis;
  }

  async helpers(): Promise<EngineHelpers> {
    const worker = this.started();
    if (!worker) return this.inProcess.helpers();
    const answer = await this.ask(worker, { type: 'ruleErrors' });
    const ruleErrors: RuleError[] = 'ruleErrors' in answer ? answer.ruleErrors : [];
    return { codeName, describeRule: (ruleId) => this.rules.get(ruleId), topMoments, allianceIndexFormula: ALLIANCE_INDEX_FORMULA, indexBreakdown: sessionIndexBreakdown, ruleErrors };
  }

  configure(configuration: EngineConfiguration): void {
    this.configuration = configuration;
    this.rules.clear();
    this.inProcess.configure(configuration);
    this.worker?.postMessage({ type: 'configure', configuration } satisfies WorkerRequest);
  }

  forget(key: string): void {
    this.inProcess.forget(key);
    this.worker?.postMessage({ type: 'forget', key } satisfies WorkerRequest);
  }

  dispose(): void {
    const worker = this.worker;
    this.worker = undefined;
    for (const pending of this.pending.values()) pending.reject(new Error('Alliance Lens is shutting down'));
    this.pending.clear();
    void worker?.terminate();
  }
}
