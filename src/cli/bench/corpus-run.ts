// Corpus throughput, measured in a child process of its own (`bench --corpus-run`) so its peak memory is the
// corpus run's alone: worker threads share the process, so process.resourceUsage().maxRSS covers them too. The
// child gets the transcripts' text on standard input, as `analyze DIR` would read them from files, rather than
// loading the AnnoMI CSV itself.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import { runAnalysisJobs } from '../jobs/pool';
import { threadCpuMs } from '../jobs/thread-cpu';
import type { BenchSession } from './sessions';

export interface CorpusRun {
  jobs: number;
  /** How many times over the corpus was analysed in this run (1: once, the corpus's own figure). */
  passes: number;
  sessions: number;
  words: number;
  /** Wall-clock time: other load on the machine lengthens it. */
  ms: number;
  /** CPU time of the whole run, every thread of the process (user + system). */
  cpuMs: number;
  /** CPU time of each thread that ran jobs (the main thread for one job, else each worker); empty where the
   * platform cannot tell. The rest of cpuMs is V8's background threads (optimising compiler, GC) and the main
   * thread's share of handing out jobs and receiving results. */
  jobThreadCpuMs: number[];
  maxRssMB: number;
  failures: number;
}

/** Analyses the sessions `passes` times over, pass after pass, as one run: a corpus that many times larger (each
 * pass coded afresh), whose throughput shows what the warm-up of each job costs once it is spread over more work. */
export async function corpusRun(sessions: readonly BenchSession[], jobs: number, passes = 1): Promise<CorpusRun> {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const threadStart = threadCpuMs();
  const workerCpu: number[] = [];
  const work = Array.from({ length: passes }, () => sessions).flat();
  // Each pass in an Analyzer of its own: the coder keeps the matches of the texts it has seen, so a pass in the same
  // one would cost next to nothing and measure a cache rather than a larger corpus.
  const results = await runAnalysisJobs(work.map((session, position) => ({
    kind: 'text', text: session.text, fileName: session.name, cacheGroup: Math.floor(position / sessions.length),
  })), {
    jobs, onWorkerCpu: (worker, cpuMs) => {
      workerCpu[worker] = cpuMs;
    },
  });
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const threadEnd = threadCpuMs();
  const inThisThread = workerCpu.length === 0 && threadStart !== null && threadEnd !== null;
  return {
    jobs, passes, sessions: work.length, words: work.reduce((sum, session) => sum + session.words, 0), ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    jobThreadCpuMs: inThisThread ? [threadEnd - threadStart] : workerCpu.filter((value) => value !== undefined),
    maxRssMB: process.resourceUsage().maxRSS / 1024, failures: results.filter((result) => !result.ok).length,
  };
}

/** What the run would take with a core per job and nothing else running: the busiest job thread, unless the
 * process's CPU as a whole needs longer on this many cores. Null without per-thread figures. */
export function idleMachineMs(run: CorpusRun, cores: number): number | null {
  if (run.jobThreadCpuMs.length === 0) return null;
  return Math.max(...run.jobThreadCpuMs, run.cpuMs / Math.max(1, cores));
}

/** The sessions sent on standard input by corpusRunInChild. */
export function sessionsFromStandardInput(): BenchSession[] {
  return JSON.parse(fs.readFileSync(0, 'utf8')) as BenchSession[];
}

/** Runs `alliance-lens bench --corpus-run` in a fresh process and reads its one-line JSON answer. */
export function corpusRunInChild(sessions: readonly BenchSession[], jobs: number, passes = 1): CorpusRun | string {
  const run = spawnSync(process.execPath, [process.argv[1], 'bench', '--corpus-run', '--jobs', String(jobs), '--passes', String(passes)], {
    encoding: 'utf8', maxBuffer: 1 << 20, input: JSON.stringify(sessions),
  });
  if (run.status !== 0) return `the corpus run failed: ${(run.stderr || run.stdout).trim().split('\n')[0]}`;
  try {
    return JSON.parse(run.stdout) as CorpusRun;
  } catch {
    return `the corpus run printed no figures: ${run.stdout.slice(0, 200)}`;
  }
}
