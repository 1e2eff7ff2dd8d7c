import { assembled, type AnalysisInPieces } from '../../core/analysis-in-pieces';
import { isStreamed, type AnalysisSource } from '../analysis-source';
import { bufferedSink, Deferred, StreamedArray, writeJson, type TextSink } from './json-stream';

/** Levels written piece by piece: the array of files, each Analysis, its utterances (one of which is small). */
const STREAMED_LEVELS = 3;

/** The contract's JSON: an array with one Analysis per file, exactly JSON.stringify(analyses, null, 2) and a line
 * break, written in pieces (see json-stream.ts). A streamed transcript is analysed as it is written. */
export function writeJsonArray(analyses: readonly AnalysisSource[], sink: TextSink): void {
  writeJson(new StreamedArray(jsonValues(analyses)), sink, { indent: 2, depth: STREAMED_LEVELS });
  sink('\n');
}

/** JSON Lines: one Analysis per line, the same object as in the JSON array (compact), so the outputs of several
 * runs (shards) concatenate into one valid file. */
export function writeJsonLines(analyses: readonly AnalysisSource[], sink: TextSink): void {
  const buffered = bufferedSink(sink);
  for (const analysis of jsonValues(analyses)) {
    writeJson(analysis, buffered.write, { indent: 0, depth: STREAMED_LEVELS - 1 });
    buffered.write('\n');
  }
  buffered.flush();
}

/** What each file's JSON is written from; a streamed file that cannot be read has none. */
function* jsonValues(analyses: readonly AnalysisSource[]): Generator<unknown> {
  for (const source of analyses) {
    if (!isStreamed(source)) {
      yield source;
      continue;
    }
    const pieces = source.open();
    if (pieces) yield jsonOfPieces(pieces);
  }
}

/** An Analysis in pieces as the JSON writer takes it: the contract's fields in the order an Analysis has them
 * (Analyzer.analyze), the utterances written as they are coded, the summary once they all have been. */
function jsonOfPieces(pieces: AnalysisInPieces): unknown {
  return assembled(pieces, new StreamedArray(pieces.utterances), new Deferred(pieces.summary));
}
