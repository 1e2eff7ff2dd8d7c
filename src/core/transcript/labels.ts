// Speaker labels at the start of a line ("T:", "Dr. Lee:", "[00:01:05] Client:", "Therapist (00:01:05):",
// "**Client:**", "Interviewer (Dr. Smith):") and the role words that name a role by themselves. Matching is anchored at a line start with a sticky expression whose
// parts cannot overlap (label words never hold spaces or colons), so a line costs time linear in its length.
import { memoizeByText } from '../memo';
import type { Role } from '../types';

/** Clock inside brackets: [hh:mm:ss], [mm:ss], (hh:mm:ss), #hh:mm:ss.s#. */
const BRACKETED = String.raw`(?:\[[ \t]*T[ \t]*\]|\([ \t]*T[ \t]*\)|#T#)`.replace(/T/g, String.raw`\d{1,2}:\d{1,2}(?::\d{1,2})?(?:[.,]\d{1,3})?`);
const BARE_LONG = String.raw`\d{1,2}:\d{1,2}:\d{1,2}(?:[.,]\d{1,3})?`;
const BARE_ANY = String.raw`\d{1,2}:\d{1,2}(?::\d{1,2})?(?:[.,]\d{1,3})?`;
const WORD = String.raw`[@#]?[\p{L}\p{N}][\p{L}\p{N}\p{M}.'’_&\-]{0,39}`;
/** Invisible direction marks that right-to-left text may carry before a label. */
const LEAD = String.raw`[ \t\u200E\u200F\u061C]*`;

const LABEL_LINE = new RegExp(
  LEAD
  + String.raw`(?:(${BRACKETED}|${BARE_ANY})[ \t]*(?:[-–—][ \t]*)?)?`
  // Bold labels ("**Therapist:**", "**Client**:") come from documents and chat tools.
  + String.raw`(?:\*\*)?`
  // A label is one to four words and may end with a qualifier in parentheses: "Interviewer (Dr. Smith)".
  + String.raw`(${WORD}(?:[ \t]{1,3}${WORD}){0,3}(?:[ \t]*\([^():\r\n]{1,40}\))?)`
  + String.raw`(?:[ \t]*(${BRACKETED}|${BARE_LONG}))?`
  // The colon must not open a URL ("http://") or a clock ("T:10:30" is not a label).
  + String.raw`(?:\*\*)?[ \t]*[:：](?!\/\/)(?!\d{1,2}:\d)(?:\*\*)?[ \t]*`
  + String.raw`(?:(${BRACKETED}|${BARE_LONG})(?=[ \t\r\n]|$)[ \t]*)?`,
  'uy',
);

const HAS_LETTER = /\p{L}/u;

/** The common case, checked without a Unicode expression. */
function startsWithAsciiLetter(label: string): boolean {
  const code = label.charCodeAt(0) | 0x20;
  return code >= 97 && code <= 122;
}

export interface LabelMatch {
  label: string;
  /** Case-insensitive identity of the speaker. */
  key: string;
  /** The timestamp as written, before or after the label, or null. */
  timestamp: string | null;
  /** Offset where the utterance text may start (after label, colon, timestamp and spaces). */
  textStart: number;
}

/** Reads a speaker label at the start of the line text[start, end). */
export function matchLabel(text: string, start: number, end: number): LabelMatch | null {
  LABEL_LINE.lastIndex = start;
  const match = LABEL_LINE.exec(text);
  if (!match || LABEL_LINE.lastIndex > end) return null;
  const label = match[2];
  if (!startsWithAsciiLetter(label) && !HAS_LETTER.test(label)) return null;
  return {
    label,
    key: cachedSpeakerKey(label),
    timestamp: match[1] ?? match[3] ?? match[4] ?? null,
    textStart: LABEL_LINE.lastIndex,
  };
}

/** Labels repeat on every turn; remembering their keys saves most of the per-line work. */
export const cachedSpeakerKey: (label: string) => string = /* @__PURE__ */ memoizeByText((label) => speakerKey(label), 1000);

/** The identity of a speaker name: case, surrounding space and a leading "@" do not matter. */
export function speakerKey(label: string): string {
  return label.trim().replace(/^@/, '').replace(/\s+/g, ' ').toLowerCase();
}

const ROLE_WORDS = new Map<string, Role>([
  ...['t', 'th', 'therapist', 'counselor', 'counsellor', 'clinician', 'interviewer', 'i',
    'psychotherapist', 'psychologist', 'psychiatrist'].map((word) => [word, 'therapist'] as const),
  ...['c', 'cl', 'client', 'patient', 'p', 'respondent', 'r', 'interviewee', 'participant'].map((word) => [word, 'client'] as const),
]);

/** The role a label names by itself ("T", "Client", "COUNSELLOR."), or through its qualifier ("Dr. Smith
 * (therapist)", "Interviewer (Dr. Smith)"); null for plain names. */
export function roleWordOf(key: string): Role | null {
  const direct = ROLE_WORDS.get(key.replace(/\.$/, ''));
  if (direct) return direct;
  const qualified = /^(.*?)[ \t]*\((.*)\)$/.exec(key);
  return qualified ? (ROLE_WORDS.get(qualified[1]) ?? ROLE_WORDS.get(qualified[2].trim()) ?? null) : null;
}
