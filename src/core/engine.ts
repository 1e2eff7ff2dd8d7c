// The library API, built to dist/core.js (CommonJS; ARCHITECTURE.md §3, "The library API"): the model barrel and
// the nlp layer's Analyzer. It is the one entry that loads compromise; the editor loads it at run time, on the
// first analysis, and front ends that need only models import ./index.
import { findRepairMove } from './coding/repair-moves';
import { summarize as summarizeWith } from './summary';
import type { AnalysedUtterance, ParsedTranscript, Summary } from './types';

export * from './index';
export { Analyzer, analyzeTranscript, textOffsetToFile } from './analyzer';
export type { AnalyzerOptions, AnalyzeOptions, FileRange, PriorityAnalysis } from './analyzer';

/** The session summary of coded utterances, with the built-in repair-move detector (as the Analyzer makes it). */
export function summarize(parsed: ParsedTranscript, utterances: AnalysedUtterance[]): Summary {
  return summarizeWith(parsed, utterances, findRepairMove);
}
