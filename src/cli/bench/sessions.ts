// The sessions the bench measures: every AnnoMI transcript written as labelled lines (when --annomi is given), or
// the bundled samples. Each comes with the utterance texts our parser finds, so the bare compromise parse and the
// analysis see the same utterances.
import * as path from 'path';
import { countWords, parseTranscript } from '../../core/transcript';
import { labelledTranscriptOf } from './throughput';
import { groupByTranscript, loadAnnoMi } from '../eval/annomi';
import { findTranscriptFiles, readTranscriptFile } from '../files';

export interface BenchSession {
  name: string;
  text: string;
  utterances: string[];
  words: number;
}

function sessionOf(name: string, text: string): BenchSession {
  const utterances = parseTranscript(text).utterances.map((utterance) => utterance.text);
  return { name, text, utterances, words: utterances.reduce((sum, utterance) => sum + countWords(utterance), 0) };
}

export function annoMiSessions(csvPath: string): BenchSession[] {
  const corpus = loadAnnoMi(csvPath);
  return [...groupByTranscript(corpus.rows)].map(([id, rows]) => sessionOf(`AnnoMI transcript ${id}`,
    labelledTranscriptOf(rows.map((row) => ({ role: row.interlocutor, text: row.text })))));
}

/** The samples folder shipped next to dist/ (the package root's samples/). */
export const SAMPLES_DIRECTORY = path.join(__dirname, '..', 'samples');

export function sampleSessions(directory = SAMPLES_DIRECTORY): BenchSession[] {
  const found = findTranscriptFiles([directory]);
  if (found.files.length === 0) throw new Error(`no sample transcripts in ${directory}; give --annomi PATH`);
  return found.files.flatMap((file) => {
    const read = readTranscriptFile(file);
    return read.ok ? [sessionOf(path.basename(file), read.text)] : [];
  });
}

export function longest(sessions: readonly BenchSession[], count: number): BenchSession[] {
  return [...sessions].sort((a, b) => b.words - a.words || (a.name < b.name ? -1 : 1)).slice(0, count);
}
