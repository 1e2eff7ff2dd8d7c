// What `analyze` and `trends` share: find the transcripts under the given paths (and keep this shard's), check the
// --out path before any work, analyse on the job pool with progress, and report unreadable files and each
// transcript's warnings on standard error.
import * as fs from 'fs';
import type { CoderOptions } from '../core/coding';
import type { Warning } from '../core/types';
import { analyzeFileInPieces } from './analyze-file';
import type { AnalysisSource, StreamedAnalysis } from './analysis-source';
import type { CliIo } from './command';
import { describeRuleError, engineChoices, type EngineArguments } from './engine-options';
import { findTranscriptFiles } from './files';
import { automaticJobCount, runAnalysisJobs } from './jobs/pool';
import { AnalyzerCache } from './jobs/run-job';
import { progressReporter } from './jobs/progress';
import { checkOutPath, deliverOutput, type OutputWriter } from './out-file';
import { filesInShard, type Shard } from './shard';

export interface CollectOptions {
  inputs: readonly string[];
  out?: string;
  jobs?: number;
  /** "alliance-lens analyze": how messages on standard error begin. */
  prefix: string;
  /** The engine configuration for a transcript (its rules file, disabled rules); none: the built-in rules. */
  configure?: (transcript: string) => Promise<CoderOptions>;
  /** Analyse only this share of the files found (`analyze --shard K/N`). */
  shard?: Shard;
  /** Files of at least this many bytes are not analysed here but while their output is written (see
   * StreamedAnalysis): their analyses are never held whole. None: every file is analysed here. */
  streamFromBytes?: number;
}

/** From this size a transcript's whole analysis (about 12 bytes of memory per byte of transcript, most of it its
 * coded utterances) would take a few hundred MB; `analyze` then codes and writes it utterance by utterance. Real
 * sessions are far below it (an hour of talk is about 60 KB). */
export const STREAM_FROM_BYTES = 4 * 1024 * 1024;

/** The codings an analyzer keeps while it streams a transcript: enough for the short replies a session repeats
 * ("Mm-hmm.", "Okay."), bounded whatever the transcript's size. */
const STREAMED_CACHE_LIMIT = 20_000;

export interface CollectedAnalyses {
  /** In the order the files were found. */
  analyses: AnalysisSource[];
  /** A path could not be read or a file was refused (a streamed file counts once its output has been written). */
  failed: () => boolean;
  /** The --out file's identity when the run started, for writeSafely. */
  outIdentity: string | null;
}

export async function collectAnalyses(options: CollectOptions, io: CliIo): Promise<CollectedAnalyses> {
  const found = findTranscriptFiles(options.inputs);
  const outIdentity = options.out ? checkOutPath(options.out, found.files) : null;
  const files = options.shard ? filesInShard(found.files, options.shard) : found.files;
  let failed = found.errors.length > 0;
  for (const error of found.errors) io.stderr(`${options.prefix}: ${error}\n`);
  for (const directory of found.emptyDirectories) io.stderr(`${options.prefix}: no transcript files in ${directory}\n`);

  // The progress line moves the cursor with "\r" and "\x1b[K" of its own, so it writes to the terminal directly
  // (it prints only counts, never a transcript's text).
  const progress = progressReporter({ write: (text) => process.stderr.write(text), isTTY: process.stderr.isTTY === true }, options.prefix);
  const engines = new Map<string, CoderOptions | undefined>();
  for (const file of files) engines.set(file, await options.configure?.(file));
  const streamed = new Set(options.streamFromBytes === undefined ? [] : files.filter((file) => sizeOf(file) >= (options.streamFromBytes as number)));
  const pooled = files.filter((file) => !streamed.has(file));
  const results = await runAnalysisJobs(pooled.map((file) => ({ kind: 'file' as const, file, displayName: file, engine: engines.get(file) })), {
    jobs: options.jobs ?? automaticJobCount(pooled),
    onProgress: (done, total) => progress.update(done, total),
  });
  progress.finish();
  const reportedRuleErrors = new Set<string>();
  const reportRuleErrors = (errors: Parameters<typeof describeRuleError>[0][]) => {
    for (const message of errors.map(describeRuleError)) {
      if (!reportedRuleErrors.has(message)) io.stderr(`${message}\n`);
      reportedRuleErrors.add(message);
    }
  };
  // Loaded only when a file is streamed: this thread otherwise leaves the engine to the workers.
  const analyzers = streamed.size > 0 ? new AnalyzerCache((await import('../core/analyzer')).Analyzer) : null;
  const streamedAnalysis = (file: string): StreamedAnalysis => ({
    streamed: true,
    file,
    open: () => {
      const analyzer = (analyzers as AnalyzerCache).for(engines.get(file));
      const read = analyzeFileInPieces(file, analyzer, file, STREAMED_CACHE_LIMIT);
      if (!read.ok) {
        io.stderr(`${options.prefix}: ${read.error}\n`);
        failed = true;
        return null;
      }
      reportRuleErrors(analyzer.ruleErrors);
      for (const warning of read.analysis.warnings) io.stderr(`${located(file, warning)}\n`);
      return read.analysis;
    },
  });
  const analyses: AnalysisSource[] = [];
  let next = 0;
  for (const file of files) {
    if (streamed.has(file)) {
      analyses.push(streamedAnalysis(file));
      continue;
    }
    const result = results[next++];
    if (!result.ok) {
      io.stderr(`${options.prefix}: ${result.error}\n`);
      failed = true;
      continue;
    }
    reportRuleErrors(result.ruleErrors ?? []);
    analyses.push(result.analysis);
    for (const warning of result.analysis.warnings) io.stderr(`${located(file, warning)}\n`);
  }
  return { analyses, failed: () => failed, outIdentity };
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    // Reported when it is read.
    return 0;
  }
}

export function located(file: string, warning: Warning): string {
  return warning.line > 0 ? `${file}:${warning.line}: ${warning.message}` : `${file}: ${warning.message}`;
}

/** What `analyze` and `trends` share around their own output: the engine options checked, the analyses collected,
 * the output written to --out (saying how many `what` it holds) or to standard output. 1 when a file failed. */
export async function analyseAndWrite(
  options: Omit<CollectOptions, 'configure'> & { engine: EngineArguments },
  io: CliIo,
  write: (analyses: AnalysisSource[], sink: (text: string) => void) => void,
  what: { one: string; many: string },
): Promise<number> {
  const engine = engineChoices(options.engine);
  if (!engine.ok) {
    io.stderr(`${options.prefix}: ${engine.error}\n`);
    return 1;
  }
  const { analyses, failed, outIdentity } = await collectAnalyses({ ...options, configure: engine.configure }, io);
  const output: OutputWriter = (sink) => write(analyses, sink);
  deliverOutput({ out: options.out, outIdentity, prefix: options.prefix }, io, output, analyses.length === 1 ? `1 ${what.one}` : `${analyses.length} ${what.many}`);
  return failed() ? 1 : 0;
}
