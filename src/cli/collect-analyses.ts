// What `analyze` and `trends` share: find the transcripts under the given paths (and keep this shard's), check the
// --out path before any work, analyse on the job pool with progress, and report unreadable files and each
// transcript's warnings on standard error.
import type { CoderOptions } from '../core/coding';
import type { Analysis, Warning } from '../core/types';
import type { CliIo } from './command';
import { describeRuleError, engineChoices, type EngineArguments } from './engine-options';
import { findTranscriptFiles } from './files';
import { automaticJobCount, runAnalysisJobs } from './jobs/pool';
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
}

export interface CollectedAnalyses {
  /** In the order the files were found. */
  analyses: Analysis[];
  /** A path could not be read or a file was refused. */
  failed: boolean;
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
  const jobs = [];
  for (const file of files) jobs.push({ kind: 'file' as const, file, displayName: file, engine: await options.configure?.(file) });
  const results = await runAnalysisJobs(jobs, {
    jobs: options.jobs ?? automaticJobCount(files),
    onProgress: (done, total) => progress.update(done, total),
  });
  progress.finish();
  const analyses: Analysis[] = [];
  const reportedRuleErrors = new Set<string>();
  for (const [index, file] of files.entries()) {
    const result = results[index];
    if (!result.ok) {
      io.stderr(`${options.prefix}: ${result.error}\n`);
      failed = true;
      continue;
    }
    for (const message of (result.ruleErrors ?? []).map(describeRuleError)) {
      if (!reportedRuleErrors.has(message)) io.stderr(`${message}\n`);
      reportedRuleErrors.add(message);
    }
    analyses.push(result.analysis);
    for (const warning of result.analysis.warnings) io.stderr(`${located(file, warning)}\n`);
  }
  return { analyses, failed, outIdentity };
}

export function located(file: string, warning: Warning): string {
  return warning.line > 0 ? `${file}:${warning.line}: ${warning.message}` : `${file}: ${warning.message}`;
}

/** What `analyze` and `trends` share around their own output: the engine options checked, the analyses collected,
 * the output written to --out (saying how many `what` it holds) or to standard output. 1 when a file failed. */
export async function analyseAndWrite(
  options: Omit<CollectOptions, 'configure'> & { engine: EngineArguments },
  io: CliIo,
  write: (analyses: Analysis[], sink: (text: string) => void) => void,
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
  return failed ? 1 : 0;
}
