// What the coder knows of the conversation around an utterance. MITI codes a reflection by what it does with the
// client's last words, and a client's "Sure." means something else after "Would it be okay if I…?" than after a
// push. The context is small and exact, so that it can be part of the Analyzer's cache key: an edit to a client
// turn re-codes the therapist replies after it, and nothing else.
import type { QuestionType, Role, UtteranceCoding } from '../types';
import type { MatchResult } from './matcher';

export interface UtteranceContext {
  /** For a therapist utterance: the text of the last client utterance before it. */
  previousClientText: string | null;
  /** For a client utterance: what the last therapist utterance before it asked or pressed for. */
  previousTherapist: TherapistTurn | null;
}

export interface TherapistTurn {
  question: QuestionType | null;
  askedPermission: boolean;
  /** The turn was directive: an order, advice without permission, a warning or a confrontation. */
  pushed: boolean;
}

/** What a client's reply to this therapist coding may depend on. */
export function therapistTurnOf(coding: UtteranceCoding): TherapistTurn {
  return { question: coding.question, askedPermission: coding.codes.includes('collaborative.permission'), pushed: coding.stance === 'directive' };
}

export const NO_CONTEXT: UtteranceContext = { previousClientText: null, previousTherapist: null };

/** The part of the context that can change a coding of this role, as a string for the cache key. */
export function contextKey(role: Role, context: UtteranceContext): string {
  if (role === 'therapist') return context.previousClientText ?? '';
  if (role === 'client' && context.previousTherapist) {
    const { question, askedPermission, pushed } = context.previousTherapist;
    return `${question ?? ''}/${askedPermission ? 'permission' : ''}/${pushed ? 'pushed' : ''}`;
  }
  return '';
}

/** Walks a conversation in order and gives each utterance the context of the turns before it. */
export class ConversationContext {
  private lastClientText: string | null = null;
  private lastTherapist: UtteranceContext['previousTherapist'] = null;

  contextFor(role: Role): UtteranceContext {
    if (role === 'therapist') return { previousClientText: this.lastClientText, previousTherapist: null };
    if (role === 'client') return { previousClientText: null, previousTherapist: this.lastTherapist };
    return NO_CONTEXT;
  }

  record(role: Role, text: string, coding: UtteranceCoding): void {
    if (role === 'client') this.lastClientText = text;
    if (role === 'therapist') this.lastTherapist = therapistTurnOf(coding);
  }
}

/** Function words, fillers and pronouns: what two turns share without one restating the other. */
const FUNCTION_WORDS = new Set(`a an the and or but so if then than that this these those there here it its it's
i me my mine myself we us our ours you your yours yourself he him his she her hers they them their theirs
am is are was were be been being do does did done have has had having will would shall should can could may might must
to of in on at by for with about from into onto over under up down out off as not no yes yeah okay ok well just really
very quite too also still even only some any all more most much many lot lots bit kind sort like um uh mm hmm oh
what when where why how who which whom whose because while though although since until again ever never always
don't doesn't didn't can't won't isn't aren't wasn't weren't i'm you're it's that's there's i've you've i'd you'd
get got go going gone thing things something anything everything know think mean say said feel felt right now`.split(/\s+/));

/** The content words of a text, lower-cased; a crude stem (final "s", "ed", "ing" off) lets "drink" meet
 * "drinking". */
export function contentWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const raw of text.toLowerCase().match(/[a-z][a-z']*/g) ?? []) {
    if (raw.length < 3 || FUNCTION_WORDS.has(raw)) continue;
    words.add(stem(raw));
  }
  return words;
}

function stem(word: string): string {
  const base = word.replace(/'s$/, '');
  for (const suffix of ['ing', 'ed', 'es', 's']) {
    if (base.length > suffix.length + 3 && base.endsWith(suffix)) return base.slice(0, -suffix.length);
  }
  return base;
}

/** How a therapist sentence relates to the client's last turn: its content words, and how many of them the client
 * used. */
export interface Echo {
  content: number;
  shared: number;
}

export function echoOf(sentence: string, clientWords: ReadonlySet<string>): Echo {
  const words = contentWords(sentence);
  let shared = 0;
  for (const word of words) if (clientWords.has(word)) shared++;
  return { content: words.size, shared };
}

/** What decide() needs of the context, worked out once per utterance. */
export interface DecisionContext {
  /** Per sentence, how much of it the client's last turn already said; null without a client turn before. */
  echoes: Echo[] | null;
  /** Per therapist sentence: it speaks of what can, may or will happen ("That can help", "You may find…") and not of
   * what the client feels, wants or said. Empty for a client utterance. */
  hypothetical: boolean[];
  /** A client's plain answer ("Sure.", "Yeah, okay.") to the therapist's closed question or request for permission,
   * or to a statement that asked and pressed for nothing: an answer, not a withdrawal. */
  answersTherapist: boolean;
  /** The words of a minimal reply right after a directive turn ("Sure.", "Mm."), or said with a sigh or trailing off
   * ("(sighs) Yeah, okay.", "... Okay."): going along without engaging, the withdrawal the 3RS codes. Null otherwise. */
  withdrawnReply: { start: number; end: number } | null;
}

/** Findings that come from the conversation rather than from one rule's words: described like rules, so that every
 * highlight still names its rule and reason. */
export const CONTEXT_RULES = [{
  id: 'rupture.withdrawal.minimal-in-context',
  code: 'rupture.withdrawal',
  stance: 'neutral' as const,
  message: 'A minimal reply ("Sure.", "Mm.") right after the therapist pushed, or said with a sigh or trailing off: going along without engaging is a withdrawal rupture marker.',
  reference: '3RS (Eubanks, Muran & Safran) · Withdrawal: minimal response, deferential compliance',
}];

/** A reply made only of these is a plain answer or assent. "Whatever", "if you say so" and the like are not here:
 * they withdraw whatever was asked. */
const PLAIN_ANSWER = /^(?:(?:sure|fine|okay|ok|yes|yeah|yep|yup|no|nope|maybe|alright|all right|go ahead|of course|not really|i guess(?: so)?|i suppose(?: so)?|i think so|(?:i am |i'm )?not sure|i don't know|uh-huh|mm-hmm|mhm|mm|um|uh|well|please|that's fine|that is fine|that's okay|that is okay|we'll see|we will see|i know|i mean|(?:i )?(?:don't|do not) mind|(?:i )?(?:don't|do not|can't|cannot) remember)[\s,.!…]*)+$/;
/** A sigh, a pause or a trailing off said with the answer is the withdrawal the 3RS codes, whatever the words. */
/** Plain answers are short; longer replies are never tested against the pattern. */
const PLAIN_ANSWER_MAX_LENGTH = 60;
const HESITATION = /\.\.\.|…|\b(sighs?|pause|silence|shrugs?|long pause)\b/i;

/** Modals of possibility and prediction: a statement built on them tells how things go, not what the client said. */
const POSSIBILITY = /\b(?:can|will|may|might|could)\b|'ll\b/i;
/** The client as the one who feels, wants, thinks or said something: "you're not sure you can" still reflects ("if you want…"
 * sets a condition and does not). */
const CLIENT_EXPERIENCE = /(?<!\b(?:if|when|whatever|wherever) )\byou(?:'re| are| were|'ve| have been|'d like|'d rather| would like| would rather| feel| felt| want| wanna| wish| hope| worry| fear| like| love| hate| enjoy| miss| care| think| thought| believe| wonder| notice| noticed| see| saw| seem| say| said| told| mentioned| don't| didn't| do not| did not| really| kind of| sort of| just)\b/i;

export function situate(role: Role, text: string, masked: string, match: MatchResult, context: UtteranceContext, rulesOff: readonly string[] = []): DecisionContext {
  if (role === 'therapist') {
    const clientWords = context.previousClientText === null ? null : contentWords(context.previousClientText);
    const sentences = match.sentences.map((sentence) => masked.slice(sentence.start, sentence.end));
    return {
      echoes: clientWords && sentences.map((sentence) => echoOf(sentence, clientWords)),
      hypothetical: sentences.map((sentence) => POSSIBILITY.test(sentence) && !CLIENT_EXPERIENCE.test(sentence)),
      answersTherapist: false,
      withdrawnReply: null,
    };
  }
  const asked = context.previousTherapist;
  // A plain "Fine." or "Okay." after a statement that asked for nothing and pressed nothing (a reflection, an offer
  // to leave a topic) takes it in; only after an open question is it the minimal reply the 3RS codes.
  const answerable = asked !== null && (asked.question === 'closed' || asked.askedPermission || (asked.question === null && !asked.pushed));
  const reply = masked.trim().toLowerCase().replace(/^[.…\s]+/, '');
  const plain = role === 'client' && reply.length > 0 && reply.length <= PLAIN_ANSWER_MAX_LENGTH && PLAIN_ANSWER.test(reply);
  const hesitant = HESITATION.test(text);
  const answersTherapist = plain && answerable && !hesitant;
  const afterPush = asked !== null && asked.pushed && !answerable;
  const withdrawnReply = plain && (afterPush || hesitant) && !rulesOff.includes(CONTEXT_RULES[0].id) ? wordsSpan(masked) : null;
  return { echoes: null, hypothetical: [], answersTherapist, withdrawnReply };
}

/** From the first to the last letter of the reply (the masked text keeps offsets, so they hold for the original). */
function wordsSpan(masked: string): { start: number; end: number } {
  const start = masked.search(/[\p{L}]/u);
  let end = masked.length;
  while (end > start && !/[\p{L}]/u.test(masked[end - 1])) end--;
  return { start: Math.max(start, 0), end };
}
