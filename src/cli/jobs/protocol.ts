// Messages between the CLI and its analysis workers (src/cli/analyze.worker.ts).
import type { FileAnalysis } from '../analyze-file';
import type { CoderOptions } from '../../core/coding';

/** A transcript to analyse: a file the worker reads itself, or text already in memory (the bench's corpus). `engine`
 * is its configuration (workspace rules, disabled rules); none means the built-in rules. Jobs of different
 * `cacheGroup`s never share an Analyzer, nor the codings and matches it keeps: the bench's passes over one corpus
 * are analysed as new sessions would be. */
export type AnalysisJob =
  | { kind: 'file'; file: string; displayName: string; engine?: CoderOptions }
  | { kind: 'text'; text: string; fileName: string; engine?: CoderOptions; cacheGroup?: number };

export interface JobRequest {
  id: number;
  job: AnalysisJob;
}

export interface JobReply {
  id: number;
  result: FileAnalysis;
  /** CPU the worker's thread has used since it started, when the platform can tell (see thread-cpu.ts). */
  threadCpuMs?: number | null;
}
