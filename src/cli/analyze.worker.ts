// Worker thread of `alliance-lens analyze --jobs N` (built to dist/analyze.worker.js): an Analyzer per engine
// configuration in each worker, jobs in, results out, one at a time.
import { parentPort } from 'worker_threads';
import { Analyzer } from '../core/analyzer';
import { AnalyzerCache, runJob } from './jobs/run-job';
import type { JobReply, JobRequest } from './jobs/protocol';
import { threadCpuMs } from './jobs/thread-cpu';

const port = parentPort;
if (port) {
  const analyzers = new AnalyzerCache(Analyzer);
  port.on('message', ({ id, job }: JobRequest) => {
    const reply: JobReply = { id, result: runJob(job, analyzers), threadCpuMs: threadCpuMs() };
    port.postMessage(reply);
  });
}
