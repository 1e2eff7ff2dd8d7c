// Loads AnnoMI (uccollab/AnnoMI, AnnoMI-full.csv) for evaluation: typed rows, one reference row per utterance,
// the doubly coded utterances kept aside, and the fixed dev/test split (/work/shared/annomi/README.md).
// Only eval commands use this; the product never depends on the corpus.
import { readFileSync } from 'fs';
import { csvRecords, type CsvProblem } from '../../core/csv-parse';
import type { Behaviour, InputType, QuestionType, ReflectionType, TalkType } from '../../core/types';

export type AnnoMiSplit = 'dev' | 'test';
export type AnnoMiSplitOption = AnnoMiSplit | 'all';

export interface AnnoMiRow {
  transcriptId: number;
  utteranceId: number;
  miQuality: 'high' | 'low';
  topic: string;
  interlocutor: 'therapist' | 'client';
  timestamp: string;
  text: string;
  annotatorId: string;
  /** Therapist codes; null on client rows (the CSV's "n/a"). */
  mainBehaviour: Behaviour | null;
  questionExists: boolean | null;
  questionType: QuestionType | null;
  reflectionExists: boolean | null;
  reflectionType: ReflectionType | null;
  inputExists: boolean | null;
  inputType: InputType | null;
  /** Client code; null on therapist rows. */
  talk: TalkType | null;
  /** The row's record number in the CSV (the header is record 1), for messages. */
  record: number;
}

export interface AnnoMiCorpus {
  /** One reference row per (transcript, utterance), in file order: the first row of each doubly coded pair. */
  rows: AnnoMiRow[];
  /** Every row of the utterances coded more than once, reference first, keyed by `${transcriptId}:${utteranceId}`. */
  multiplyCoded: Map<string, AnnoMiRow[]>;
  /** Rows that could not be read (with the reason); they are left out of `rows`. */
  problems: CsvProblem[];
}

export const ANNOMI_COLUMNS = [
  'mi_quality', 'transcript_id', 'utterance_id', 'interlocutor', 'timestamp', 'utterance_text', 'annotator_id',
  'therapist_input_exists', 'therapist_input_subtype', 'reflection_exists', 'reflection_subtype',
  'question_exists', 'question_subtype', 'main_therapist_behaviour', 'client_talk_type',
] as const;

/** The held-out split: transcript_id % 3 == 0 is test, everything else dev. */
export function splitOf(transcriptId: number): AnnoMiSplit {
  return transcriptId % 3 === 0 ? 'test' : 'dev';
}

export function inSplit(row: Pick<AnnoMiRow, 'transcriptId'>, split: AnnoMiSplitOption): boolean {
  return split === 'all' || splitOf(row.transcriptId) === split;
}

export function utteranceKey(row: Pick<AnnoMiRow, 'transcriptId' | 'utteranceId'>): string {
  return `${row.transcriptId}:${row.utteranceId}`;
}

function optional<T extends string>(value: string, allowed: readonly T[], column: string): T | null {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.toLowerCase() === 'n/a') return null;
  if ((allowed as readonly string[]).includes(trimmed)) return trimmed as T;
  throw new Error(`${column} is '${trimmed}', expected one of ${allowed.join(', ')} or n/a`);
}

function optionalBoolean(value: string, column: string): boolean | null {
  const flag = optional(value, ['True', 'False'], column);
  return flag === null ? null : flag === 'True';
}

function integer(value: string, column: string): number {
  if (!/^\d+$/.test(value.trim())) throw new Error(`${column} is '${value}', expected a whole number`);
  return Number(value);
}

const BEHAVIOURS: Record<string, Behaviour> = { question: 'question', reflection: 'reflection', therapist_input: 'input', other: 'other' };

function toRow(record: Record<string, string>, recordNumber: number): AnnoMiRow {
  const behaviour = optional(record.main_therapist_behaviour, Object.keys(BEHAVIOURS), 'main_therapist_behaviour');
  return {
    transcriptId: integer(record.transcript_id, 'transcript_id'),
    utteranceId: integer(record.utterance_id, 'utterance_id'),
    miQuality: optional(record.mi_quality, ['high', 'low'] as const, 'mi_quality') ?? 'high',
    topic: record.topic ?? '',
    interlocutor: optional(record.interlocutor, ['therapist', 'client'] as const, 'interlocutor') ?? 'client',
    timestamp: record.timestamp,
    text: record.utterance_text,
    annotatorId: record.annotator_id,
    mainBehaviour: behaviour === null ? null : BEHAVIOURS[behaviour],
    questionExists: optionalBoolean(record.question_exists, 'question_exists'),
    questionType: optional(record.question_subtype, ['open', 'closed'] as const, 'question_subtype'),
    reflectionExists: optionalBoolean(record.reflection_exists, 'reflection_exists'),
    reflectionType: optional(record.reflection_subtype, ['simple', 'complex'] as const, 'reflection_subtype'),
    inputExists: optionalBoolean(record.therapist_input_exists, 'therapist_input_exists'),
    inputType: optional(record.therapist_input_subtype, ['information', 'advice', 'negotiation', 'options'] as const, 'therapist_input_subtype'),
    talk: optional(record.client_talk_type, ['change', 'neutral', 'sustain'] as const, 'client_talk_type'),
    record: recordNumber,
  };
}

/** Reads AnnoMI from CSV text. Throws only when the header lacks a needed column (then nothing could be read);
 * a bad row is reported in `problems` and skipped. */
export function parseAnnoMi(text: string): AnnoMiCorpus {
  const { header, records, problems } = csvRecords(text);
  const missing = ANNOMI_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw new Error(`this does not look like AnnoMI-full.csv: missing column(s) ${missing.join(', ')}`);
  }
  const byUtterance = new Map<string, AnnoMiRow[]>();
  records.forEach((record, i) => {
    try {
      const row = toRow(record, i + 2);
      const key = utteranceKey(row);
      const existing = byUtterance.get(key);
      if (existing) existing.push(row);
      else byUtterance.set(key, [row]);
    } catch (error) {
      problems.push({ line: i + 2, message: `record ${i + 2}: ${(error as Error).message}` });
    }
  });
  const rows: AnnoMiRow[] = [];
  const multiplyCoded = new Map<string, AnnoMiRow[]>();
  for (const [key, codings] of byUtterance) {
    rows.push(codings[0]);
    if (codings.length > 1) multiplyCoded.set(key, codings);
  }
  return { rows, multiplyCoded, problems };
}

export function loadAnnoMi(path: string): AnnoMiCorpus {
  return parseAnnoMi(readFileSync(path, 'utf8'));
}

/** The reference rows of one split, in transcript order then utterance order. */
export function rowsOfSplit(corpus: AnnoMiCorpus, split: AnnoMiSplitOption): AnnoMiRow[] {
  return corpus.rows
    .filter((row) => inSplit(row, split))
    .sort((a, b) => a.transcriptId - b.transcriptId || a.utteranceId - b.utteranceId);
}

/** Reference rows grouped by transcript, each transcript's rows in utterance order. */
export function groupByTranscript(rows: readonly AnnoMiRow[]): Map<number, AnnoMiRow[]> {
  const groups = new Map<number, AnnoMiRow[]>();
  for (const row of rows) {
    const group = groups.get(row.transcriptId);
    if (group) group.push(row);
    else groups.set(row.transcriptId, [row]);
  }
  for (const group of groups.values()) group.sort((a, b) => a.utteranceId - b.utteranceId);
  return groups;
}
