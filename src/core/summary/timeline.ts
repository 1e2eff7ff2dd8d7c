// How the session moved: five-minute windows when the transcript has timestamps, else about ten equal slices of
// utterances. A short session goes exchange by exchange instead (a therapist turn with the replies to it), so a
// five-minute session is not one bar and a rupture and its repair land in bars of their own. Each slice is scored
// with the same counts and index formula as the whole session.
import type { AnalysedUtterance, RuptureEvent, TimelineSegment } from '../types';
import { ALLIANCE_INDEX, allianceIndexOf, indexComponents, type IndexFormula } from './alliance-index';
import { countSession } from './counts';

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
  return groups.map((group, position) => {
    const next = groups[position + 1];
    const last = group[group.length - 1];
    const indices = new Set(group.map((utterance) => utterance.index));
    const counts = countSession(group);
    return {
      startLine: group[0].line,
      // Segments tile the file: each ends where the next begins; the last ends with its last utterance's text.
      endLine: next ? Math.max(last.line, next[0].line - 1) : last.line + lineBreaks(last.text),
      collaborative: counts.collaborative,
      directive: counts.directive,
      allianceIndex: allianceIndexOf(indexComponents(counts, ruptures.filter((rupture) => indices.has(rupture.utteranceIndex))), formula),
    };
  });
}

/** The bins of the timeline: see the head of this file. */
export function chooseGroups(utterances: readonly AnalysedUtterance[]): AnalysedUtterance[][] {
  const byTime = groupByTime(utterances);
  const exchanges = groupByExchange(utterances);
  const short = byTime ? byTime.windows < MIN_TIME_WINDOWS : exchanges.length <= SHORT_SESSION_EXCHANGES;
  if (!short) return byTime?.groups ?? groupByCount(utterances);
  const perSegment = Math.ceil(exchanges.length / MAX_EXCHANGE_SEGMENTS);
  const groups: AnalysedUtterance[][] = [];
  for (let k = 0; k < exchanges.length; k += perSegment) groups.push(exchanges.slice(k, k + perSegment).flat());
  return groups;
}

/** One group per therapist turn with what follows it up to the next therapist turn; whatever precedes the first
 * therapist turn is a group of its own. Without a therapist (roles unknown), one group per utterance. */
function groupByExchange(utterances: readonly AnalysedUtterance[]): AnalysedUtterance[][] {
  if (!utterances.some((utterance) => utterance.role === 'therapist')) return utterances.map((utterance) => [utterance]);
  const groups: AnalysedUtterance[][] = [];
  for (const utterance of utterances) {
    if (utterance.role === 'therapist' || groups.length === 0) groups.push([utterance]);
    else groups[groups.length - 1].push(utterance);
  }
  return groups;
}

function groupByCount(utterances: readonly AnalysedUtterance[]): AnalysedUtterance[][] {
  const segments = Math.min(TIMELINE_SEGMENTS, utterances.length);
  return Array.from({ length: segments }, (_, k) =>
    utterances.slice(Math.floor((k * utterances.length) / segments), Math.floor(((k + 1) * utterances.length) / segments)));
}

/** Five-minute windows from the first timestamp; utterances without one belong with the utterance before them.
 * Null when fewer than half the utterances carry a timestamp (the clock is then too sparse to trust). Empty
 * windows (long silences, gaps in the recording) produce no segment; `windows` counts them all, the session's length. */
function groupByTime(utterances: readonly AnalysedUtterance[]): { groups: AnalysedUtterance[][]; windows: number } | null {
  const seconds = utterances.map((utterance) => toSeconds(utterance.timestamp));
  const stamped = seconds.filter((value) => value !== null);
  if (stamped.length === 0 || stamped.length * 2 < utterances.length) return null;
  const origin = stamped[0];
  const groups = new Map<number, AnalysedUtterance[]>();
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
