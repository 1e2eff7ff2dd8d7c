// One job, the same way in a worker thread and in the CLI's own thread, so --jobs N and --jobs 1 give equal output.
import type { Analyzer } from '../../core/analyzer';
import { analyzeFile, type FileAnalysis } from '../analyze-file';
import type { AnalysisJob } from './protocol';

export function runJob(job: AnalysisJob, analyzer: Analyzer): FileAnalysis {
  try {
    if (job.kind === 'file') return analyzeFile(job.file, analyzer, job.displayName);
    return { ok: true, analysis: analyzer.analyze(job.text, { fileName: job.fileName }) };
  } catch (error) {
    const name = job.kind === 'file' ? job.file : job.fileName;
    return { ok: false, error: `cannot analyse ${name}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
