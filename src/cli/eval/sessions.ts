// Session-level validation on AnnoMI: rebuild each transcript as a labelled text file, analyse it like any user
// file, and ask how well the alliance index separates the high- from the low-quality demonstrations (AUC), next
// to two single-metric references from the same run.
import { Analyzer } from '../../core/analyzer';
import { auc } from '../../core/stats/auc';
import { indexComponents, type IndexComponents } from '../../core/summary/alliance-index';
import { calibrateComponents, POINTS_PER_STANDARD_DEVIATION, type ComponentCalibration } from '../../core/summary/calibration';
import { countSession } from '../../core/summary/counts';
import type { SessionCounts } from '../../core/summary/counts';
import type { SessionTallies } from '../../core/summary/score-agreement';
import type { Summary } from '../../core/types';
import { formatScoreAgreement, measureScoreAgreement } from './score-agreement';
import { groupByTranscript, splitOf, type AnnoMiCorpus, type AnnoMiRow, type AnnoMiSplit } from './annomi';

export interface SessionResult {
  transcriptId: number;
  split: AnnoMiSplit;
  highQuality: boolean;
  summary: Summary;
  components: IndexComponents;
  /** What the session scores are computed from: the engine's codes, and the experts' codes of the same session. */
  engineTallies: SessionTallies;
  expertTallies: SessionTallies;
}

export interface SplitSessionAuc {
  split: AnnoMiSplit;
  sessions: number;
  high: number;
  low: number;
  allianceIndex: number | null;
  /** References: single summary scores from the same analyses. Sessions without a question have no R:Q and are
   * left out of its AUC. */
  reflectionToQuestion: number | null;
  clientTalkShare: number | null;
}

/** The transcript as a user would save it: one "Therapist: …" / "Client: …" line per utterance. Line breaks inside
 * an utterance become spaces so that no continuation line can be mistaken for a new label. */
export function sessionText(rows: readonly AnnoMiRow[]): string {
  return rows
    .map((row) => `${row.interlocutor === 'therapist' ? 'Therapist' : 'Client'}: ${row.text.replace(/\s*[\r\n]+\s*/g, ' ').trim()}`)
    .join('\n') + '\n';
}

export function analyseSessions(corpus: AnnoMiCorpus, analyzer = new Analyzer()): SessionResult[] {
  return [...groupByTranscript(corpus.rows)].map(([transcriptId, rows]) => {
    const analysis = analyzer.analyze(sessionText(rows), { fileName: `annomi-${transcriptId}.txt` });
    const counts = countSession(analysis.utterances);
    return {
      transcriptId,
      split: splitOf(transcriptId),
      highQuality: rows[0].miQuality === 'high',
      summary: analysis.summary,
      components: indexComponents(counts, analysis.summary.ruptureEvents),
      engineTallies: engineTallies(counts),
      expertTallies: expertTallies(rows),
    };
  });
}

function engineTallies(counts: SessionCounts): SessionTallies {
  return {
    therapistTurns: counts.therapistUtterances,
    clientTurns: counts.clientUtterances,
    openQuestions: counts.openQuestions,
    closedQuestions: counts.closedQuestions,
    simpleReflections: counts.simpleReflections,
    complexReflections: counts.complexReflections,
    changeTalk: counts.changeTalk,
    sustainTalk: counts.sustainTalk,
  };
}

/** The same tallies from the experts' codes (one reference row per utterance). */
function expertTallies(rows: readonly AnnoMiRow[]): SessionTallies {
  const therapist = rows.filter((row) => row.interlocutor === 'therapist');
  const client = rows.filter((row) => row.interlocutor === 'client');
  const countOf = (within: readonly AnnoMiRow[], test: (row: AnnoMiRow) => boolean) => within.filter(test).length;
  return {
    therapistTurns: therapist.length,
    clientTurns: client.length,
    openQuestions: countOf(therapist, (row) => row.questionExists === true && row.questionType === 'open'),
    closedQuestions: countOf(therapist, (row) => row.questionExists === true && row.questionType === 'closed'),
    simpleReflections: countOf(therapist, (row) => row.reflectionExists === true && row.reflectionType === 'simple'),
    complexReflections: countOf(therapist, (row) => row.reflectionExists === true && row.reflectionType === 'complex'),
    changeTalk: countOf(client, (row) => row.talk === 'change'),
    sustainTalk: countOf(client, (row) => row.talk === 'sustain'),
  };
}

export function sessionAuc(results: readonly SessionResult[], split: AnnoMiSplit): SplitSessionAuc {
  const inSplit = results.filter((result) => result.split === split);
  const labels = inSplit.map((result) => result.highQuality);
  const scoreBy = (pick: (summary: Summary) => number | null) => auc(inSplit.map((result) => pick(result.summary)), labels);
  const high = labels.filter(Boolean).length;
  return {
    split,
    sessions: inSplit.length,
    high,
    low: inSplit.length - high,
    allianceIndex: scoreBy((summary) => summary.allianceIndex),
    reflectionToQuestion: scoreBy((summary) => summary.reflectionToQuestion),
    clientTalkShare: scoreBy((summary) => summary.clientTalkShare),
  };
}

export function formatSessionAuc(rows: readonly SplitSessionAuc[]): string {
  const value = (x: number | null) => (x === null ? 'n/a' : x.toFixed(3));
  const table = [
    ['split', 'sessions (high/low)', 'allianceIndex', 'R:Q (reference)', 'client talk share (reference)'],
    ...rows.map((row) => [row.split, `${row.sessions} (${row.high}/${row.low})`, value(row.allianceIndex), value(row.reflectionToQuestion), value(row.clientTalkShare)]),
  ];
  const widths = table[0].map((_, column) => Math.max(...table.map((cells) => cells[column].length)));
  return [
    'Session-level AUC: how well each score separates high- from low-quality MI sessions (mi_quality).',
    ...table.map((cells) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd()),
    'Weights were calibrated on dev only; test is held out.',
    '',
  ].join('\n');
}

/** The weights the calibration rule derives from the dev split alone (the test split never enters it). */
export function devCalibration(results: readonly SessionResult[]): ComponentCalibration[] {
  const dev = results.filter((result) => result.split === 'dev');
  return calibrateComponents(dev.map((result) => result.components), dev.map((result) => result.highQuality));
}

export function formatCalibration(rows: readonly ComponentCalibration[]): string {
  const signed = (weight: number) => (weight > 0 ? `+${weight}` : `${weight}`);
  const table = [
    ['component', 'dev AUC alone', 'dev SD', 'implied weight', 'weight in use'],
    ...rows.map((row) => [row.label, row.auc === null ? 'n/a' : row.auc.toFixed(3), row.standardDeviation.toFixed(3), signed(row.impliedWeight), signed(row.currentWeight)]),
  ];
  const widths = table[0].map((_, column) => Math.max(...table.map((cells) => cells[column].length)));
  return [
    `Calibration check on dev only: ${POINTS_PER_STANDARD_DEVIATION} index points per standard deviation, rounded (see explain-index).`,
    ...table.map((cells) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd()),
    '',
  ].join('\n');
}

/** The whole `eval --sessions` report for a loaded corpus. */
export function sessionReport(corpus: AnnoMiCorpus, analyzer = new Analyzer()): string {
  const results = analyseSessions(corpus, analyzer);
  return [
    formatSessionAuc([sessionAuc(results, 'dev'), sessionAuc(results, 'test')]),
    formatCalibration(devCalibration(results)),
    formatScoreAgreement(measureScoreAgreement(results)),
  ].join('\n');
}
