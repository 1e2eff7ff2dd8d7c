// The shapes every part of Alliance Lens agrees on. The Analysis object and its parts follow section 3 of
// shared/ARCHITECTURE.md exactly; fields marked "addition" are extra, additive information that front ends need
// (exact utterance ranges, rupture events with repair status, MITI bands) and that the contract leaves room for.

export type TranscriptFormat = 'labeled' | 'webvtt' | 'srt' | 'otter';
export type Role = 'therapist' | 'client' | 'other';
export type Stance = 'collaborative' | 'directive' | 'neutral';
export type Behaviour = 'question' | 'reflection' | 'input' | 'other';
export type QuestionType = 'open' | 'closed';
export type ReflectionType = 'simple' | 'complex';
export type InputType = 'information' | 'advice' | 'negotiation' | 'options';
export type TalkType = 'change' | 'sustain' | 'neutral';

export const CODE_IDS = [
  'collaborative.seek', 'collaborative.autonomy', 'collaborative.permission', 'collaborative.affirm',
  'directive.persuade', 'directive.command', 'directive.obligation', 'directive.warn', 'directive.confront',
  'question.open', 'question.closed', 'reflection.simple', 'reflection.complex',
  'input.information', 'input.advice', 'input.negotiation', 'input.options',
  'talk.change', 'talk.sustain', 'rupture.withdrawal', 'rupture.confrontation',
] as const;
export type BuiltInCodeId = (typeof CODE_IDS)[number];

export interface Warning {
  /** 1-based line the warning is about (0 when it concerns the whole file). */
  line: number;
  message: string;
}

/** A run of an utterance's text that is copied verbatim from the file: text[textStart, textStart+length) equals
 * file[fileStart, fileStart+length). Labelled utterances have one span; merged WebVTT/SRT cues have one per cue,
 * and the characters between spans (the '\n' joining cues, stripped tags) have no span. */
export interface TextSpan {
  textStart: number;
  fileStart: number;
  length: number;
}

export interface SpeakerInfo {
  label: string;
  role: Role;
}

/** One utterance as the parser read it, before any coding. */
export interface ParsedUtterance {
  index: number;
  speaker: string;
  role: Role;
  /** 1-based line where the speaker is named (label, cue or header line). */
  line: number;
  /** "hh:mm:ss" or null. */
  timestamp: string | null;
  /** The utterance without label and timestamp; non-verbal marks such as [laughs] stay in. */
  text: string;
  /** UTF-16 offsets in the file of the first and one-past-last character of the text. */
  start: number;
  end: number;
  spans: TextSpan[];
}

export interface ParsedTranscript {
  format: TranscriptFormat;
  speakers: SpeakerInfo[];
  utterances: ParsedUtterance[];
  /** Every front-matter key (therapist and client included) with its value as written. */
  metadata: Record<string, string>;
  warnings: Warning[];
  /** Set when the input was refused outright (binary text); utterances is then empty. */
  refused?: string;
}

export interface Finding {
  /** Stable rule id, e.g. "directive.command.imperative". */
  rule: string;
  /** Code id, e.g. "directive.command". */
  code: string;
  stance: Stance;
  /** UTF-16 offsets in the file of the words that fired. */
  start: number;
  end: number;
  message: string;
}

/** What the coding engine decides for one utterance. Offsets of findings are relative to the utterance text
 * until the Analyzer maps them into the file. */
export interface UtteranceCoding {
  stance: Stance;
  behaviour: Behaviour | null;
  question: QuestionType | null;
  reflection: ReflectionType | null;
  input: InputType | null;
  talk: TalkType | null;
  codes: string[];
  findings: Finding[];
}

/** An utterance of the Analysis: the parser's fields (its start/end offsets are an addition to the contract; the
 * spans stay internal) and the coder's decisions. */
export type AnalysedUtterance = Omit<ParsedUtterance, 'spans'> & UtteranceCoding;

export interface SpeakerSummary {
  label: string;
  role: Role;
  turns: number;
  words: number;
}

export interface TimelineSegment {
  startLine: number;
  endLine: number;
  collaborative: number;
  directive: number;
  allianceIndex: number;
}

export type RepairStatus = 'repaired' | 'unaddressed' | 'met-with-directive';

/** addition: one client rupture marker and how the therapist met it (3RS). */
export interface RuptureEvent {
  kind: 'withdrawal' | 'confrontation';
  utteranceIndex: number;
  line: number;
  status: RepairStatus;
  /** The therapist utterance that repaired it, or that met it with directive talk. */
  responseIndex: number | null;
  responseLine: number | null;
  /** addition: the id of the 3RS repair move found (see src/core/summary/repair-move-list.ts) when repaired. */
  repairMove?: string;
}

export type Band = 'below' | 'fair' | 'good';

export interface Summary {
  therapistWords: number;
  clientWords: number;
  clientTalkShare: number | null;
  questions: { open: number; closed: number };
  reflections: { simple: number; complex: number };
  reflectionToQuestion: number | null;
  percentComplexReflections: number | null;
  percentOpenQuestions: number | null;
  collaborative: number;
  directive: number;
  miAdherent: number;
  miNonAdherent: number;
  ruptures: { withdrawal: number; confrontation: number };
  changeTalk: number;
  sustainTalk: number;
  allianceIndex: number;
  timeline: TimelineSegment[];
  /** addition: rupture markers with repair status. */
  ruptureEvents: RuptureEvent[];
  /** addition: MITI bands for the summary scores (null where the score is undefined). */
  bands: { reflectionToQuestion: Band | null; percentComplexReflections: Band | null };
}

export interface Analysis {
  file: string;
  format: TranscriptFormat;
  /** The front matter's keys and values as strings ({} without front matter); `date` may instead come from a
   * YYYY-MM-DD in the file name (see core/session-metadata.ts). */
  metadata: Record<string, string>;
  speakers: SpeakerSummary[];
  utterances: AnalysedUtterance[];
  summary: Summary;
  warnings: Warning[];
}
