// The parser's check on AnnoMI: each transcript written as "Therapist: …" / "Client: …" lines must parse back into
// exactly one utterance per row, with the row's role and text. `alliance-lens eval` prints its line.
import { groupByTranscript, type AnnoMiRow } from './annomi';
import { parseTranscript } from '../../core/transcript';
import { labelledTranscriptOf } from '../bench/throughput';

export type ParseCheckRow = Pick<AnnoMiRow, 'transcriptId' | 'utteranceId' | 'interlocutor' | 'text'>;

export interface ParseMismatch {
  transcriptId: number;
  /** The first row whose utterance came back wrong, or null when only the count differs. */
  utteranceId: number | null;
  message: string;
}

export interface ParseCheckResult {
  transcripts: number;
  rows: number;
  /** Rows whose utterance came back with the right role and text, in a transcript with the right count. */
  matchedRows: number;
  matchedTranscripts: number;
  mismatches: ParseMismatch[];
}

export function checkAnnoMiParse(rows: readonly ParseCheckRow[]): ParseCheckResult {
  const result: ParseCheckResult = { transcripts: 0, rows: rows.length, matchedRows: 0, matchedTranscripts: 0, mismatches: [] };
  for (const [transcriptId, turns] of groupByTranscript(rows as AnnoMiRow[])) {
    result.transcripts++;
    const parsed = parseTranscript(labelledTranscriptOf(turns.map((row) => ({ role: row.interlocutor, text: row.text }))));
    if (parsed.utterances.length !== turns.length) {
      result.mismatches.push({ transcriptId, utteranceId: null, message: `${turns.length} rows parsed into ${parsed.utterances.length} utterances` });
      continue;
    }
    let wrong: ParseMismatch | null = null;
    turns.forEach((row, i) => {
      const utterance = parsed.utterances[i];
      const problem = utterance.role !== row.interlocutor ? `role ${utterance.role}, expected ${row.interlocutor}`
        : utterance.text !== row.text.trim() ? `text ${JSON.stringify(utterance.text.slice(0, 60))} differs from the row` : null;
      if (problem === null) result.matchedRows++;
      else wrong ??= { transcriptId, utteranceId: row.utteranceId, message: problem };
    });
    if (wrong) result.mismatches.push(wrong);
    else result.matchedTranscripts++;
  }
  return result;
}

/** One line for `alliance-lens eval`, naming the first few mismatches. */
export function describeParseCheck(result: ParseCheckResult): string {
  const line = `Parse check: ${result.matchedRows}/${result.rows} AnnoMI utterances came back as one utterance per row with the `
    + `right role and text (${result.matchedTranscripts}/${result.transcripts} transcripts exact)`;
  if (result.mismatches.length === 0) return `${line}.`;
  const shown = result.mismatches.slice(0, 3).map((m) => `transcript ${m.transcriptId}${m.utteranceId === null ? '' : ` utterance ${m.utteranceId}`}: ${m.message}`);
  return `${line}; ${shown.join('; ')}${result.mismatches.length > 3 ? `; and ${result.mismatches.length - 3} more` : ''}.`;
}
