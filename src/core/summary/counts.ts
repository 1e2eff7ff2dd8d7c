// One pass over coded utterances that tallies everything the summary, the timeline and the alliance index need,
// so the three always agree on what was counted.
import { countWords } from '../transcript';
import type { AnalysedUtterance } from '../types';

export interface SessionCounts {
  therapistUtterances: number;
  clientUtterances: number;
  therapistWords: number;
  clientWords: number;
  openQuestions: number;
  closedQuestions: number;
  simpleReflections: number;
  complexReflections: number;
  /** Therapist utterances whose input subtype is advice (MITI: giving information or advice without permission
   * is not MI-adherent, and AnnoMI's low-quality sessions are rich in it). */
  advice: number;
  /** Therapist utterances whose stance is collaborative / directive. */
  collaborative: number;
  directive: number;
  /** MI-adherent / MI-non-adherent codes on therapist utterances: code ids of that stance, each counted once per
   * utterance (as MITI counts a behaviour code once per utterance); an utterance can carry several. A code has the
   * stance its prefix names (collaborative.*, directive.*) or, for other codes, the stance of the findings that
   * produced it (e.g. input.negotiation, which seeks collaboration). */
  miAdherent: number;
  miNonAdherent: number;
  withdrawalRuptures: number;
  confrontationRuptures: number;
  changeTalk: number;
  sustainTalk: number;
}

export const RUPTURE_CODES = { withdrawal: 'rupture.withdrawal', confrontation: 'rupture.confrontation' } as const;

export function emptyCounts(): SessionCounts {
  return {
    therapistUtterances: 0, clientUtterances: 0, therapistWords: 0, clientWords: 0,
    openQuestions: 0, closedQuestions: 0, simpleReflections: 0, complexReflections: 0, advice: 0,
    collaborative: 0, directive: 0, miAdherent: 0, miNonAdherent: 0,
    withdrawalRuptures: 0, confrontationRuptures: 0, changeTalk: 0, sustainTalk: 0,
  };
}

export function countSession(utterances: readonly AnalysedUtterance[]): SessionCounts {
  const counts = emptyCounts();
  for (const utterance of utterances) countUtterance(counts, utterance);
  return counts;
}

/** Adds one utterance to `counts`: the running form of countSession, for a summary built as utterances are coded. */
export function countUtterance(counts: SessionCounts, utterance: AnalysedUtterance): void {
  if (utterance.role === 'therapist') addTherapist(counts, utterance);
  else if (utterance.role === 'client') addClient(counts, utterance);
}

function addTherapist(counts: SessionCounts, utterance: AnalysedUtterance): void {
  counts.therapistUtterances++;
  counts.therapistWords += countWords(utterance.text);
  if (utterance.question === 'open') counts.openQuestions++;
  if (utterance.question === 'closed') counts.closedQuestions++;
  if (utterance.reflection === 'simple') counts.simpleReflections++;
  if (utterance.reflection === 'complex') counts.complexReflections++;
  if (utterance.input === 'advice') counts.advice++;
  if (utterance.stance === 'collaborative') counts.collaborative++;
  if (utterance.stance === 'directive') counts.directive++;
  counts.miAdherent += codesOfStance(utterance, 'collaborative');
  counts.miNonAdherent += codesOfStance(utterance, 'directive');
}

function codesOfStance(utterance: AnalysedUtterance, stance: 'collaborative' | 'directive'): number {
  const codes = new Set(utterance.codes.filter((code) => code.startsWith(`${stance}.`)));
  for (const finding of utterance.findings) {
    if (finding.stance === stance && utterance.codes.includes(finding.code)) codes.add(finding.code);
  }
  return codes.size;
}

function addClient(counts: SessionCounts, utterance: AnalysedUtterance): void {
  counts.clientUtterances++;
  counts.clientWords += countWords(utterance.text);
  if (utterance.talk === 'change') counts.changeTalk++;
  if (utterance.talk === 'sustain') counts.sustainTalk++;
  if (utterance.codes.includes(RUPTURE_CODES.withdrawal)) counts.withdrawalRuptures++;
  if (utterance.codes.includes(RUPTURE_CODES.confrontation)) counts.confrontationRuptures++;
}

/** numerator / denominator, or null when the denominator is zero (the score is undefined, not zero). */
export function ratioOrNull(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

export function roundOrNull(value: number | null, decimals: number): number | null {
  return value === null ? null : roundTo(value, decimals);
}
