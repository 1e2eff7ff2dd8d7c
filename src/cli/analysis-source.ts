// What the output formats receive for each file: its Analysis, or, for a transcript too large to hold one, a way to
// analyse it while its output is written (utterance by utterance, in bounded memory).
import { wholeAnalysis, type AnalysisInPieces } from '../core/analysis-in-pieces';
import type { Analysis } from '../core/types';

export interface StreamedAnalysis {
  streamed: true;
  file: string;
  /** Reads and parses the file now; its utterances are coded as they are read. Null when it could not be read (the
   * reason is already on standard error). */
  open(): AnalysisInPieces | null;
}

export type AnalysisSource = Analysis | StreamedAnalysis;

export function isStreamed(source: AnalysisSource): source is StreamedAnalysis {
  return (source as StreamedAnalysis).streamed === true;
}

/** Every Analysis, a streamed one analysed whole (for the formats that need a whole analysis at once). */
export function* wholeAnalyses(sources: readonly AnalysisSource[]): Generator<Analysis> {
  for (const source of sources) {
    if (!isStreamed(source)) {
      yield source;
      continue;
    }
    const pieces = source.open();
    if (pieces) yield wholeAnalysis(pieces);
  }
}
