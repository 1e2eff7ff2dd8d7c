// Hand-built coded utterances, so the summary can be tested without the parser or the coding engine.
import type { AnalysedUtterance, Finding, Role } from '../../../src/core/types';

export type Coding = Partial<Omit<AnalysedUtterance, 'index' | 'line' | 'role' | 'text' | 'speaker'>>;
export type Turn = [role: Role, text: string, coding?: Coding];

/** Utterance k (0-based) gets index k and, unless the coding says otherwise, line k + 1. */
export function session(turns: Turn[]): AnalysedUtterance[] {
  let offset = 0;
  return turns.map(([role, text, coding = {}], index) => {
    const start = offset;
    offset += text.length + 4;
    return {
      index, speaker: role === 'therapist' ? 'T' : role === 'client' ? 'C' : 'X', role, line: index + 1, timestamp: null, text,
      stance: 'neutral', behaviour: role === 'therapist' ? 'other' : null,
      question: null, reflection: null, input: null, talk: role === 'client' ? 'neutral' : null,
      codes: [], findings: [], start, end: start + text.length,
      ...coding,
    };
  });
}

export function finding(stance: Finding['stance'], code: string): Finding {
  return { rule: `${code}.test`, code, stance, start: 0, end: 1, message: code };
}
