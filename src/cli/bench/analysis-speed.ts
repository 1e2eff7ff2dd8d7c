// Cold analysis against a bare compromise/two parse of the same utterances, and a one-utterance edit, measured in
// this process so the ratios compare like with like.
import nlp from 'compromise/two';
import { Analyzer } from '../../core/analyzer';
import type { BenchSession } from './sessions';
import { bestTimes, timeOnce } from './timing';

export interface SessionSpeed {
  name: string;
  utterances: number;
  words: number;
  bareParseMs: number;
  coldMs: number;
  editMs: number;
  /** Utterances the edit re-coded (1 when the cache works). */
  editRecoded: number;
}

/** The session with its middle utterance's text changed (the utterance keeps its speaker). */
export function withOneUtteranceEdited(session: BenchSession): string {
  const lines = session.text.split('\n');
  const middle = Math.floor(lines.filter((line) => line.trim() !== '').length / 2);
  lines[middle] = `${lines[middle]} And you said that was hard.`;
  return lines.join('\n');
}

export function measureSession(session: BenchSession, runs: number): SessionSpeed {
  const bareParse = () => {
    for (const utterance of session.utterances) nlp(utterance);
  };
  const cold = () => {
    new Analyzer().analyze(session.text);
  };
  bareParse();
  cold();
  const [bareParseMs, coldMs] = bestTimes(runs, [bareParse, cold]);

  // Alternating between the two versions makes every timed analysis re-code exactly the edited utterance.
  const editor = new Analyzer();
  const edited = withOneUtteranceEdited(session);
  let showEdited = false;
  editor.analyze(session.text);
  editor.analyze(edited);
  editor.analyze(session.text);
  let editRecoded = 0;
  const [editMs] = bestTimes(runs * 2, [() => {
    showEdited = !showEdited;
    editor.analyze(showEdited ? edited : session.text);
    editRecoded = Math.max(editRecoded, editor.lastCodedCount);
  }]);
  return { name: session.name, utterances: session.utterances.length, words: session.words, bareParseMs, coldMs, editMs, editRecoded };
}

/** CPU time of a bare single-thread compromise/two parse of every utterance of every session, the yardstick of the
 * corpus runs. */
export function bareParseCorpusMs(sessions: readonly BenchSession[]): number {
  return timeOnce(() => {
    for (const session of sessions) for (const utterance of session.utterances) nlp(utterance);
  });
}
