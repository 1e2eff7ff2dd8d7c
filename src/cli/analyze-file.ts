// The work `analyze` does for one file, kept in one function so that it can run in a worker thread.
import type { Analyzer } from '../core/analyzer';
import { wholeAnalysis, type AnalysisInPieces } from '../core/analysis-in-pieces';
import type { RuleError } from '../core/coding';
import type { Analysis } from '../core/types';
import { readTranscriptFile } from './files';

/** `ruleErrors`: problems in the rules file the transcript was analysed with (those rules were skipped). */
export type FileAnalysis = { ok: true; analysis: Analysis; ruleErrors?: RuleError[] } | { ok: false; error: string };

/** Reads and analyses one transcript. `displayName` becomes Analysis.file (the path as the user wrote it). Notes
 * about the reading itself (e.g. invalid UTF-8) join the analysis warnings at line 0. */
export function analyzeFile(file: string, analyzer: Analyzer, displayName = file): FileAnalysis {
  const read = analyzeFileInPieces(file, analyzer, displayName);
  return read.ok ? { ok: true, analysis: wholeAnalysis(read.analysis) } : read;
}

/** analyzeFile with the utterances coded as they are read (see Analyzer.analyzeInPieces), for a transcript too large
 * to hold its analysis; `cacheLimit` caps the codings the analyzer keeps. */
export function analyzeFileInPieces(file: string, analyzer: Analyzer, displayName = file, cacheLimit?: number):
  { ok: true; analysis: AnalysisInPieces } | { ok: false; error: string } {
  const read = readTranscriptFile(file);
  if (!read.ok) return read;
  const analysis = analyzer.analyzeInPieces(read.text, { fileName: displayName, cacheLimit });
  analysis.warnings = [...read.notes.map((message) => ({ line: 0, message })), ...analysis.warnings];
  return { ok: true, analysis };
}
