// Corpus throughput, measured in a child process of its own (`bench --corpus-run`) so its peak memory is the
// corpus run's alone: worker threads share the process, so process.resourceUsage().maxRSS covers them too. The
// child gets the transcripts' text on standard input, as `analyze DIR` would read them from files, rather than
// loading the AnnoMI CSV itself.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import { runAnalysisJobs } from '../jobs/pool';
import type { BenchSession } from './sessions';

export interface CorpusRun {
  jobs: number;
  sessions: number;
  words: number;
  ms: number;
  maxRssMB: number;
  failures: number;
}

export async function corpusRun(sessions: readonly BenchSession[], jobs: number): Promise<CorpusRun> {
  const start = performance.now();
  const results = await runAnalysisJobs(sessions.map((session) => ({ kind: 'text', text: session.text, fileName: session.name })), { jobs });
  const ms = performance.now() - start;
  return {
    jobs, sessions: sessions.length, words: sessions.reduce((sum, session) => sum + session.words, 0), ms,
    maxRssMB: process.resourceUsage().maxRSS / 1024, failures: results.filter((result) => !result.ok).length,
  };
}

/** The sessions sent on standard input by corpusRunInChild. */
export function sessionsFromStandardInput(): BenchSession[] {
  return JSON.parse(fs.readFileSync(0, 'utf8')) as BenchSession[];
}

/** Runs `alliance-lens bench --corpus-run` in a fresh process and reads its one-line JSON answer. */
export function corpusRunInChild(sessions: readonly BenchSession[], jobs: number): CorpusRun | string {
  const run = spawnSync(process.execPath, [process.argv[1], 'bench', '--corpus-run', '--jobs', String(jobs)], {
    encoding: 'utf8', maxBuffer: 1 << 20, input: JSON.stringify(sessions),
  });
  if (run.status !== 0) return `the corpus run failed: ${(run.stderr || run.stdout).trim().split('\n')[0]}`;
  try {
    return JSON.parse(run.stdout) as CorpusRun;
  } catch {
    return `the corpus run printed no figures: ${run.stdout.slice(0, 200)}`;
  }
}
