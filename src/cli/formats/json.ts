import type { Analysis } from '../../core/types';
import { bufferedSink, writeJson, type TextSink } from './json-stream';

/** Levels written piece by piece: the array of files, each Analysis, its utterances (one of which is small). */
const STREAMED_LEVELS = 3;

/** The contract's JSON: an array with one Analysis per file, exactly JSON.stringify(analyses, null, 2) and a line
 * break, written in pieces (see json-stream.ts). */
export function writeJsonArray(analyses: readonly Analysis[], sink: TextSink): void {
  writeJson(analyses, sink, { indent: 2, depth: STREAMED_LEVELS });
  sink('\n');
}

/** JSON Lines: one Analysis per line, the same object as in the JSON array (compact), so the outputs of several
 * runs (shards) concatenate into one valid file. */
export function writeJsonLines(analyses: readonly Analysis[], sink: TextSink): void {
  const buffered = bufferedSink(sink);
  for (const analysis of analyses) {
    writeJson(analysis, buffered.write, { indent: 0, depth: STREAMED_LEVELS - 1 });
    buffered.write('\n');
  }
  buffered.flush();
}
