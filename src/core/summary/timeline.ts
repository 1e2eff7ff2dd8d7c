// How the session moved: five-minute windows when the transcript has timestamps, else about ten equal slices of
// utterances. A short session goes exchange by exchange instead (a therapist turn with the replies to it), so a
// five-minute session is not one bar and a rupture and its repair land in bars of their own. Each slice is scored
// with the same counts and index formula as the whole session.
import type { AnalysedUtterance, ParsedUtterance, RuptureEvent, TimelineSegment } from '../types';
import { ALLIANCE_INDEX, allianceIndexOf, indexComponents, type IndexFormula } from './alliance-index';
import { countSession, type SessionCounts } from './counts';

export const TIMELINE_SEGMENTS = 10;
export const TIMELINE_WINDOW_SECONDS = 5 * 60;
/** Fewer five-minute windows than this (a session under about 25 minutes) is a short session. */
export const MIN_TIME_WINDOWS = 6;
/** Without timestamps, a session of at most this many exchanges is a short one. */
export const SHORT_SESSION_EXCHANGES = 60;
/** A short session's timeline has at most this many bars; more exchanges are grouped, a few to a bar. */
export const MAX_EXCHANGE_SEGMENTS = 30;

export function buildTimeline(
  utterances: readonly AnalysedUtterance[], ruptures: readonly RuptureEvent[], formula: IndexFormula = ALLIANCE_INDEX,
): TimelineSegment[] {
  const groups = chooseGroups(utterances);
  return scoreTimeline(planOf(groups), groups.map(countSession), groups.map((group) => {
    const indices = new Set(group.map((utterance) => utterance.index));
    return ruptures.filter((rupture) => indices.has(rupture.utteranceIndex));
  }), formula);
}

/** What a timeline needs of an utterance before it is coded: where its segment falls is known from the parse. */
export type TimelineUtterance = Pick<ParsedUtterance, 'index' | 'role' | 'line' | 'timestamp' | 'text'>;

/** A segment before it is scored: how many utterances it takes, in order, and the lines it covers. */
export interface PlannedSegment {
  size: number;
  startLine: number;
  endLine: number;
}

/** The segments of a timeline from the parsed utterances alone, so a summary can be counted while the utterances are
 * coded one at a time (see SummaryTally). Every grouping takes utterances in order, so a segment is a run of them. */
export function planTimeline(utterances: readonly TimelineUtterance[]): PlannedSegment[] {
  return planOf(chooseGroups(utterances));
}

function planOf(groups: readonly (readonly TimelineUtterance[])[]): PlannedSegment[] {
  return groups.map((group, position) => {
    const next = groups[position + 1];
    const last = group[group.length - 1];
    return {
      size: group.length,
      startLine: group[0].line,
      // Segments tile the file: each ends where the next begins; the last ends with its last utterance's text.
      endLine: next ? Math.max(last.line, next[0].line - 1) : last.line + lineBreaks(last.text),
    };
  });
}

/** The timeline of planned segments, given each one's counts and the ruptures whose marker it holds. */
export function scoreTimeline(
  plan: readonly PlannedSegment[], counts: readonly SessionCounts[], ruptures: readonly (readonly RuptureEvent[])[], formula: IndexFormula = ALLIANCE_INDEX,
): TimelineSegment[] {
  return plan.map((segment, position) => ({
    startLine: segment.startLine,
    endLine: segment.endLine,
    collaborative: counts[position].collaborative,
    directive: counts[position].directive,
    allianceIndex: allianceIndexOf(indexComponents(counts[position], ruptures[position]), formula),
  }));
}

/** The bins of the timeline: see the head of this file. */
export function chooseGroups<U extends TimelineUtterance>(utterances: readonly U[]): U[][] {
  const byTime = groupByTime(utterances);
  // Counted before the exchanges are gathered: a long session, the usual case, never needs them.
  const short = byTime ? byTime.windows < MIN_TIME_WINDOWS : exchangeCount(utterances) <= SHORT_SESSION_EXCHANGES;
  if (!short) return byTime?.groups ?? groupByCount(utterances);
  const exchanges = groupByExchange(utterances);
  const perSegment = Math.ceil(exchanges.length / MAX_EXCHANGE_SEGMENTS);
  const groups: U[][] = [];
  for (let k = 0; k < exchanges.length; k += perSegment) groups.push(exchanges.slice(k, k + perSegment).flat());
  return groups;
}

/** One group per therapist turn with what follows it up to the next therapist turn; whatever precedes the first
 * therapist turn is a group of its own. Without a therapist (roles unknown), one group per utterance. */
function groupByExchange<U extends TimelineUtterance>(utterances: readonly U[]): U[][] {
  if (!utterances.some((utterance) => utterance.role === 'therapist')) return utterances.map((utterance) => [utterance]);
  const groups: U[][] = [];
  for (const utterance of utterances) {
    if (utterance.role === 'therapist' || groups.length === 0) groups.push([utterance]);
    else groups[groups.length - 1].push(utterance);
  }
  return groups;
}

/** How many groups groupByExchange makes. */
function exchangeCount(utterances: readonly TimelineUtterance[]): number {
  let therapistTurns = 0;
  for (const utterance of utterances) if (utterance.role === 'therapist') therapistTurns++;
  if (therapistTurns === 0) return utterances.length;
  // Whatever precedes the first therapist turn is a group of its own.
  return therapistTurns + (utterances[0].role === 'therapist' ? 0 : 1);
}

function groupByCount<U extends TimelineUtterance>(utterances: readonly U[]): U[][] {
  const segments = Math.min(TIMELINE_SEGMENTS, utterances.length);
  return Array.from({ length: segments }, (_, k) =>
    utterances.slice(Math.floor((k * utterances.length) / segments), Math.floor(((k + 1) * utterances.length) / segments)));
}

/** Five-minute windows from the first timestamp; utterances without one belong with the utterance before them.
 * Null when fewer than half the utterances carry a timestamp (the clock is then too sparse to trust). Empty
 * windows (long silences, gaps in the recording) produce no segment; `windows` counts them all, the session's length. */
function groupByTime<U extends TimelineUtterance>(utterances: readonly U[]): { groups: U[][]; windows: number } | null {
  const seconds = utterances.map((utterance) => toSeconds(utterance.timestamp));
  const stamped = seconds.filter((value) => value !== null);
  if (stamped.length === 0 || stamped.length * 2 < utterances.length) return null;
  const origin = stamped[0];
  const groups = new Map<number, U[]>();
  let window = 0;
  utterances.forEach((utterance, position) => {
    const at = seconds[position];
    // A clock that runs backwards (a restarted recording) keeps the current window rather than reopening an old one.
    if (at !== null) window = Math.max(window, Math.floor((at - origin) / TIMELINE_WINDOW_SECONDS));
    const group = groups.get(window) ?? [];
    group.push(utterance);
    groups.set(window, group);
  });
  return { groups: [...groups.values()], windows: window + 1 };
}

function toSeconds(timestamp: string | null): number | null {
  const match = timestamp ? /^(\d+):(\d{2}):(\d{2})$/.exec(timestamp) : null;
  return match ? Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]) : null;
}

function lineBreaks(text: string): number {
  return text.split('\n').length - 1;
}
