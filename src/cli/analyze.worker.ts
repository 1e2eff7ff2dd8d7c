// Worker thread of `alliance-lens analyze --jobs N` (built to dist/analyze.worker.js): one Analyzer per worker,
// jobs in, results out, one at a time.
import { parentPort } from 'worker_threads';
import { Analyzer } from '../core/analyzer';
import { runJob } from './jobs/run-job';
import type { JobReply, JobRequest } from './jobs/protocol';

const port = parentPort;
if (port) {
  const analyzer = new Analyzer();
  port.on('message', ({ id, job }: JobRequest) => {
    const reply: JobReply = { id, result: runJob(job, analyzer) };
    port.postMessage(reply);
  });
}
