// A trainee's sessions over time (`alliance-lens trends`): sessions grouped by a front-matter key (the therapist by
// default), ordered in time, each with the scores `analyze` reports and their change since the previous session.
// The JSON shape is fixed by ARCHITECTURE.md §3, "Session metadata and trends". Pure and engine-free.
import { metadataValue, sessionDate, sessionNumber } from '../session-metadata';
import type { Analysis } from '../types';

export const TREND_SCORE_IDS = [
  'allianceIndex', 'reflectionToQuestion', 'percentComplexReflections', 'percentOpenQuestions',
  'collaborative', 'directive', 'clientTalkShare', 'ruptures', 'repairedRuptures',
] as const;
export type TrendScoreId = (typeof TREND_SCORE_IDS)[number];

export type TrendScores = Record<TrendScoreId, number | null>;

export interface TrendSession extends TrendScores {
  file: string;
  /** "YYYY-MM-DD" or null. */
  date: string | null;
  session: number | null;
  /** This session's score minus the previous session's; null for the first session or when either is null. */
  change: TrendScores;
}

export interface TrendGroup {
  key: string | null;
  sessions: TrendSession[];
}

export interface TrendsReport {
  groups: TrendGroup[];
}

export const DEFAULT_GROUP_KEY = 'therapist';

/** What trends read of an analysis; a front end that keeps many sessions keeps just this, not every utterance. */
export type TrendInput = Pick<Analysis, 'file' | 'metadata' | 'summary' | 'speakers'>;

/** Groups and orders the sessions: groups by key (null last), sessions by date (nulls last), then session number
 * (nulls last), then file name. */
export function buildTrends(analyses: readonly TrendInput[], groupBy = DEFAULT_GROUP_KEY): TrendsReport {
  const byKey = new Map<string | null, TrendInput[]>();
  for (const analysis of analyses) {
    const key = groupKey(analysis, groupBy);
    byKey.set(key, [...(byKey.get(key) ?? []), analysis]);
  }
  const keys = [...byKey.keys()].sort(compareKeys);
  return { groups: keys.map((key) => ({ key, sessions: withChanges((byKey.get(key) ?? []).map(sessionScores).sort(compareSessions)) })) };
}

/** The front-matter value of `groupBy`, else the therapist's speaker label, else null. */
export function groupKey(analysis: TrendInput, groupBy: string): string | null {
  return metadataValue(analysis.metadata ?? {}, groupBy) ?? therapistLabel(analysis);
}

/** The therapist speaker's label; with several therapist speakers, the one who spoke most (the first of equals). */
function therapistLabel(analysis: TrendInput): string | null {
  let best: { label: string; words: number } | null = null;
  for (const speaker of analysis.speakers) {
    if (speaker.role === 'therapist' && (best === null || speaker.words > best.words)) best = speaker;
  }
  return best?.label ?? null;
}

type UnchangedSession = Omit<TrendSession, 'change'>;

function sessionScores(analysis: TrendInput): UnchangedSession {
  const summary = analysis.summary;
  const metadata = analysis.metadata ?? {};
  return {
    file: analysis.file,
    date: sessionDate(metadata),
    session: sessionNumber(metadata),
    allianceIndex: summary.allianceIndex,
    reflectionToQuestion: summary.reflectionToQuestion,
    percentComplexReflections: summary.percentComplexReflections,
    percentOpenQuestions: summary.percentOpenQuestions,
    collaborative: summary.collaborative,
    directive: summary.directive,
    clientTalkShare: summary.clientTalkShare,
    ruptures: summary.ruptures.withdrawal + summary.ruptures.confrontation,
    repairedRuptures: summary.ruptureEvents.filter((event) => event.status === 'repaired').length,
  };
}

function withChanges(sessions: readonly UnchangedSession[]): TrendSession[] {
  return sessions.map((session, index) => {
    const previous = index > 0 ? sessions[index - 1] : null;
    const change = Object.fromEntries(TREND_SCORE_IDS.map((id) => [id, difference(session[id], previous?.[id] ?? null)])) as TrendScores;
    return { ...session, change };
  });
}

/** Rounded to 6 decimals, so that 0.67 − 0.5 reads 0.17 rather than 0.17000000000000004. */
function difference(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null) return null;
  return Math.round((current - previous) * 1e6) / 1e6;
}

function compareKeys(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return compareText(a.toLowerCase(), b.toLowerCase()) || compareText(a, b);
}

function compareSessions(a: UnchangedSession, b: UnchangedSession): number {
  return compareNullsLast(a.date, b.date, compareText) || compareNullsLast(a.session, b.session, (x, y) => x - y) || compareText(a.file, b.file);
}

function compareNullsLast<T>(a: T | null, b: T | null, compare: (x: T, y: T) => number): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return compare(a, b);
}

/** By UTF-16 code units, so the order is the same on every machine and locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
