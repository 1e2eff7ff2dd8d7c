// The trends formats without charts: JSON (the contract), CSV (one row per session) and the terminal table.
import { toCsv, type CsvValue } from '../../../core/csv';
import { ACCURACY_SECTION, bandIsTrusted, MIN_ICC_FOR_BAND } from '../../../core/summary/score-agreement';
import { TREND_SCORES, type TrendScoreInfo } from '../../../core/trends/trend-scores';
import { TREND_SCORE_IDS, type TrendsReport } from '../../../core/trends/trends';
import { forTerminal } from '../../terminal';
import type { TrendsFormatOptions } from './options';

/** ARCHITECTURE.md §3, "Session metadata and trends". */
export function trendsJson(report: TrendsReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

export const TRENDS_CSV_COLUMNS = [
  'group', 'file', 'date', 'session', ...TREND_SCORE_IDS,
  ...TREND_SCORE_IDS.map((id) => `change${id.charAt(0).toUpperCase()}${id.slice(1)}`),
];

export function trendsCsv(report: TrendsReport): string {
  return toCsv(TRENDS_CSV_COLUMNS, report.groups.flatMap((group) => group.sessions.map((session): CsvValue[] => [
    group.key, session.file, session.date, session.session,
    ...TREND_SCORE_IDS.map((id) => session[id]),
    ...TREND_SCORE_IDS.map((id) => session.change[id]),
  ])));
}

const TABLE_HEADINGS: Record<(typeof TREND_SCORE_IDS)[number], string> = {
  allianceIndex: 'Index', reflectionToQuestion: 'R:Q', percentComplexReflections: '%CR', percentOpenQuestions: '%OQ',
  collaborative: 'Collab', directive: 'Direct', clientTalkShare: 'Client', ruptures: 'Rupt', repairedRuptures: 'Repaired',
};

export function trendsTable(report: TrendsReport, options: TrendsFormatOptions): string {
  if (report.groups.length === 0) return 'No transcripts were analysed.\n';
  const trusted = options.trusted ?? bandIsTrusted;
  const isEstimate = (score: TrendScoreInfo) => score.agreementId !== undefined && !trusted(score.agreementId);
  const headings = TREND_SCORES.map((score) => `${TABLE_HEADINGS[score.id]}${isEstimate(score) ? '*' : ''}`);
  const blocks = report.groups.map((group) => {
    const rows = [
      ['Session', 'Date', ...headings, 'File'],
      ...group.sessions.map((session) => [
        session.session === null ? '–' : String(session.session), session.date ?? '–',
        ...TREND_SCORES.map((score) => {
          const value = session[score.id];
          const change = session.change[score.id];
          return value === null ? 'n/a' : change === null || change === 0 ? score.format(value) : `${score.format(value)} (${score.formatChange(change)})`;
        }),
        forTerminal(session.file, { singleLine: true }),
      ]),
    ];
    const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
    const heading = `${options.groupBy}: ${group.key === null ? '(none)' : forTerminal(group.key, { singleLine: true })}  (${group.sessions.length} ${group.sessions.length === 1 ? 'session' : 'sessions'})`;
    return [heading, ...rows.map((row) => `  ${row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join('  ')}`.trimEnd())].join('\n');
  });
  const footnote = TREND_SCORES.some(isEstimate)
    ? `\n\n* an estimate: it agrees with expert coders below ICC ${MIN_ICC_FOR_BAND.toFixed(2)}, so it is not graded (see the ${ACCURACY_SECTION}).`
    : '';
  return `${blocks.join('\n\n')}${footnote}\n`;
}
