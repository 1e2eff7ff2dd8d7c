// What the coder knows of the conversation around an utterance. MITI codes a reflection by what it does with the
// client's last words, and a client's "Sure." means something else after "Would it be okay if I…?" than after a
// push. The context is small and exact, so that it can be part of the Analyzer's cache key: an edit to a client
// turn re-codes the therapist replies after it, and nothing else.
import type { QuestionType, Role, UtteranceCoding } from '../types';
import type { MatchResult } from './matcher';

export interface UtteranceContext {
  /** For a therapist utterance: the text of the last client utterance before it. */
  previousClientText: string | null;
  /** For a client utterance: what the last therapist utterance before it asked. */
  previousTherapist: { question: QuestionType | null; askedPermission: boolean } | null;
}

export const NO_CONTEXT: UtteranceContext = { previousClientText: null, previousTherapist: null };

/** The part of the context that can change a coding of this role, as a string for the cache key. */
export function contextKey(role: Role, context: UtteranceContext): string {
  if (role === 'therapist') return context.previousClientText ?? '';
  if (role === 'client' && context.previousTherapist) {
    return `${context.previousTherapist.question ?? ''}/${context.previousTherapist.askedPermission ? 'permission' : ''}`;
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
    if (role === 'therapist') this.lastTherapist = { question: coding.question, askedPermission: coding.codes.includes('collaborative.permission') };
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
  /** A client's plain answer ("Sure.", "Yeah, okay.") to the therapist's closed question or request for permission:
   * an answer, not a withdrawal. */
  answersTherapist: boolean;
}

/** A reply made only of these is a plain answer or assent. "Whatever", "if you say so" and the like are not here:
 * they withdraw whatever was asked. */
const PLAIN_ANSWER = /^(?:(?:sure|fine|okay|ok|yes|yeah|yep|yup|no|nope|maybe|alright|all right|go ahead|of course|not really|i guess(?: so)?|i suppose(?: so)?|i think so|(?:i am |i'm )?not sure|i don't know|uh-huh|mm-hmm|mhm|um|uh|well|please|that's fine|that is fine|that's okay|that is okay)[\s,.!]*)+$/;
/** A sigh, a pause or a trailing off said with the answer is the withdrawal the 3RS codes, whatever the words. */
/** Plain answers are short; longer replies are never tested against the pattern. */
const PLAIN_ANSWER_MAX_LENGTH = 60;
const HESITATION = /\.\.\.|…|\b(sighs?|pause|silence|shrugs?|long pause)\b/i;

export function situate(role: Role, text: string, masked: string, match: MatchResult, context: UtteranceContext): DecisionContext {
  if (role === 'therapist' && context.previousClientText !== null) {
    const clientWords = contentWords(context.previousClientText);
    return { echoes: match.sentences.map((sentence) => echoOf(masked.slice(sentence.start, sentence.end), clientWords)), answersTherapist: false };
  }
  const asked = context.previousTherapist;
  const answerable = asked !== null && (asked.question === 'closed' || asked.askedPermission);
  const reply = masked.trim().toLowerCase();
  const answersTherapist = role === 'client' && answerable && reply.length <= PLAIN_ANSWER_MAX_LENGTH && !HESITATION.test(text) && PLAIN_ANSWER.test(reply);
  return { echoes: null, answersTherapist };
}
