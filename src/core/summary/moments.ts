// The therapist utterances that lean most clearly one way, for the panel's "where to look" and the report's quotes.
import type { AnalysedUtterance, Stance } from '../types';

export interface Moment {
  utteranceIndex: number;
  line: number;
  text: string;
  /** How strongly the utterance leans that way: its number of findings of that stance (at least 1). */
  weight: number;
}

/** The n most collaborative and n most directive therapist utterances; ties go to the earlier utterance. */
export function topMoments(utterances: readonly AnalysedUtterance[], n = 3): { collaborative: Moment[]; directive: Moment[] } {
  return { collaborative: strongest(utterances, 'collaborative', n), directive: strongest(utterances, 'directive', n) };
}

function strongest(utterances: readonly AnalysedUtterance[], stance: Stance, n: number): Moment[] {
  return utterances
    .filter((utterance) => utterance.role === 'therapist' && utterance.stance === stance)
    .map((utterance) => ({
      utteranceIndex: utterance.index,
      line: utterance.line,
      text: utterance.text,
      weight: Math.max(1, utterance.findings.filter((finding) => finding.stance === stance).length),
    }))
    .sort((a, b) => b.weight - a.weight || a.utteranceIndex - b.utteranceIndex)
    .slice(0, Math.max(0, n));
}
