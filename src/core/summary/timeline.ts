// How the session moved: about ten equal slices of utterances, or five-minute windows when the transcript has
// timestamps. Each slice is scored with the same counts and index formula as the whole session.
import type { AnalysedUtterance, RuptureEvent, TimelineSegment } from '../types';
import { ALLIANCE_INDEX, allianceIndexOf, indexComponents, type IndexFormula } from './alliance-index';
import { countSession } from './counts';

export const TIMELINE_SEGMENTS = 10;
export const TIMELINE_WINDOW_SECONDS = 5 * 60;

export function buildTimeline(
  utterances: readonly AnalysedUtterance[], ruptures: readonly RuptureEvent[], formula: IndexFormula = ALLIANCE_INDEX,
): TimelineSegment[] {
  const groups = groupByTime(utterances) ?? groupByCount(utterances);
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

function groupByCount(utterances: readonly AnalysedUtterance[]): AnalysedUtterance[][] {
  const segments = Math.min(TIMELINE_SEGMENTS, utterances.length);
  return Array.from({ length: segments }, (_, k) =>
    utterances.slice(Math.floor((k * utterances.length) / segments), Math.floor(((k + 1) * utterances.length) / segments)));
}

/** Five-minute windows from the first timestamp; utterances without one belong with the utterance before them.
 * Null when fewer than half the utterances carry a timestamp (the clock is then too sparse to trust). Empty
 * windows (long silences, gaps in the recording) produce no segment. */
function groupByTime(utterances: readonly AnalysedUtterance[]): AnalysedUtterance[][] | null {
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
  return [...groups.values()];
}

function toSeconds(timestamp: string | null): number | null {
  const match = timestamp ? /^(\d+):(\d{2}):(\d{2})$/.exec(timestamp) : null;
  return match ? Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]) : null;
}

function lineBreaks(text: string): number {
  return text.split('\n').length - 1;
}
