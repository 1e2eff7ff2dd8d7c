// An Analysis whose utterances are coded as they are read (Analyzer.analyzeInPieces), kept apart from the Analyzer
// so that code handling one (the CLI's main thread) does not load the engine with it.
import type { AnalysedUtterance, Analysis, Summary } from './types';

export type AnalysisInPieces = Omit<Analysis, 'utterances' | 'summary'> & {
  utterances: Iterable<AnalysedUtterance>;
  /** After every utterance has been read. */
  summary: () => Summary;
};

/** The Analysis of an AnalysisInPieces, every utterance coded and held. */
export function wholeAnalysis(pieces: AnalysisInPieces): Analysis {
  const utterances = [...pieces.utterances];
  return assembled(pieces, utterances, pieces.summary());
}

/** The Analysis's fields in its order (the order its JSON has them), with the utterances and summary given: a
 * writer may give them as things it writes as they come. */
export function assembled<U, S>(pieces: AnalysisInPieces, utterances: U, summary: S) {
  return {
    file: pieces.file, format: pieces.format, metadata: pieces.metadata, speakers: pieces.speakers,
    utterances, summary, warnings: pieces.warnings,
  };
}
