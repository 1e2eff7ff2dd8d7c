// Reads the transcript fixtures the project writes itself (test/fixtures/transcripts) and checks the offset
// invariants every parse must keep.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { ParsedTranscript } from '../../../src/core/types';

// Tests run bundled from out/test/unit/transcript, four levels below the repository root.
export const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/transcripts');

export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

export function fixtureNames(): string[] {
  return fs.readdirSync(FIXTURES).sort();
}

/** Offsets ordered and inside the text; each span's text equals the file slice; labelled and Otter text is the
 * exact file slice; texts are trimmed. Returns a description of the first broken rule, or null. */
export function offsetProblem(file: string, parsed: ParsedTranscript): string | null {
  let previousStart = 0;
  for (const utterance of parsed.utterances) {
    const where = `utterance ${utterance.index} (line ${utterance.line})`;
    if (!(utterance.start >= previousStart && utterance.start <= utterance.end && utterance.end <= file.length)) {
      return `${where}: offsets ${utterance.start}..${utterance.end} out of order or outside 0..${file.length}`;
    }
    previousStart = utterance.start;
    if (utterance.text !== utterance.text.trim()) return `${where}: text ${JSON.stringify(utterance.text)} is not trimmed`;
    for (const span of utterance.spans) {
      const inText = utterance.text.slice(span.textStart, span.textStart + span.length);
      const inFile = file.slice(span.fileStart, span.fileStart + span.length);
      if (inText !== inFile || span.fileStart < utterance.start || span.fileStart + span.length > utterance.end) {
        return `${where}: span ${JSON.stringify(span)} maps ${JSON.stringify(inText)} to ${JSON.stringify(inFile)}`;
      }
    }
    if ((parsed.format === 'labeled' || parsed.format === 'otter') && utterance.text !== file.slice(utterance.start, utterance.end)) {
      return `${where}: text ${JSON.stringify(utterance.text)} is not the file slice ${JSON.stringify(file.slice(utterance.start, utterance.end))}`;
    }
  }
  return null;
}

export function assertOffsetsHold(file: string, parsed: ParsedTranscript): void {
  assert.strictEqual(offsetProblem(file, parsed), null);
}

/** speaker/role/line/timestamp/text of each utterance, for compact expectations. */
export function rows(parsed: ParsedTranscript): Array<[string, string, number, string | null, string]> {
  return parsed.utterances.map((u) => [u.speaker, u.role, u.line, u.timestamp, u.text]);
}
