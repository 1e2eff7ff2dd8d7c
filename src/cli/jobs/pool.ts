// Runs analysis jobs on worker threads (`analyze --jobs N`, the bench). Each worker takes the next job as soon as it
// is free; results come back in input order whatever order they finish in. A worker that dies fails only the job
// it held (with a message) and is replaced, so one bad transcript never loses the others.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { FileAnalysis } from '../analyze-file';
import type { AnalysisJob, JobReply, JobRequest } from './protocol';
import { AnalyzerCache, runJob } from './run-job';

/** Built next to dist/cli.js by esbuild.js (every src/cli/*.worker.ts becomes dist/<name>.js). */
export const ANALYZE_WORKER_FILE = path.join(__dirname, 'analyze.worker.js');

export function defaultJobCount(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

/** Below this much text a worker's start-up (loading the engine, about half a second) costs more than it saves. */
export const WORKER_THRESHOLD_BYTES = 256 * 1024;

/** The default job count for these files: one per core, or one in all for a small amount of text. */
export function automaticJobCount(files: readonly string[]): number {
  let bytes = 0;
  for (const file of files) {
    try {
      bytes += fs.statSync(file).size;
    } catch {
      // An unreadable file is reported when it is analysed; it adds no work here.
    }
  }
  return bytes < WORKER_THRESHOLD_BYTES ? 1 : defaultJobCount();
}

export interface RunOptions {
  jobs: number;
  /** Called after each finished job with the number finished so far. */
  onProgress?: (done: number, total: number) => void;
  workerFile?: string;
  /** Called with the CPU a worker's thread has used so far, after each of its jobs (the bench's per-thread figures). */
  onWorkerCpu?: (worker: number, cpuMs: number) => void;
}

/** Analyses every job; with one job slot (or one job) it runs in this thread, without starting workers. Only then
 * does this thread load the engine: with workers, each loads its own and this one would hold compromise for nothing. */
export async function runAnalysisJobs(jobs: readonly AnalysisJob[], options: RunOptions): Promise<FileAnalysis[]> {
  const slots = Math.min(Math.max(1, Math.floor(options.jobs)), jobs.length);
  if (slots <= 1) {
    const { Analyzer } = await import('../../core/analyzer');
    const analyzers = new AnalyzerCache(Analyzer);
    return jobs.map((job, index) => {
      const result = runJob(job, analyzers);
      options.onProgress?.(index + 1, jobs.length);
      return result;
    });
  }
  return runOnWorkers(jobs, slots, options);
}

function runOnWorkers(jobs: readonly AnalysisJob[], slots: number, options: RunOptions): Promise<FileAnalysis[]> {
  const workerFile = options.workerFile ?? ANALYZE_WORKER_FILE;
  const results: FileAnalysis[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  return new Promise((resolve) => {
    const finish = (id: number, result: FileAnalysis) => {
      results[id] = result;
      done++;
      options.onProgress?.(done, jobs.length);
      if (done === jobs.length) resolve(results);
    };
    let started = 0;
    const start = () => {
      const worker = new Worker(workerFile);
      const number = started++;
      let current: number | undefined;
      const feed = () => {
        if (next >= jobs.length) {
          current = undefined;
          void worker.terminate();
          return;
        }
        current = next++;
        const request: JobRequest = { id: current, job: jobs[current] };
        worker.postMessage(request);
      };
      worker.on('message', (reply: JobReply) => {
        if (typeof reply.threadCpuMs === 'number') options.onWorkerCpu?.(number, reply.threadCpuMs);
        finish(reply.id, reply.result);
        feed();
      });
      const lose = (reason: string) => {
        const lost = current;
        if (lost === undefined) return;
        current = undefined;
        const job = jobs[lost];
        finish(lost, { ok: false, error: `cannot analyse ${job.kind === 'file' ? job.file : job.fileName}: ${reason}` });
        if (next < jobs.length) start();
      };
      worker.on('error', (error) => lose(error.message));
      worker.on('exit', (code) => lose(`its worker stopped (exit code ${code})`));
      feed();
    };
    for (let slot = 0; slot < slots; slot++) start();
  });
}
