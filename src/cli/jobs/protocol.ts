// Messages between the CLI and its analysis workers (src/cli/analyze.worker.ts).
import type { FileAnalysis } from '../analyze-file';

/** A transcript to analyse: a file the worker reads itself, or text already in memory (the bench's corpus). */
export type AnalysisJob =
  | { kind: 'file'; file: string; displayName: string }
  | { kind: 'text'; text: string; fileName: string };

export interface JobRequest {
  id: number;
  job: AnalysisJob;
}

export interface JobReply {
  id: number;
  result: FileAnalysis;
}
