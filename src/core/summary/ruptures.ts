// Rupture and repair after the 3RS (Eubanks, Muran & Safran): each client rupture marker is followed into the
// therapist's next turns to see whether the therapist repaired it, met it with more directive talk, or let it pass.
import type { AnalysedUtterance, RuptureEvent } from '../types';
import { RUPTURE_CODES } from './counts';

/** The id of the first repair move found in a therapist's reply, or null. The detector is compromise's work (the nlp
 * layer's coding/repair-moves.ts), so the summary, pure arithmetic over coded utterances, receives it. */
export type RepairMoveDetector = (text: string) => string | null;

/** How many therapist turns after a rupture marker may still repair it. */
export const THERAPIST_TURNS_TO_REPAIR = 3;

/** A reflection given as the very next therapist turn responds to the rupture itself, whatever its wording, when it
 * is about the client ("Coming here wasn't your choice") or says how it seems ("It sounds like…"). A bare statement
 * the coder took for a reflection ("It's important, though.") is not. */
const REFLECTION_OF_RUPTURE = 'empathic-reflection';
const ABOUT_THE_CLIENT = /\b(you|your|you're|you've|you'd|you'll|yours|yourself|sounds like|seems like|feels like)\b/i;

export function linkRuptures(utterances: readonly AnalysedUtterance[], findRepairMove: RepairMoveDetector): RuptureEvent[] {
  const therapistTurns = utterances.filter((utterance) => utterance.role === 'therapist');
  const events: RuptureEvent[] = [];
  // Walks the therapist turns alongside the utterances, so each rupture finds its replies without a rescan.
  let nextTherapistTurn = 0;
  for (const utterance of utterances) {
    if (utterance.role === 'therapist') nextTherapistTurn++;
    if (utterance.role !== 'client') continue;
    for (const kind of ['withdrawal', 'confrontation'] as const) {
      if (utterance.codes.includes(RUPTURE_CODES[kind])) {
        const replies = therapistTurns.slice(nextTherapistTurn, nextTherapistTurn + THERAPIST_TURNS_TO_REPAIR);
        events.push({ kind, utteranceIndex: utterance.index, line: utterance.line, ...howItWasMet(replies, findRepairMove) });
      }
    }
  }
  return events;
}

type Response = Pick<RuptureEvent, 'status' | 'responseIndex' | 'responseLine' | 'repairMove'>;

function howItWasMet(replies: readonly AnalysedUtterance[], findRepairMove: RepairMoveDetector): Response {
  let firstDirective: AnalysedUtterance | undefined;
  for (const [turn, reply] of replies.entries()) {
    // Advice is never a repair, however warmly it opens ("I hear you're frustrated, but you need to…").
    const move = isAdviceOrDirective(reply) ? null
      : findRepairMove(reply.text) ?? (turn === 0 && isPlainReflection(reply) ? REFLECTION_OF_RUPTURE : null);
    if (move) return { status: 'repaired', responseIndex: reply.index, responseLine: reply.line, repairMove: move };
    if (reply.stance === 'directive') firstDirective ??= reply;
  }
  if (firstDirective) {
    return { status: 'met-with-directive', responseIndex: firstDirective.index, responseLine: firstDirective.line };
  }
  return { status: 'unaddressed', responseIndex: null, responseLine: null };
}

function isAdviceOrDirective(utterance: AnalysedUtterance): boolean {
  return utterance.stance === 'directive' || utterance.input === 'advice';
}

function isPlainReflection(utterance: AnalysedUtterance): boolean {
  return utterance.reflection !== null && ABOUT_THE_CLIENT.test(utterance.text);
}
