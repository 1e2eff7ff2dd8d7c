// One row per utterance across all files, for spreadsheets and statistics packages.
import { toCsv, type CsvValue } from '../../core/csv';
import type { Analysis } from '../../core/types';

export const UTTERANCE_CSV_COLUMNS = [
  'file', 'index', 'line', 'timestamp', 'speaker', 'role', 'stance', 'behaviour', 'question', 'reflection', 'input',
  'talk', 'codes', 'start', 'end', 'text',
] as const;

export function formatCsv(analyses: readonly Analysis[]): string {
  return toCsv(UTTERANCE_CSV_COLUMNS, utteranceRows(analyses));
}

function* utteranceRows(analyses: readonly Analysis[]): Generator<CsvValue[]> {
  for (const analysis of analyses) {
    for (const u of analysis.utterances) {
      yield [analysis.file, u.index, u.line, u.timestamp, u.speaker, u.role, u.stance, u.behaviour, u.question,
        u.reflection, u.input, u.talk, u.codes.join(';'), u.start, u.end, u.text];
    }
  }
}
