// The alliance index: one transparent, linear formula over the session's components. Its weights live in one
// table (ALLIANCE_INDEX) that both computes the index and prints its explanation, so the two cannot drift apart.
import type { RuptureEvent } from '../types';
import { roundTo, type SessionCounts } from './counts';

export interface IndexComponents {
  /** Reflections (simple + complex) per therapist utterance. */
  reflections: number;
  /** Therapist utterances coded as advice, per therapist utterance. */
  advice: number;
  /** Closed questions per therapist utterance. */
  closedQuestions: number;
  /** Collaborative-stance therapist utterances per therapist utterance. */
  collaborative: number;
  /** Directive-stance therapist utterances per therapist utterance. */
  directive: number;
  /** Client words / all words, minus one half (0 when nobody spoke). */
  clientTalkShareAboveHalf: number;
  /** (change − sustain) / (change + sustain) talk, 0 when there is neither. */
  changeOverSustain: number;
  /** Client rupture markers not repaired within three therapist turns (unaddressed or met with directive talk). */
  unrepairedRuptures: number;
}

export interface IndexTerm {
  component: keyof IndexComponents;
  /** Index points per unit of the component. */
  weight: number;
  label: string;
}

export interface IndexFormula {
  /** The index of a session whose components are all zero. */
  base: number;
  min: number;
  max: number;
  terms: IndexTerm[];
  /** Where the weights came from. */
  calibration: string;
}

export const ALLIANCE_INDEX: IndexFormula = {
  base: 50,
  min: 0,
  max: 100,
  terms: [
    { component: 'reflections', weight: 100, label: 'reflections per therapist turn' },
    { component: 'collaborative', weight: 50, label: 'collaborative turns per therapist turn' },
    { component: 'directive', weight: -100, label: 'directive turns per therapist turn' },
    { component: 'advice', weight: -50, label: 'advice turns per therapist turn' },
    { component: 'closedQuestions', weight: -25, label: 'closed questions per therapist turn' },
    { component: 'clientTalkShareAboveHalf', weight: 40, label: '(client talk share − 0.5)' },
    { component: 'changeOverSustain', weight: 10, label: '(change − sustain) / (change + sustain) client talk' },
    { component: 'unrepairedRuptures', weight: -5, label: 'unrepaired ruptures (count)' },
  ],
  calibration: 'uncalibrated starting weights',
};

export function indexComponents(counts: SessionCounts, ruptures: readonly RuptureEvent[]): IndexComponents {
  const perTurn = (count: number) => (counts.therapistUtterances > 0 ? count / counts.therapistUtterances : 0);
  const words = counts.therapistWords + counts.clientWords;
  const clientTalk = counts.changeTalk + counts.sustainTalk;
  return {
    reflections: perTurn(counts.simpleReflections + counts.complexReflections),
    advice: perTurn(counts.advice),
    closedQuestions: perTurn(counts.closedQuestions),
    collaborative: perTurn(counts.collaborative),
    directive: perTurn(counts.directive),
    clientTalkShareAboveHalf: words > 0 ? counts.clientWords / words - 0.5 : 0,
    changeOverSustain: clientTalk > 0 ? (counts.changeTalk - counts.sustainTalk) / clientTalk : 0,
    unrepairedRuptures: ruptures.filter((rupture) => rupture.status !== 'repaired').length,
  };
}

/** The index (rounded to one decimal) of the given components under the formula. */
export function allianceIndexOf(components: IndexComponents, formula: IndexFormula = ALLIANCE_INDEX): number {
  const raw = formula.terms.reduce((sum, term) => sum + term.weight * components[term.component], formula.base);
  return roundTo(Math.min(formula.max, Math.max(formula.min, raw)), 1);
}

/** The formula in plain words, one term a line, for `alliance-lens explain-index`, the README and the tooltip. */
export function describeFormula(formula: IndexFormula = ALLIANCE_INDEX): string {
  const terms = formula.terms.map((term) => `  ${term.weight < 0 ? '−' : '+'} ${Math.abs(term.weight)} × ${term.label}`);
  return [
    `allianceIndex = ${formula.base}`,
    ...terms,
    `clamped to ${formula.min}..${formula.max}. Higher = more alliance-supportive therapist language.`,
    `Weights: ${formula.calibration}.`,
  ].join('\n');
}
