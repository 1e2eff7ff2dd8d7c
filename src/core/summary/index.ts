// STUB until the summary issue lands: the summary helper replaces this file's body, keeping these exports.
import type { AnalysedUtterance, ParsedTranscript, Summary } from '../types';

export function summarize(_parsed: ParsedTranscript, _utterances: AnalysedUtterance[]): Summary {
  return {
    therapistWords: 0, clientWords: 0, clientTalkShare: null,
    questions: { open: 0, closed: 0 }, reflections: { simple: 0, complex: 0 },
    reflectionToQuestion: null, percentComplexReflections: null, percentOpenQuestions: null,
    collaborative: 0, directive: 0, miAdherent: 0, miNonAdherent: 0,
    ruptures: { withdrawal: 0, confrontation: 0 }, changeTalk: 0, sustainTalk: 0,
    allianceIndex: 50, timeline: [], ruptureEvents: [],
    bands: { reflectionToQuestion: null, percentComplexReflections: null },
  };
}

export interface Moment {
  utteranceIndex: number;
  line: number;
  text: string;
  /** How strongly the utterance leans that way (e.g. its number of findings of that stance). */
  weight: number;
}

/** The n most collaborative and n most directive therapist utterances, for the panel and the report. */
export function topMoments(_utterances: AnalysedUtterance[], _n = 3): { collaborative: Moment[]; directive: Moment[] } {
  return { collaborative: [], directive: [] };
}

/** The alliance index's formula in plain words, for `alliance-lens explain-index` and the panel's tooltip. */
export const ALLIANCE_INDEX_FORMULA = 'stub: the summary issue defines the formula';
