// Hand-built coded utterances, so the summary can be tested without the parser or the coding engine.
import { findRepairMove } from '../../../src/core/coding/repair-moves';
import { summarize } from '../../../src/core/summary';
import type { AnalysedUtterance, Analysis, Finding, ParsedTranscript, Role } from '../../../src/core/types';

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

/** Twelve utterances, one a line, exercising every summary number; summary.test.ts works them out by hand.
 * Word counts are in the trailing comments. */
export const supervisionSession = session([
  ['therapist', 'What brings you here today?', { behaviour: 'question', question: 'open', codes: ['question.open'] }], // 5
  ['client', 'My wife thinks I drink too much.'], // 7
  ['therapist', 'Do you agree with her?', { behaviour: 'question', question: 'closed', codes: ['question.closed'] }], // 5
  ['client', 'Maybe a little. I want to cut down.', { talk: 'change', codes: ['talk.change'] }], // 8
  ['therapist', 'You want to cut down.', { behaviour: 'reflection', reflection: 'simple', codes: ['reflection.simple'] }], // 5
  ['client', "But I don't see the point of this.", { talk: 'sustain', codes: ['talk.sustain', 'rupture.confrontation'] }], // 8
  ['therapist', 'You should just stop drinking right now.', {
    stance: 'directive', behaviour: 'input', input: 'advice', codes: ['directive.persuade', 'directive.command', 'input.advice'],
  }], // 7
  ['client', 'Whatever.', { codes: ['rupture.withdrawal'] }], // 1
  ['therapist', "It sounds like this isn't helping, and I may have pushed too hard.", {
    behaviour: 'reflection', reflection: 'complex', codes: ['reflection.complex'],
  }], // 13
  ['client', 'Yeah. I do want to feel better.', { talk: 'change', codes: ['talk.change'] }], // 7
  ['therapist', "It's your choice. What would work for you?", {
    stance: 'collaborative', behaviour: 'question', question: 'open',
    // The autonomy code is listed twice on purpose: a code counts once per utterance.
    codes: ['collaborative.autonomy', 'collaborative.seek', 'collaborative.autonomy', 'question.open'],
  }], // 8
  ['client', 'I could try fewer nights out, maybe.', { talk: 'change', codes: ['talk.change'] }], // 7
]);

export const emptyParsed: ParsedTranscript = { format: 'labeled', speakers: [], utterances: [], metadata: {}, warnings: [] };

/** An Analysis of hand-coded utterances, summarised by the real summary code. */
export function analysisOf(utterances: AnalysedUtterance[], file = 'session.txt'): Analysis {
  return { file, format: 'labeled', metadata: {}, speakers: [], utterances, summary: summarizeSession(emptyParsed, utterances), warnings: [] };
}

/** The summary as the Analyzer makes it: with the nlp layer's repair-move detector. */
export function summarizeSession(parsed: ParsedTranscript, utterances: AnalysedUtterance[]) {
  return summarize(parsed, utterances, findRepairMove);
}
