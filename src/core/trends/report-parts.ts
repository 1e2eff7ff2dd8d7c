// Wording the Markdown and HTML trends reports share, as plain text (each escapes it for its own syntax).
import { bandIsTrusted, type ScoreTrust } from '../summary/score-agreement';
import { TREND_SCORES } from './trend-scores';
import type { TrendSession } from './trends';

export function groupingNote(groupBy: string): string {
  return `Sessions are grouped by the front-matter key "${groupBy}" (else by the therapist's speaker label) and ordered by date, `
    + 'then session number, then file name. Each chart draws one score over the sessions.';
}

export function groupTitle(key: string | null, groupBy: string): string {
  return key === null ? `Sessions without a ${groupBy} or a therapist speaker` : key;
}

export function tableHeadings(trusted: ScoreTrust = bandIsTrusted): string[] {
  return ['Session', 'Date', 'File', ...TREND_SCORES.map((score) => (score.agreementId && !trusted(score.agreementId) ? `${score.name} (estimate)` : score.name))];
}

/** One table row: "72 (+14)" per score, the change since the previous session in brackets. */
export function sessionCells(session: TrendSession): string[] {
  return [
    session.session === null ? '–' : String(session.session),
    session.date ?? '–',
    session.file,
    ...TREND_SCORES.map((score) => {
      const value = session[score.id];
      const change = session.change[score.id];
      if (value === null) return 'n/a';
      return change === null ? score.format(value) : `${score.format(value)} (${score.formatChange(change)})`;
    }),
  ];
}
