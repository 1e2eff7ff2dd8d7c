// Rupture and repair after the 3RS (Eubanks, Muran & Safran): each client rupture marker is followed into the
// therapist's next turns to see whether the therapist repaired it, met it with more directive talk, or let it pass.
import type { AnalysedUtterance, RuptureEvent } from '../types';
import { RUPTURE_CODES } from './counts';
import { findRepairMove } from './repair-moves';

/** How many therapist turns after a rupture marker may still repair it. */
export const THERAPIST_TURNS_TO_REPAIR = 3;

/** A reflection given as the very next therapist turn responds to the rupture itself, whatever its wording. */
const REFLECTION_OF_RUPTURE = 'empathic-reflection';

export function linkRuptures(utterances: readonly AnalysedUtterance[]): RuptureEvent[] {
  const events: RuptureEvent[] = [];
  utterances.forEach((utterance, position) => {
    if (utterance.role !== 'client') return;
    for (const kind of ['withdrawal', 'confrontation'] as const) {
      if (utterance.codes.includes(RUPTURE_CODES[kind])) {
        events.push({ kind, utteranceIndex: utterance.index, line: utterance.line, ...howItWasMet(utterances, position) });
      }
    }
  });
  return events;
}

type Response = Pick<RuptureEvent, 'status' | 'responseIndex' | 'responseLine' | 'repairMove'>;

function howItWasMet(utterances: readonly AnalysedUtterance[], rupturePosition: number): Response {
  const replies = nextTherapistTurns(utterances, rupturePosition + 1, THERAPIST_TURNS_TO_REPAIR);
  let firstDirective: AnalysedUtterance | undefined;
  for (const [turn, reply] of replies.entries()) {
    const move = findRepairMove(reply.text) ?? (turn === 0 && isPlainReflection(reply) ? REFLECTION_OF_RUPTURE : null);
    if (move) return { status: 'repaired', responseIndex: reply.index, responseLine: reply.line, repairMove: move };
    if (reply.stance === 'directive') firstDirective ??= reply;
  }
  if (firstDirective) {
    return { status: 'met-with-directive', responseIndex: firstDirective.index, responseLine: firstDirective.line };
  }
  return { status: 'unaddressed', responseIndex: null, responseLine: null };
}

/** Stops at the n-th therapist turn, so a file with many ruptures stays linear in its length. */
function nextTherapistTurns(utterances: readonly AnalysedUtterance[], from: number, n: number): AnalysedUtterance[] {
  const turns: AnalysedUtterance[] = [];
  for (let position = from; position < utterances.length && turns.length < n; position++) {
    if (utterances[position].role === 'therapist') turns.push(utterances[position]);
  }
  return turns;
}

function isPlainReflection(utterance: AnalysedUtterance): boolean {
  return utterance.reflection !== null && utterance.stance !== 'directive';
}
