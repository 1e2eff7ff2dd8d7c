// Session by session, does each summary score agree with the same score computed from the experts' codes? ICC(2,1)
// and Spearman's rho per split, and a warning when the figures the product shows (SCORE_AGREEMENT) no longer match
// what this run measured, so the table cannot silently go stale when the coding changes.
import { completeSessions, icc21, spearman } from '../../core/stats/session-agreement';
import { SCORE_AGREEMENT, SESSION_SCORES, MIN_ICC_FOR_BAND, type AgreementFigures, type ScoreAgreement } from '../../core/summary/score-agreement';
import type { AnnoMiSplit } from './annomi';
import type { SessionResult } from './sessions';

const SPLITS: readonly AnnoMiSplit[] = ['dev', 'test'];

/** The difference from the recorded figures that counts as stale: half a unit of the second decimal, the one shown
 * (both sides are already rounded, so any real change shows). */
const STALE_AFTER = 0.005;

export function measureScoreAgreement(results: readonly SessionResult[]): ScoreAgreement[] {
  return SESSION_SCORES.map((score) => {
    const figuresFor = (split: AnnoMiSplit): AgreementFigures => {
      const inSplit = results.filter((result) => result.split === split);
      const engine = inSplit.map((result) => score.of(result.engineTallies));
      const experts = inSplit.map((result) => score.of(result.expertTallies));
      return { icc: round(icc21(engine, experts)), rho: round(spearman(engine, experts)), sessions: completeSessions(engine, experts) };
    };
    const [dev, test] = SPLITS.map(figuresFor);
    return { id: score.id, label: score.label, dev, test };
  });
}

function round(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}

/** Scores whose measured figures differ from the ones the product shows. */
export function staleFigures(measured: readonly ScoreAgreement[], recorded: readonly ScoreAgreement[] = SCORE_AGREEMENT): string[] {
  const differs = (a: number | null, b: number | null) => (a === null || b === null ? a !== b : Math.abs(a - b) > STALE_AFTER);
  return measured.flatMap((row) => {
    const shown = recorded.find((candidate) => candidate.id === row.id);
    if (!shown) return [`${row.label}: not in the recorded table`];
    return SPLITS.filter((split) => differs(row[split].icc, shown[split].icc) || differs(row[split].rho, shown[split].rho))
      .map((split) => `${row.label} (${split}): measured ICC ${show(row[split].icc)}, rho ${show(row[split].rho)}; recorded ICC ${show(shown[split].icc)}, rho ${show(shown[split].rho)}`);
  });
}

function show(value: number | null): string {
  return value === null ? 'n/a' : value.toFixed(2);
}

export function formatScoreAgreement(measured: readonly ScoreAgreement[]): string {
  const table = [
    ['score', 'dev ICC', 'dev rho', 'dev sessions', 'test ICC', 'test rho', 'test sessions', 'MITI band shown'],
    ...measured.map((row) => [
      row.label, show(row.dev.icc), show(row.dev.rho), String(row.dev.sessions), show(row.test.icc), show(row.test.rho), String(row.test.sessions),
      row.test.icc !== null && row.test.icc >= MIN_ICC_FOR_BAND ? 'yes' : 'no (estimate)',
    ]),
  ];
  const widths = table[0].map((_, column) => Math.max(...table.map((cells) => cells[column].length)));
  const stale = staleFigures(measured);
  return [
    'Agreement of each session score with the same score from the experts\' codes, session by session',
    `(ICC(2,1), absolute agreement; Spearman's rho). A score is graded with a MITI band only with test ICC >= ${MIN_ICC_FOR_BAND.toFixed(2)}.`,
    ...table.map((cells) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd()),
    ...(stale.length === 0
      ? ['The figures the product shows (src/core/summary/score-agreement.ts) match this run.']
      : ['WARNING: the figures the product shows are stale; update SCORE_AGREEMENT in src/core/summary/score-agreement.ts:', ...stale.map((line) => `  ${line}`)]),
    '',
  ].join('\n');
}
