// One job, the same way in a worker thread and in the CLI's own thread, so --jobs N and --jobs 1 give equal output.
import type { Analyzer } from '../../core/analyzer';
import type { CoderOptions } from '../../core/coding';
import { analyzeFile, type FileAnalysis } from '../analyze-file';
import type { AnalysisJob } from './protocol';

/** One Analyzer per engine configuration: transcripts under different .alliance-lens folders get different rules,
 * and an Analyzer's rules are fixed when it is made. The Analyzer class is passed in so the engine (compromise)
 * is loaded only where jobs actually run. */
export class AnalyzerCache {
  private readonly analyzers = new Map<string, Analyzer>();

  constructor(private readonly AnalyzerClass: new (options?: CoderOptions) => Analyzer) {}

  for(engine: CoderOptions = {}, cacheGroup = 0): Analyzer {
    const key = JSON.stringify([engine.userRuleFiles ?? [], engine.disabledRules ?? [], cacheGroup]);
    let analyzer = this.analyzers.get(key);
    if (!analyzer) {
      analyzer = new this.AnalyzerClass(engine);
      this.analyzers.set(key, analyzer);
    }
    return analyzer;
  }
}

export function runJob(job: AnalysisJob, analyzers: AnalyzerCache): FileAnalysis {
  try {
    const analyzer = analyzers.for(job.engine, job.kind === 'text' ? job.cacheGroup : undefined);
    const result: FileAnalysis = job.kind === 'file'
      ? analyzeFile(job.file, analyzer, job.displayName)
      : { ok: true, analysis: analyzer.analyze(job.text, { fileName: job.fileName }) };
    return result.ok && analyzer.ruleErrors.length > 0 ? { ...result, ruleErrors: analyzer.ruleErrors } : result;
  } catch (error) {
    const name = job.kind === 'file' ? job.file : job.fileName;
    return { ok: false, error: `cannot analyse ${name}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
