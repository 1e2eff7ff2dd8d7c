// Analyses in a worker thread, so the extension host never runs a long synchronous analysis (no slice over 50 ms)
// and never loads compromise itself (about half a second of start-up). The worker starts on the first
// request, not at activation. Hovers and the panel get their helpers without the engine: code names and the summary
// helpers are small pure modules, and the worker describes every rule that fired with each analysis. If worker
// threads are unavailable or the worker dies, everything falls back to the in-process service rather than stopping.
import * as path from 'path';
import { Worker } from 'worker_threads';
import { ALLIANCE_INDEX_FORMULA, codeName, sessionIndexBreakdown, topMoments, type Analysis, type RuleDescription, type RuleError } from '../../core';
import { AnalysisCancelledError, AnalysisTimeoutError, InProcessAnalysisService, type AnalysisService, type DocumentText, type EngineConfiguration, type EngineHelpers, type PreliminaryListener } from './analysisService';
import type { WorkerAnswer, WorkerReply, WorkerRequest } from './analysisWorkerProtocol';

export const ANALYSIS_WORKER_FILE = path.join(__dirname, 'analysis.worker.js');

/** How long one request may run in the worker before it is stopped (a pathological text must not hold up every
 * later analysis behind it). */
export const ANALYSIS_BUDGET_MS = 60_000;

type Request = Extract<WorkerRequest, { id: number }>;
type RequestWithoutId = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;

interface Job {
  request: Request;
  resolve(answer: WorkerAnswer): void;
  reject(error: Error): void;
  onPreliminary?: PreliminaryListener;
}

export interface WorkerAnalysisOptions {
  /** Takes over if the worker cannot run. */
  inProcess?: AnalysisService;
  workerFile?: string;
  budgetMs?: number;
}

/** One request at a time goes to the worker; the rest wait here, where a newer analysis of the same document can
 * drop an older one that has not started. A running one that is superseded is left to finish (it fills the
 * per-utterance cache the newer one then reuses) but its result is dropped; one that runs past the budget is
 * stopped with its worker, which starts again for the requests after it. */
export class WorkerAnalysisService implements AnalysisService {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly queue: Job[] = [];
  private running: { job: Job; timer: ReturnType<typeof setTimeout>; cancelled: boolean } | undefined;
  private configuration: EngineConfiguration = { userRuleFiles: [], disabledRules: [] };
  private workerBroken = false;
  /** Descriptions of the rules that fired in analyses under the current configuration. */
  private readonly rules = new Map<string, RuleDescription>();
  private readonly inProcess: AnalysisService;
  private readonly workerFile: string;
  private readonly budgetMs: number;

  constructor(options: WorkerAnalysisOptions = {}) {
    this.inProcess = options.inProcess ?? new InProcessAnalysisService();
    this.workerFile = options.workerFile ?? ANALYSIS_WORKER_FILE;
    this.budgetMs = options.budgetMs ?? ANALYSIS_BUDGET_MS;
  }

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

  private ask(request: RequestWithoutId, onPreliminary?: PreliminaryListener): Promise<WorkerAnswer> {
    const id = this.nextId++;
    return new Promise<WorkerAnswer>((resolve, reject) => {
      const job: Job = { request: { ...request, id } as Request, resolve, reject, onPreliminary };
      if (job.request.type === 'analyze') this.supersede(job.request.key);
      this.queue.push(job);
      this.next();
    });
  }

  /** A newer analysis of `key` is coming: an older one still waiting is dropped, a running one's result too. */
  private supersede(key: string): void {
    for (let index = this.queue.length - 1; index >= 0; index--) {
      const waiting = this.queue[index]!;
      if (waiting.request.type === 'analyze' && waiting.request.key === key) {
        this.queue.splice(index, 1);
        waiting.reject(new AnalysisCancelledError());
      }
    }
    const running = this.running;
    if (running && !running.cancelled && running.job.request.type === 'analyze' && running.job.request.key === key) {
      running.cancelled = true;
      running.job.reject(new AnalysisCancelledError());
    }
  }

  private next(): void {
    if (this.running) return;
    const job = this.queue.shift();
    if (!job) return;
    const worker = this.started();
    if (!worker) {
      job.reject(new Error('the analysis worker is not running'));
      return this.next();
    }
    const timer = setTimeout(() => this.overBudget(), this.budgetMs);
    this.running = { job, timer, cancelled: false };
    worker.postMessage(job.request);
  }

  /** Stops the worker that holds the running request; a fresh one takes the requests after it. */
  private overBudget(): void {
    const running = this.running;
    if (!running) return;
    this.running = undefined;
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    const { request } = running.job;
    if (!running.cancelled) running.job.reject(new AnalysisTimeoutError(request.type === 'analyze' ? request.fileName : 'the rules', this.budgetMs));
    this.next();
  }

  private settle(reply: WorkerReply): void {
    const running = this.running;
    if (!running || running.job.request.id !== reply.id) return;
    if ('preliminary' in reply) {
      if (!running.cancelled) running.job.onPreliminary?.(reply.preliminary);
      return;
    }
    clearTimeout(running.timer);
    this.running = undefined;
    if (!running.cancelled) {
      if (reply.ok) running.job.resolve(reply);
      else running.job.reject(new Error(reply.message));
    }
    this.next();
  }

  /** A dead worker fails what it held; later requests run in process (a worker that died once may die again). */
  private lose(worker: Worker, message: string): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.workerBroken = true;
    const running = this.running;
    this.running = undefined;
    if (running) {
      clearTimeout(running.timer);
      if (!running.cancelled) running.job.reject(new Error(message));
    }
    for (const job of this.queue.splice(0)) job.reject(new Error(message));
  }

  async analyze(document: DocumentText, onPreliminary?: PreliminaryListener): Promise<Analysis> {
    if (!this.started()) return this.inProcess.analyze(document, onPreliminary);
    const { key, fileName, text, priorityRanges, userRuleFiles } = document;
    const answer = await this.ask({ type: 'analyze', key, fileName, text, ...(priorityRanges ? { priorityRanges } : {}), ...(userRuleFiles ? { userRuleFiles } : {}) }, onPreliminary);
    if (!('analysis' in answer)) throw new Error('the analysis worker answered the wrong question');
    for (const rule of answer.rules) this.rules.set(rule.id, rule);
    return answer.analysis;
  }

  async helpers(): Promise<EngineHelpers> {
    if (!this.started()) return this.inProcess.helpers();
    const answer = await this.ask({ type: 'ruleErrors' });
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
    const running = this.running;
    this.running = undefined;
    if (running) {
      clearTimeout(running.timer);
      if (!running.cancelled) running.job.reject(new Error('Alliance Lens is shutting down'));
    }
    for (const job of this.queue.splice(0)) job.reject(new Error('Alliance Lens is shutting down'));
    void worker?.terminate();
  }
}
