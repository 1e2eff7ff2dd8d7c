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
  const linker = new RuptureLinker(findRepairMove);
  for (const utterance of utterances) linker.add(utterance);
  return linker.finish();
}

interface OpenRupture {
  /** Its place in `events`, so events keep the order of their markers whatever order they are settled in. */
  slot: number;
  kind: RuptureEvent['kind'];
  utteranceIndex: number;
  line: number;
  /** Therapist turns seen since the marker. */
  replies: number;
  firstDirective?: AnalysedUtterance;
}

/** linkRuptures one utterance at a time, for a summary built while a huge transcript is coded and written: a rupture
 * is settled as soon as its repair, or its last therapist turn that may repair it, has been seen, so nothing but
 * the open ruptures is held. */
export class RuptureLinker {
  private readonly events: RuptureEvent[] = [];
  private open: OpenRupture[] = [];

  constructor(private readonly findRepairMove: RepairMoveDetector) {}

  /** Events so far, settled or not: the next marker's event goes in at this position. */
  get count(): number {
    return this.events.length;
  }

  add(utterance: AnalysedUtterance): void {
    if (utterance.role === 'therapist') this.reply(utterance);
    if (utterance.role !== 'client') return;
    for (const kind of ['withdrawal', 'confrontation'] as const) {
      if (utterance.codes.includes(RUPTURE_CODES[kind])) {
        this.open.push({ slot: this.events.length, kind, utteranceIndex: utterance.index, line: utterance.line, replies: 0 });
        // A place holder until the rupture is settled.
        this.events.push(undefined as unknown as RuptureEvent);
      }
    }
  }

  /** Every event; ruptures still open are settled with the replies they had. */
  finish(): RuptureEvent[] {
    for (const rupture of this.open) this.settle(rupture, unrepaired(rupture));
    this.open = [];
    return this.events;
  }

  private reply(reply: AnalysedUtterance): void {
    if (this.open.length === 0) return;
    let move: string | null | undefined;
    this.open = this.open.filter((rupture) => {
      const turn = rupture.replies++;
      // Advice is never a repair, however warmly it opens ("I hear you're frustrated, but you need to…").
      if (!isAdviceOrDirective(reply)) {
        // One detection per reply, however many ruptures it answers.
        if (move === undefined) move = this.findRepairMove(reply.text);
        const found = move ?? (turn === 0 && isPlainReflection(reply) ? REFLECTION_OF_RUPTURE : null);
        if (found) {
          this.settle(rupture, { status: 'repaired', responseIndex: reply.index, responseLine: reply.line, repairMove: found });
          return false;
        }
      }
      if (reply.stance === 'directive') rupture.firstDirective ??= reply;
      if (rupture.replies < THERAPIST_TURNS_TO_REPAIR) return true;
      this.settle(rupture, unrepaired(rupture));
      return false;
    });
  }

  private settle(rupture: OpenRupture, response: Response): void {
    this.events[rupture.slot] = { kind: rupture.kind, utteranceIndex: rupture.utteranceIndex, line: rupture.line, ...response };
  }
}

type Response = Pick<RuptureEvent, 'status' | 'responseIndex' | 'responseLine' | 'repairMove'>;

function unrepaired(rupture: OpenRupture): Response {
  const directive = rupture.firstDirective;
  if (directive) return { status: 'met-with-directive', responseIndex: directive.index, responseLine: directive.line };
  return { status: 'unaddressed', responseIndex: null, responseLine: null };
}

function isAdviceOrDirective(utterance: AnalysedUtterance): boolean {
  return utterance.stance === 'directive' || utterance.input === 'advice';
}

function isPlainReflection(utterance: AnalysedUtterance): boolean {
  return utterance.reflection !== null && ABOUT_THE_CLIENT.test(utterance.text);
}
