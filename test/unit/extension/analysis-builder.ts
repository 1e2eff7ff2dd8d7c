// Hand-made Analysis objects for tests of the pure editor modules: each test states exactly the findings it needs.
import type { AnalysedUtterance, Analysis, Finding } from '../../../src/core/types';

export function finding(rule: string, code: string, stance: Finding['stance'], start: number, end: number): Finding {
  return { rule, code, stance, start, end, message: `${rule} fired` };
}

export function utterance(index: number, start: number, end: number, extra: Partial<AnalysedUtterance> = {}): AnalysedUtterance {
  return {
    index, speaker: 'T', role: 'therapist', line: index + 1, timestamp: null, text: '', start, end,
    stance: 'neutral', behaviour: null, question: null, reflection: null, input: null, talk: null, codes: [], findings: [],
    ...extra,
  };
}

export function analysis(utterances: AnalysedUtterance[]): Analysis {
  return {
    file: 'x.transcript', format: 'labeled', metadata: {}, speakers: [], utterances, warnings: [],
    summary: {
      therapistWords: 0, clientWords: 0, clientTalkShare: null, questions: { open: 0, closed: 0 }, reflections: { simple: 0, complex: 0 },
      reflectionToQuestion: null, percentComplexReflections: null, percentOpenQuestions: null, collaborative: 0, directive: 0,
      miAdherent: 0, miNonAdherent: 0, ruptures: { withdrawal: 0, confrontation: 0 }, changeTalk: 0, sustainTalk: 0,
      allianceIndex: 50, timeline: [], ruptureEvents: [], bands: { reflectionToQuestion: null, percentComplexReflections: null },
    },
  };
}
