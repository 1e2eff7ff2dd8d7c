// The plain-language paragraph under each group's trends: what improved from the first session to the last, what
// did not, which scores are only estimates (never graded), and the sessions worth a look (the largest fall of the
// alliance index, ruptures left unrepaired). Sentences are plain text: each renderer escapes them.
import { bandOf } from '../summary/bands';
import { agreementText, bandIsTrusted, type ScoreTrust } from '../summary/score-agreement';
import { TREND_SCORES, type TrendScoreInfo } from './trend-scores';
import type { TrendGroup, TrendSession } from './trends';

export interface GroupNarrative {
  overview: string;
  improved: string[];
  notImproved: string[];
  /** Scores that do not agree with expert coders well enough to be graded: described, never judged. */
  estimates: string[];
  worthALook: string[];
}

export function groupNarrative(group: TrendGroup, trusted: ScoreTrust = bandIsTrusted): GroupNarrative {
  const narrative: GroupNarrative = { overview: overview(group.sessions), improved: [], notImproved: [], estimates: [], worthALook: worthALook(group.sessions) };
  if (group.sessions.length < 2) return narrative;
  for (const score of TREND_SCORES) {
    if (score.better === null) continue;
    const ends = firstAndLast(group.sessions, score);
    if (!ends) continue;
    if (score.agreementId && !trusted(score.agreementId)) {
      narrative.estimates.push(`${score.name} went from ${score.format(ends.first)} to ${score.format(ends.last)} `
        + `(an estimate: it agrees with expert coders at ${agreementText(score.agreementId)}, so count it by hand before relying on it).`);
      continue;
    }
    const change = ends.last - ends.first;
    const sentence = movement(score, ends.first, ends.last, change) + gradeOf(score, ends.last);
    if (Math.abs(change) >= score.noticeable && Math.sign(change) === score.better) narrative.improved.push(sentence);
    else narrative.notImproved.push(sentence);
  }
  return narrative;
}

/** The narrative as one paragraph of plain text. */
export function narrativeText(narrative: GroupNarrative): string {
  const part = (title: string, sentences: string[]) => (sentences.length > 0 ? [`${title}: ${sentences.join(' ')}`] : []);
  return [
    narrative.overview,
    ...part('Improved', narrative.improved),
    ...part('Did not improve', narrative.notImproved),
    ...part('Estimates, not graded', narrative.estimates),
    ...part('Worth a look', narrative.worthALook),
  ].join(' ');
}

function overview(sessions: readonly TrendSession[]): string {
  const count = sessions.length === 1 ? 'One session' : `${sessions.length} sessions`;
  const dates = sessions.map((session) => session.date).filter((date): date is string => date !== null);
  const span = dates.length === 0 ? ', none of them dated' : dates.length === 1 ? `, dated ${dates[0]}` : ` from ${dates[0]} to ${dates[dates.length - 1]}`;
  const compare = sessions.length < 2 ? ': nothing to compare yet.' : '; first session compared with the last.';
  return `${count}${span}${compare}`;
}

function firstAndLast(sessions: readonly TrendSession[], score: TrendScoreInfo): { first: number; last: number } | null {
  const values = sessions.map((session) => session[score.id]).filter((value): value is number => value !== null);
  return values.length < 2 ? null : { first: values[0], last: values[values.length - 1] };
}

function movement(score: TrendScoreInfo, first: number, last: number, change: number): string {
  if (Math.abs(change) < score.noticeable) return `${score.name} stayed about the same (${score.format(first)} to ${score.format(last)})`;
  return `${score.name} ${change > 0 ? 'rose' : 'fell'} from ${score.format(first)} to ${score.format(last)} (${score.formatChange(change)})`;
}

/** The MITI band of the last session, only for a score with thresholds that may be graded. */
function gradeOf(score: TrendScoreInfo, last: number): string {
  if (!score.thresholds) return '.';
  const band = bandOf(last, score.thresholds);
  return band === 'below' ? ', below the MITI fair threshold.' : `, in the MITI ${band} band.`;
}

function worthALook(sessions: readonly TrendSession[]): string[] {
  const notes: string[] = [];
  let largestDrop: TrendSession | null = null;
  for (const session of sessions) {
    const change = session.change.allianceIndex;
    if (change !== null && change < 0 && (largestDrop === null || change < (largestDrop.change.allianceIndex ?? 0))) largestDrop = session;
  }
  if (largestDrop) {
    notes.push(`${sessionName(largestDrop)}: the alliance index fell by ${Math.abs(largestDrop.change.allianceIndex ?? 0)} points, the largest fall in this series.`);
  }
  for (const session of sessions) {
    const unrepaired = (session.ruptures ?? 0) - (session.repairedRuptures ?? 0);
    if (unrepaired > 0) {
      notes.push(`${sessionName(session)}: ${unrepaired} of ${session.ruptures} ${session.ruptures === 1 ? 'rupture was' : 'ruptures were'} not repaired.`);
    }
  }
  return notes;
}

/** "Session 3 (2026-02-09, trainee/03.transcript)". */
export function sessionName(session: TrendSession): string {
  const details = [session.date, session.file].filter((part): part is string => part !== null && part !== '');
  const name = session.session === null ? 'The session' : `Session ${session.session}`;
  return `${name} (${details.join(', ')})`;
}
