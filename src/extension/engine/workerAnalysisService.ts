// Analyses in a worker thread, so the extension host never runs a long synchronous analysis (issue 7: no slice over
// 50 ms). The worker starts on the first analysis, not at activation. If worker threads are unavailable or the
// worker dies, analysis falls back to the in-process service rather than stopping.
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { Analysis } from '../../core';
import { InProcessAnalysisService, type AnalysisService, type DocumentText, type EngineConfiguration, type EngineHelpers } from './analysisService';
import type { WorkerReply, WorkerRequest } from './analysisWorkerProtocol';

export const ANALYSIS_WORKER_FILE = path.join(__dirname, 'analysis.worker.js');

interface Pending {
  resolve(analysis: Analysis): void;
  reject(error: Error): void;
}

export class WorkerAnalysisService implements AnalysisService {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();
  private configuration: EngineConfiguration = { userRuleFiles: [], disabledRules: [] };
  private workerBroken = false;

  constructor(
    /** Answers helpers() (rule descriptions, code names) and takes over if the worker cannot run. */
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
      this.send({ type: 'configure', configuration: this.configuration });
    } catch {
      this.workerBroken = true;
    }
    return this.worker;
  }

  private send(request: WorkerRequest): void {
    this.worker?.postMessage(request);
  }

  private settle(reply: WorkerReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    if (reply.ok) pending.resolve(reply.analysis);
    else pending.reject(new Error(reply.message));
  }

  /** A dead worker fails what it held; later analyses run in process (a worker that died once may die again). */
  private lose(worker: Worker, message: string): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.workerBroken = true;
    for (const pending of this.pending.values()) pending.reject(new Error(message));
    this.pending.clear();
  }

  analyze(document: DocumentText): Promise<Analysis> {
    if (!this.started()) return this.inProcess.analyze(document);
    const id = this.nextId++;
    return new Promise<Analysis>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send({ type: 'analyze', id, key: document.key, fileName: document.fileName, text: document.text });
    });
  }

  helpers(): Promise<EngineHelpers> {
    return this.inProcess.helpers();
  }

  configure(configuration: EngineConfiguration): void {
    this.configuration = configuration;
    this.inProcess.configure(configuration);
    this.send({ type: 'configure', configuration });
  }

  forget(key: string): void {
    this.inProcess.forget(key);
    this.send({ type: 'forget', key });
  }

  dispose(): void {
    const worker = this.worker;
    this.worker = undefined;
    for (const pending of this.pending.values()) pending.reject(new Error('Alliance Lens is shutting down'));
    this.pending.clear();
    void worker?.terminate();
  }
}
