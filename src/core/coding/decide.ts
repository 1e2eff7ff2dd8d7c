// From one utterance's findings to its codes. The precedence follows MITI 4.2.1's decision rules, adapted to
// what AnnoMI's experts code (one main behaviour per utterance):
//
// Stance (therapist)
//   1. Command, obligation, warning and confrontation findings make the utterance directive: asking permission
//      does not soften an order. An imperative beside words that hand the choice back ("When you feel ready, call
//      the clinic"; "Take it or leave it") is advice offered with autonomy, which MITI codes Persuade with
//      Permission; "if you want" does not count there, since "If you want to get well, stop" is still an order.
//   2. Persuasion and unsolicited advice are directive, unless the same utterance asks permission or emphasises
//      the client's autonomy: MITI codes that "Persuade with Permission", which is MI-adherent (collaborative).
//   3. Otherwise any collaborative finding (seeking collaboration, autonomy, permission, affirmation) makes it
//      collaborative.
//   4. Everything else is neutral (questions, reflections, information, small talk).
// Behaviour (therapist)
//   - A question is present when a sentence ends with "?" (and is not just a tag such as "…, isn't it?") or an
//     open invitation fires ("Tell me more", "Walk me through it"): MITI codes invitations as open questions.
//     Its type is that of the last question (the one the client answers): open for what/how/why and
//     invitations, closed for yes/no questions and requests for a fact (how many, when, where, which).
//   - Input is advice when advice, persuasion, command, obligation or warning findings fire; options and negotiation
//     from their findings; information from information findings.
//   - A reflection is a statement about the client's experience: a reflection finding ("it sounds like",
//     "you feel"), or a declarative sentence of three or more words that is not input, not a mere
//     acknowledgement, not a confrontation or warning, not about the speaker (self-disclosure), and not
//     information: a longer statement that leaves the client out, or one about what can or will happen ("That can
//     help", "You may find…"), unless it repeats the client's last words. With no client turn before it, a
//     statement must address the client to be a reflection: there is nothing else to reflect. A turn with an order, an obligation, a warning
//     or a confrontation has no reflection at all: that is what the client hears. Reflections often have no question mark, and some end with one; tag questions
//     count as reflections.
//   - Main behaviour: advice/options/negotiation input first (the experts code the utterance by what it asks
//     of the client), then a question, then a reflection, then information, else other.
//   - Reflection type: complex when a complex-reflection finding fires (feelings, wants, values, meaning, metaphor,
//     double-sided "on the other hand", amplification) in words that are not just the client's own, or when the
//     statement is long and has no simple lead-in ("So you…", "You said…"); otherwise simple (repeating or
//     rephrasing).
// Findings (therapist)
//   - One finding per code and place; in a sentence that stays directive, collaborative phrases other than
//     affirmations are part of the directive and are not findings of their own.
// Talk (client)
//   - Change or sustain from their findings; when both fire, the later statement wins (clients often end on
//     where they stand); neither is neutral. Rupture markers are codes of their own and do not change talk.
import type { Behaviour, Finding, InputType, QuestionType, ReflectionType, Role, Stance, TalkType, UtteranceCoding } from '../types';
import { CONTEXT_RULES, type DecisionContext, type Echo } from './context';
import type { MatchResult } from './matcher';

const HARD_DIRECTIVE = new Set(['directive.command', 'directive.obligation', 'directive.warn', 'directive.confront']);
const ADVICE_CODES = new Set(['input.advice', 'directive.persuade', 'directive.command', 'directive.obligation', 'directive.warn']);
/** A confrontation ("You're just avoiding it") labels the client from outside: it is never a reflection, however
 * much it sounds like one. A warning is advice by threat, so ADVICE_CODES holds it. */
const NOT_REFLECTIVE = new Set(['directive.confront', 'directive.warn']);
const SOFTENERS = new Set(['collaborative.permission', 'collaborative.autonomy']);
/** Statements shorter than this are acknowledgements ("Okay.", "I see."), not reflections. */
const MIN_REFLECTION_WORDS = 3;
/** A greeting or thanks ("Hi Carrie, thanks for coming in today.") up to this long is not a reflection. */
const ACKNOWLEDGEMENT_MAX_WORDS = 10;
/** A statement this long that does not address the client is information; shorter ones ("So it's been hard.")
 * are usually reflections. Chosen on AnnoMI dev and MITI-coded sentences together: on the latter it moves two
 * in five information sentences out of "reflection" at a small cost in AnnoMI reflection agreement. */
const IMPERSONAL_INFORMATION_WORDS = 7;
/** A reflective statement this long usually adds meaning beyond the client's words (complex). */
const COMPLEX_REFLECTION_WORDS = 14;
/** A statement that repeats this many of the client's last content words restates the client: a reflection, even
 * when it does not say "you" ("The drinking and the arguments go together."). */
const ECHO_SHARED_WORDS = 2;

export function deriveStance(findings: readonly Finding[]): Stance {
  const codes = new Set(findings.map((finding) => finding.code));
  const autonomy = codes.has('collaborative.autonomy');
  if (findings.some((finding) => finding.stance === 'directive' && HARD_DIRECTIVE.has(finding.code)
    && !(autonomy && finding.code === 'directive.command'))) return 'directive';
  const softened = [...codes].some((code) => SOFTENERS.has(code));
  if (findings.some((finding) => finding.stance === 'directive') && !softened) return 'directive';
  if (findings.some((finding) => finding.stance === 'collaborative' || finding.stance === 'directive')) return 'collaborative';
  return 'neutral';
}

function has(findings: readonly Finding[], code: string): boolean {
  return findings.some((finding) => finding.code === code);
}

/** Persuasion or advice inside a question ("Have you thought about just quitting?") sets the stance, not the
 * behaviour: the utterance is still coded as a question. */
function inputType(findings: readonly Finding[], isQuestion: readonly boolean[], sentenceOf: (finding: Finding) => number): InputType | null {
  if (findings.some((finding) => ADVICE_CODES.has(finding.code) && !isQuestion[sentenceOf(finding)])) return 'advice';
  if (has(findings, 'input.options')) return 'options';
  if (has(findings, 'input.negotiation')) return 'negotiation';
  if (has(findings, 'input.information')) return 'information';
  return null;
}

interface TherapistCoding {
  behaviour: Behaviour;
  question: QuestionType | null;
  reflection: ReflectionType | null;
  input: InputType | null;
}

function repeatsClient(echo: Echo | undefined): boolean {
  return echo !== undefined && echo.shared >= ECHO_SHARED_WORDS;
}

function codeTherapist(findings: readonly Finding[], match: MatchResult, sentenceOf: (finding: Finding) => number, context: DecisionContext): TherapistCoding {
  const codesIn = match.sentences.map(() => new Set<string>());
  for (const finding of findings) codesIn[sentenceOf(finding)]?.add(finding.code);
  // "Yeah?" or "All right?" on its own is a backchannel with a rising voice, not a question.
  const backchannel = (index: number) => codesIn[index].has('other.acknowledge') && match.sentences[index].words <= 2;
  const isQuestion = match.sentences.map((sentence, index) => (sentence.question && sentence.words > 0 && !codesIn[index].has('question.tag') && !backchannel(index))
    || codesIn[index].has('question.open'));
  // A question mark without a question form ("So you'd like to give up?") is a reflection said with a rising
  // voice (MITI): it counts as a question and as a reflective statement.
  const declarative = match.sentences.map((_, index) => !codesIn[index].has('question.open') && !codesIn[index].has('question.closed'));
  const hasQuestion = isQuestion.some(Boolean);
  // The last question is the one the client answers, so it sets the type; failing a cue there, any open cue.
  const lastQuestion = isQuestion.lastIndexOf(true);
  const lastCodes = codesIn[lastQuestion] ?? new Set<string>();
  const question: QuestionType | null = !hasQuestion ? null
    : lastCodes.has('question.open') ? 'open'
      : lastCodes.has('question.closed') ? 'closed'
        : has(findings, 'question.open') ? 'open' : 'closed';

  let input = inputType(findings, isQuestion, sentenceOf);
  // A feeling or a meaning in a sentence about the speaker alone ("It was really hard for me too") is self-disclosure,
  // not a complex reflection; a lead-in such as "What I'm hearing…" is about the client whatever its pronouns.
  const selfDisclosure = (index: number) => match.sentences[index].firstPerson && !match.sentences[index].secondPerson;
  const reflectionCue = (codes: Set<string>, index: number) => (codes.has('reflection.simple') || (codes.has('reflection.complex') && !selfDisclosure(index)))
    && ![...codes].some((code) => NOT_REFLECTIVE.has(code));
  let informationWords = 0;
  const reflectiveWords = match.sentences.reduce((sum, sentence, index) => {
    const codes = codesIn[index];
    if (isQuestion[index] && !declarative[index]) return sum;
    if (reflectionCue(codes, index)) return sum + sentence.words;
    const acknowledgement = codes.has('other.acknowledge') && sentence.words < ACKNOWLEDGEMENT_MAX_WORDS;
    // An affirmation is its own MITI behaviour, not a reflection (AnnoMI codes it "other").
    const affirming = codes.has('collaborative.affirm') && !reflectionCue(codes, index);
    const giving = [...codes].some((code) => code.startsWith('input.') || ADVICE_CODES.has(code) || NOT_REFLECTIVE.has(code));
    const aboutSelf = sentence.firstPerson;
    const plain = !acknowledgement && !affirming && !giving && !aboutSelf;
    const echoed = repeatsClient(context.echoes?.[index]);
    // A longer statement that names neither speaker nor client ("Withdrawal usually peaks on the third day"), or one
    // about what can or will happen ("A patch can take the edge off", "You may find the cravings pass") that does not
    // repeat the client, is information about the world, not a restatement of the client's experience.
    const impersonal = !sentence.secondPerson && sentence.words >= IMPERSONAL_INFORMATION_WORDS && !echoed;
    const hypothetical = context.hypothetical[index] && !echoed;
    if (plain && (impersonal || hypothetical)) informationWords += sentence.words;
    // A reflection gives back something the client said: with no client turn before it, only a statement addressed
    // to the client can be one ("Relapse is part of it" opening a session is not).
    const reflectsSomething = sentence.secondPerson || context.echoes !== null;
    return plain && !impersonal && !hypothetical && reflectsSomething ? sum + sentence.words : sum;
  }, 0);
  const reflectionFinding = codesIn.some((codes, index) => (!isQuestion[index] || declarative[index]) && reflectionCue(codes, index));
  // Next to a question, a plain statement is usually its preamble ("You got it pierced. How long ago?"); only a
  // reflection cue makes it a reflection there.
  // An order, an obligation, a warning or a confrontation anywhere in the turn is what the client hears: MITI codes
  // the turn by it, so none of its sentences is counted as a reflection ("Everyone has stress. That's not a reason
  // to keep smoking."). Plain persuasion ("You should…") often sits beside a real reflection and does not veto it.
  const vetoed = findings.some((finding) => HARD_DIRECTIVE.has(finding.code));
  const reflective = !vetoed && (reflectionFinding || (!hasQuestion && reflectiveWords >= MIN_REFLECTION_WORDS));
  // A reflection that adds no more of its own words than it repeats of the client's last turn ("Your family is
  // important to you" after "My family is important to me") gives the client's meaning back unchanged: simple,
  // whatever feeling words it repeats. Complex ones add meaning or feeling the client did not say.
  const echoes = context.echoes ?? [];
  const repeated = echoes.reduce((sum, echo) => sum + echo.shared, 0);
  const added = echoes.reduce((sum, echo) => sum + echo.content - echo.shared, 0);
  const restatesClient = repeated > 0 && added <= repeated;
  const reflection: ReflectionType | null = reflective
    ? ((has(findings, 'reflection.complex') && !restatesClient) || (reflectiveWords >= COMPLEX_REFLECTION_WORDS && !has(findings, 'reflection.simple')) ? 'complex' : 'simple')
    : null;

  if (input === null && !reflective && !hasQuestion && informationWords > 0) input = 'information';
  let behaviour: Behaviour = 'other';
  if (input !== null && input !== 'information') behaviour = 'input';
  else if (hasQuestion) behaviour = 'question';
  else if (input === 'information' && !reflectionFinding) behaviour = 'input';
  else if (reflection !== null) behaviour = 'reflection';
  return { behaviour, question, reflection, input };
}

function codeClientTalk(findings: readonly Finding[]): TalkType {
  const talk = findings.filter((finding) => finding.code === 'talk.change' || finding.code === 'talk.sustain');
  if (talk.length === 0) return 'neutral';
  const last = talk.reduce((latest, finding) => (finding.start >= latest.start ? finding : latest));
  return last.code === 'talk.change' ? 'change' : 'sustain';
}

/** The behaviour codes an utterance gets besides its findings' own codes (e.g. "question.open"). */
function derivedCodes(coding: Omit<UtteranceCoding, 'codes' | 'findings'>): string[] {
  const codes: string[] = [];
  if (coding.question) codes.push(`question.${coding.question}`);
  if (coding.reflection) codes.push(`reflection.${coding.reflection}`);
  if (coding.input) codes.push(`input.${coding.input}`);
  if (coding.talk && coding.talk !== 'neutral') codes.push(`talk.${coding.talk}`);
  return codes;
}

/** Two rules naming the same words (a sentence-initial and a clause imperative in "Okay, so throw them away")
 * make one finding, the first. */
function oneFindingPerPlace(findings: readonly Finding[]): Finding[] {
  // Findings come ordered by start (the matcher sorts them): then a finding overlaps an earlier kept one of its code
  // exactly when it starts before the furthest end among them, so one pass suffices (thousands of findings in a
  // long utterance made the pairwise check quadratic). Any other order takes the pairwise check.
  if (findings.some((finding, i) => i > 0 && finding.start < findings[i - 1].start)) return oneFindingPerPlacePairwise(findings);
  const furthestEnd = new Map<string, number>();
  return findings.filter((finding) => {
    const end = furthestEnd.get(finding.code);
    if (end !== undefined && finding.start < end) return false;
    furthestEnd.set(finding.code, Math.max(end ?? 0, finding.end));
    return true;
  });
}

function oneFindingPerPlacePairwise(findings: readonly Finding[]): Finding[] {
  const kept: Finding[] = [];
  for (const finding of findings) {
    const repeats = kept.some((other) => other.code === finding.code && other.start < finding.end && finding.start < other.end);
    if (!repeats) kept.push(finding);
  }
  return kept;
}

/** In a sentence that stays directive, a collaborative-sounding phrase is part of the order ("You have to commit
 * if you want this to work", "The smart move would be to set a quit date"): highlighting it blue would tell a
 * trainee that part of a directive was collaborative. Affirmations are kept, since praise beside an order is
 * still praise. */
function withoutCollaborationInsideDirectives(findings: Finding[], sentenceOf: (finding: Finding) => number): Finding[] {
  const bySentence = new Map<number, Finding[]>();
  for (const finding of findings) {
    const sentence = sentenceOf(finding);
    const list = bySentence.get(sentence);
    if (list) list.push(finding);
    else bySentence.set(sentence, [finding]);
  }
  const directiveSentences = new Set<number>();
  for (const [sentence, inSentence] of bySentence) {
    if (inSentence.some((finding) => finding.stance === 'directive') && deriveStance(inSentence) === 'directive') directiveSentences.add(sentence);
  }
  return findings.filter((finding) => !(finding.stance === 'collaborative' && finding.code !== 'collaborative.affirm'
    && directiveSentences.has(sentenceOf(finding))));
}

/** "Sure." to "Would it be okay if I…?" answers the question; only a reply that withdraws from it is a rupture. The
 * same "Sure." right after an order or a warning goes along without engaging: that is a withdrawal. */
function withdrawalsInContext(findings: Finding[], context: DecisionContext): Finding[] {
  if (context.answersTherapist) return findings.filter((finding) => finding.code !== 'rupture.withdrawal');
  const span = context.withdrawnReply;
  if (span === null || findings.some((finding) => finding.code === 'rupture.withdrawal')) return findings;
  const [rule] = CONTEXT_RULES;
  return [...findings, { rule: rule.id, code: rule.code, stance: rule.stance, start: span.start, end: span.end, message: rule.message }];
}

export function decide(role: Role, allFindings: Finding[], match: MatchResult, sentenceOf: (finding: Finding) => number, context: DecisionContext): UtteranceCoding {
  const findings = role === 'therapist'
    ? withoutCollaborationInsideDirectives(oneFindingPerPlace(allFindings), sentenceOf)
    : withdrawalsInContext(oneFindingPerPlace(allFindings), context);
  const base = role === 'therapist'
    ? { stance: deriveStance(findings), ...codeTherapist(findings, match, sentenceOf, context), talk: null }
    : { stance: 'neutral' as const, behaviour: null, question: null, reflection: null, input: null, talk: role === 'client' ? codeClientTalk(findings) : null };
  // A reflection cue in a turn that is not coded a reflection (vetoed by an order or a confrontation, or inside a
  // question) must not be highlighted as one: "You're just avoiding it" would read as a complex reflection.
  // Likewise a closed-question cue inside a sentence coded as an open question ("What do you think you need?").
  const openSentences = new Set(findings.filter((finding) => finding.code === 'question.open').map(sentenceOf));
  const shown = findings.filter((finding) => !(base.reflection === null && finding.code.startsWith('reflection.'))
    && !(finding.code === 'question.closed' && openSentences.has(sentenceOf(finding))));
  const codes = new Set<string>(derivedCodes(base));
  for (const finding of shown) {
    // Behaviour families are decided above; a stray finding (e.g. a closed-question cue in an open question)
    // must not contradict the decision, so only the decided behaviour codes are listed for those families.
    if (/^(question|reflection|input|talk)\./.test(finding.code) || finding.code.startsWith('other.')) continue;
    codes.add(finding.code);
  }
  return { ...base, codes: [...codes].sort(), findings: shown };
}
