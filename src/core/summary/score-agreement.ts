// How far each session score can be trusted: its agreement, session by session, with AnnoMI's experts' own counts,
// as `alliance-lens eval --annomi … --sessions` measures it. The panel, the hover and the report read this table, so
// a score that does not agree with experts is shown as an estimate and never graded with a MITI band.
// Engine-free, so every front end can import it.

export type SessionScoreId =
  | 'questionsPerTurn' | 'reflectionsPerTurn' | 'reflectionToQuestion' | 'percentComplexReflections'
  | 'percentOpenQuestions' | 'changeTalkPerTurn' | 'sustainTalkPerTurn';

/** What a session score is computed from, whoever did the coding (the engine, or the experts' codes). */
export interface SessionTallies {
  therapistTurns: number;
  clientTurns: number;
  openQuestions: number;
  closedQuestions: number;
  simpleReflections: number;
  complexReflections: number;
  changeTalk: number;
  sustainTalk: number;
}

export interface AgreementFigures {
  /** ICC(2,1) against the experts' counts; null when it could not be computed. */
  icc: number | null;
  /** Spearman's rho: do the sessions come out in the experts' order? */
  rho: number | null;
  sessions: number;
}

export interface ScoreAgreement {
  id: SessionScoreId;
  label: string;
  dev: AgreementFigures;
  test: AgreementFigures;
}

/** Below this held-out ICC a score is an estimate: no band, and its agreement is shown beside it. 0.60 is the
 * lower edge of "good" reliability in Cicchetti's (1994) guidelines for ICCs. */
export const MIN_ICC_FOR_BAND = 0.6;

/** Where users read how the figures were measured: the README section and its heading anchor. */
export const ACCURACY_SECTION = 'README, "How good is the coding?"';
export const ACCURACY_ANCHOR = 'how-good-is-the-coding';

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export const SESSION_SCORES: readonly { id: SessionScoreId; label: string; of: (tallies: SessionTallies) => number | null }[] = [
  { id: 'questionsPerTurn', label: 'Questions per therapist turn', of: (t) => share(t.openQuestions + t.closedQuestions, t.therapistTurns) },
  { id: 'reflectionsPerTurn', label: 'Reflections per therapist turn', of: (t) => share(t.simpleReflections + t.complexReflections, t.therapistTurns) },
  { id: 'reflectionToQuestion', label: 'Reflection-to-question ratio', of: (t) => share(t.simpleReflections + t.complexReflections, t.openQuestions + t.closedQuestions) },
  { id: 'percentComplexReflections', label: 'Complex reflections (%)', of: (t) => percent(share(t.complexReflections, t.simpleReflections + t.complexReflections)) },
  { id: 'percentOpenQuestions', label: 'Open questions (%)', of: (t) => percent(share(t.openQuestions, t.openQuestions + t.closedQuestions)) },
  { id: 'changeTalkPerTurn', label: 'Change talk per client turn', of: (t) => share(t.changeTalk, t.clientTurns) },
  { id: 'sustainTalkPerTurn', label: 'Sustain talk per client turn', of: (t) => share(t.sustainTalk, t.clientTurns) },
];

function percent(value: number | null): number | null {
  return value === null ? null : value * 100;
}

/** Measured by `alliance-lens eval --annomi AnnoMI-full.csv --split all --sessions`, which also says when these
 * figures no longer match the engine. */
export const SCORE_AGREEMENT: readonly ScoreAgreement[] = [
  { id: 'questionsPerTurn', label: 'Questions per therapist turn', dev: { icc: 0.88, rho: 0.89, sessions: 89 }, test: { icc: 0.81, rho: 0.84, sessions: 44 } },
  { id: 'reflectionsPerTurn', label: 'Reflections per therapist turn', dev: { icc: 0.51, rho: 0.59, sessions: 89 }, test: { icc: 0.43, rho: 0.35, sessions: 44 } },
  { id: 'reflectionToQuestion', label: 'Reflection-to-question ratio', dev: { icc: 0.36, rho: 0.66, sessions: 87 }, test: { icc: 0.52, rho: 0.60, sessions: 43 } },
  { id: 'percentComplexReflections', label: 'Complex reflections (%)', dev: { icc: 0.23, rho: 0.20, sessions: 78 }, test: { icc: 0.11, rho: 0.16, sessions: 39 } },
  { id: 'percentOpenQuestions', label: 'Open questions (%)', dev: { icc: 0.43, rho: 0.46, sessions: 87 }, test: { icc: 0.32, rho: 0.30, sessions: 43 } },
  { id: 'changeTalkPerTurn', label: 'Change talk per client turn', dev: { icc: 0.42, rho: 0.44, sessions: 89 }, test: { icc: 0.39, rho: 0.45, sessions: 44 } },
  { id: 'sustainTalkPerTurn', label: 'Sustain talk per client turn', dev: { icc: 0.12, rho: 0.22, sessions: 89 }, test: { icc: 0.23, rho: 0.20, sessions: 44 } },
];

export function agreementOf(id: SessionScoreId): ScoreAgreement {
  const found = SCORE_AGREEMENT.find((row) => row.id === id);
  if (!found) throw new RangeError(`no agreement figures for ${id}`);
  return found;
}

/** Which scores may be graded; front ends take one so that tests can exercise both kinds of display. */
export type ScoreTrust = (id: SessionScoreId) => boolean;

/** A MITI band may be shown only for a score that agrees with experts on held-out sessions. */
export function bandIsTrusted(id: SessionScoreId): boolean {
  const { icc } = agreementOf(id).test;
  return icc !== null && icc >= MIN_ICC_FOR_BAND;
}

export function agreementText(id: SessionScoreId): string {
  const { icc } = agreementOf(id).test;
  return icc === null ? 'not measured' : `ICC ${icc.toFixed(2)}`;
}

/** "agrees with experts ICC 0.40": the one line the panel shows under an estimated score; estimateNote is its
 * tooltip. */
export function estimateBrief(id: SessionScoreId): string {
  return `agrees with experts ${agreementText(id)}`;
}

/** "Estimate, not graded: agrees with expert coders at ICC 0.40 …", beside every score that is not trusted. Short,
 * because it stands beside each such score; the README section it points to says how it was measured. */
export function estimateNote(id: SessionScoreId): string {
  return `Estimate, not graded: session by session it agrees with expert coders at ${agreementText(id)} on held-out `
    + `sessions; a MITI band needs ${MIN_ICC_FOR_BAND.toFixed(2)}.`;
}
