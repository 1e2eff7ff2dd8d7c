// People's names in running text. Tuned for recall: a name the reader already knows (a speaker, a front-matter
// name, one given with --names) is found in any case and every word of it; any other capitalised word is a name
// when the people-names lexicon or compromise's lexicon lists it, when a title precedes it ("Dr. Asante"), or when
// it follows another name ("Priya Raman"). Words that are names only sometimes ("Hope", "Will", "Mark") need
// context: capitalised mid-sentence, or a known name.
import type { Detection } from './categories';
import { FACILITY_HEADS, isFacilityKindWord, isKnownFirstName, isKnownWord, isListedName, isNeverIdentifying, isOrdinaryWord, listedPlaces, nameLikeWord, placeLike, TITLES } from './lexicon';

export interface KnownName {
  /** Lower-cased word of a name, e.g. "maria". */
  word: string;
  /** Who it belongs to, e.g. "speaker:maria lopez". */
  person: string;
}

export interface NameContext {
  known: ReadonlyMap<string, string>;
  keep: ReadonlySet<string>;
  /** Lower-cased words the text also uses in lower case: "hope" there means the word, so "Hope" needs context. */
  lowerCaseWords: ReadonlySet<string>;
  /** The text is written without capitals (speech recognition output): capitals can be no clue. */
  lowerCaseText?: boolean;
}

/** Fewer capitalised words than this share (labels included) marks a transcript written without capitals. */
const LOWER_CASE_SHARE = 0.05;

export function isLowerCaseText(text: string): boolean {
  // Labels ("Speaker 1:") and voice tags are capitalised by the tool that wrote them, not by the speech.
  const words = text.replace(/^[^\n:]{1,40}:/gm, '').replace(/<v [^>]*>/g, '').match(/[\p{L}]{2,}/gu) ?? [];
  if (words.length < 30) return false;
  return words.filter((word) => /^\p{Lu}/u.test(word)).length / words.length < LOWER_CASE_SHARE;
}

const TOKEN = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*(?:['’](?=[\s,.;:!?)]|$))?/gu;
/** A possessive or a contraction after a name: "Maria's", "James'", "Sam'll"; "I'm" is then "I". */
const POSSESSIVE = /['’](?:s|m|re|ve|ll|d|t)?$/u;
/** Prepositions after which an unknown capitalised word is more often a place than a person. */
const PLACE_CUES = new Set(['in', 'at', 'from', 'to', 'near', 'outside', 'into', 'around', 'visit', 'visiting', 'towards', 'across']);
/** Ordinary title words that introduce a name only when capitalised: "my father" vs "Father Okonkwo". */
const TITLES_ONLY_CAPITALISED = new Set(['father', 'sister', 'brother', 'nurse', 'coach', 'judge', 'officer', 'cousin', 'lady', 'lord', 'dame', 'mama', 'papa', 'baba', 'bibi', 'detective', 'doctor']);

/** Verbs that, right after a sentence-initial "Rose" or "Will", make it a person rather than a word. */
const ACTION_AFTER_NAME = new Set(['said', 'says', 'told', 'tells', 'asked', 'asks', 'called', 'calls', 'texted', 'texts',
  'came', 'comes', 'went', 'goes', 'thinks', 'thought', 'wants', 'wanted', 'knows', 'knew', 'left', 'moved', 'lives',
  'lived', 'works', 'worked', 'yelled', 'shouted', 'cried', 'laughed', 'died', 'passed', 'hit', 'hugged', 'visited',
  'and', 'never', 'always', 'keeps', 'kept', 'got', 'gets', 'has', 'had', 'does', 'did', "doesn't", "didn't",
  'rang', 'rings', 'phoned', 'phones', 'emailed', 'messaged', 'replied', 'answered', 'explained', 'admitted', 'agreed', 'reckons',
  'drove', 'picked', 'dropped', 'brought', 'stayed', 'offered', 'promised', 'whispered', 'screamed', 'smiled', 'nodded', 'sighed',
  'apologised', 'apologized', 'hates', 'hated', 'loves', 'loved']);

/** Who a person is to the speaker, said right after or before the name: "Destiny, our neighbour's girl", "kwame my
 * partner", "my friend precious". */
const RELATION = String.raw`(?:partner|husband|wife|son|daughter|boyfriend|girlfriend|brother|sister|friend|mum|mom|mother|dad|father|cousin|nephew|niece|youngest|eldest|oldest|middle|baby|kid|boy|girl|stepson|stepdaughter|manager|boss|mate|neighbou?r|neighbou?r's|grandson|granddaughter|grandma|grandad|granddad|aunt|auntie|uncle|ex|fianc[eé]e?|colleague|flatmate|housemate|roommate|sponsor|teacher|nurse|carer|caseworker|key worker|team lead|supervisor|best friend|little|big|twin|sister-in-law|brother-in-law)`;
/** After a name opening a sentence: a comma and an appositive closed by a comma ("Hope, the nurse on nights, was"). */
const APPOSITIVE_AFTER = new RegExp(String.raw`^,[ \t]+(?:my|our|his|her|their|your|the)[ \t]+(?!(?:way|thing|truth|point|reason|problem|idea|fact|word|sense|feeling|gift|one)\b)[^,.!?\n]{1,40},`, 'u');
/** After a name in lower-case speech: who the person is ("kwame my partner"). */
const RELATION_AFTER = new RegExp(String.raw`^[ \t,]+(?:my|our|his|her|their)[ \t]+${RELATION}\b`, 'iu');
/** Before a name in lower-case speech: "my friend precious", "a guy called dele", "picks up faith from". */
const RELATION_BEFORE = new RegExp(String.raw`(?:\b(?:my|our|his|her|their)[ \t]+(?:\p{L}+[ \t]+)?${RELATION}|\b(?:called|named|name's|name is))[ \t]+$`, 'iu');
const OBJECT_AFTER = /^[ \t]+(?:me|him|her|us|them|it|you|a|an|the|my|his|our|their|to|up|out|back|down|off|over|into|some|this|that)\b/iu;
const COLLECTED = { before: /\bpick(?:s|ed|ing)?[ \t]+up[ \t]+$/iu, after: /^[ \t]+from[ \t]+(?:nursery|school|daycare|childcare|preschool|playgroup|college|practice|training|football|swimming|the[ \t]+\p{L}+)\b/iu };

/** After a word nobody knows, a modal makes it a person too: "Ama would have been 40". */
const MODALS = new Set(['would', 'will', 'could', 'can', 'should', 'might', 'must', "won't", "can't", "couldn't", "wouldn't", 'used']);

interface Token {
  start: number;
  end: number;
  /** The word without a possessive ending. */
  core: string;
  lower: string;
  capitalised: boolean;
  sentenceStart: boolean;
}

export function collectLowerCaseWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const match of text.matchAll(/(?<![\p{L}\p{M}])[\p{Ll}][\p{Ll}\p{M}]*/gu)) words.add(match[0]);
  return words;
}

export function findNames(text: string, context: NameContext): Detection[] {
  const tokens = tokenize(text);
  const found: Detection[] = [];
  let previousName: Token | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const previous = i > 0 ? tokens[i - 1] : null;
    const kind = classify(token, previous, tokens[i + 1] ?? null, previousName, text, context);
    if (kind === null) continue;
    found.push({
      start: token.start, end: token.start + token.core.length, category: kind.category, text: token.core,
      source: kind.source, ...(kind.person ? { person: kind.person } : {}),
    });
    previousName = kind.category === 'name' ? token : null;
  }
  return found;
}

interface Kind {
  category: 'name' | 'place';
  source: string;
  person?: string;
}

function classify(token: Token, previous: Token | null, next: Token | null, previousName: Token | null, text: string, context: NameContext): Kind | null {
  if (context.keep.has(token.lower)) return null;
  const person = knownPerson(token, context.known);
  if (person !== undefined) {
    // "hope" in "I hope so" is the word even when the client is called Hope.
    if (token.capitalised || !isOrdinaryWord(token.lower)) return { category: 'name', source: 'known', person };
    return null;
  }
  if (context.lowerCaseText && !token.capitalised) return classifyLowerCase(token, previous, next, text);
  // A name the speech recogniser or the typist left in lower case in otherwise capitalised text: "i talked to maria".
  if (!token.capitalised && token.core.length > 2 && isKnownFirstName(token.lower) && !isOrdinaryWord(token.lower) && !isNeverIdentifying(token.lower)) {
    return { category: 'name', source: 'lexicon-lower' };
  }
  if (!token.capitalised || token.core.length < 2 || isNeverIdentifying(token.lower) || isAcronym(token.core) || isDisfluency(token.lower)) return null;
  const afterTitle = previous !== null && isTitle(previous, text);
  if (afterTitle) return { category: 'name', source: 'title' };
  const followsName = previousName !== null && previousName === previous && onlySpaceBetween(text, previous.end, token.start) && !token.sentenceStart;
  if (followsName) return { category: 'name', source: 'surname' };
  const ambiguous = isOrdinaryWord(token.lower) || context.lowerCaseWords.has(token.lower);
  // "the White House", "Family Court", "Nan's House": a facility's head after a kind word or an owner is no person.
  if (ambiguous && FACILITY_HEADS.has(token.lower) && previous && (isFacilityKindWord(previous.lower) || /['’]s?$/u.test(text.slice(previous.start, previous.end)))) return null;
  if (!ambiguous && placeLike(token.lower)) return { category: 'place', source: 'lexicon-place' };
  if (isListedName(token.lower) || isKnownFirstName(token.lower) || hyphenPartsListed(token.lower)) {
    if (!ambiguous) return { category: placeLike(token.lower) ? 'place' : 'name', source: 'lexicon' };
    if (!token.sentenceStart && nameLikeWord(token.lower)) return { category: placeLike(token.lower) ? 'place' : 'name', source: 'lexicon-context' };
    // "Rose said …": a sentence that opens with the name and goes on with what the person did.
    if (next && ACTION_AFTER_NAME.has(next.lower) && nameLikeWord(token.lower) && onlySpaceBetween(text, token.end, next.start)) return { category: 'name', source: 'lexicon-verb' };
    // "Destiny, our neighbour's girl, plays …": the name, then who she is, between commas.
    return nameLikeWord(token.lower) && APPOSITIVE_AFTER.test(text.slice(token.start + token.core.length, token.start + token.core.length + 50))
      ? { category: 'name', source: 'lexicon-appositive' } : null;
  }
  // An unknown capitalised word mid-sentence is a proper noun: a person, or a place after "in", "from", "to".
  if (!token.sentenceStart && !ambiguous && !isKnownWord(token.lower)) {
    const cue = previous && PLACE_CUES.has(previous.lower) && onlySpaceBetween(text, previous.end, token.start);
    return cue ? { category: 'place', source: 'proper-noun' } : { category: 'name', source: 'proper-noun' };
  }
  // "Adaeze and I talked": an unknown word opening a sentence, followed by what a person does.
  if (token.sentenceStart && !ambiguous && !isKnownWord(token.lower) && next && (ACTION_AFTER_NAME.has(next.lower) || MODALS.has(next.lower))) {
    return { category: 'name', source: 'proper-noun-verb' };
  }
  return null;
}

/** Verbs of what a person said or did that, after a word in lower-case text, make the word a person: "rob said",
 * "nkechi came round". Fewer than ACTION_AFTER_NAME: "and", "has", "got" follow things as often as people. */
const SPOKE_OR_CAME = new Set(['said', 'says', 'told', 'tells', 'asked', 'asks', 'texted', 'texts', 'messaged', 'rang', 'came', 'comes',
  'reckons', 'thinks', 'offered', 'promised', 'keeps', 'wants', 'wanted', 'drove', 'visited', 'hugged', 'shouted', 'yelled', 'cried',
  'would']);

/** Before a word, these make it a thing, not a person: "the bill came", "from work offered". */
const THING_BEFORE = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'my', 'your', 'his', 'her', 'our', 'their', 'its',
  'some', 'no', 'every', 'each', 'any', 'which', 'what', 'whose', 'from', 'at', 'in', 'of', 'for', 'on', 'by', 'after', 'before',
  'about', 'into', 'than']);

/** Without capitals only the lexicons, titles and what follows can tell: a listed name or place that is no ordinary
 * word, or a word no dictionary knows (or a name that is also a word) followed by what a person said or did. */
function classifyLowerCase(token: Token, previous: Token | null, next: Token | null, text: string): Kind | null {
  if (token.core.length < 2 || isNeverIdentifying(token.lower)) return null;
  if (previous !== null && TITLES.has(previous.lower) && !TITLES_ONLY_CAPITALISED.has(previous.lower) && isTitle(previous, text)) {
    return { category: 'name', source: 'title' };
  }
  if (next && SPOKE_OR_CAME.has(next.lower) && onlySpaceBetween(text, token.end, next.start) && !(previous && THING_BEFORE.has(previous.lower))
    && !TITLES.has(token.lower) && (!isKnownWord(token.lower) || (isOrdinaryWord(token.lower) && nameLikeWord(token.lower) && isListedName(token.lower)))) {
    return { category: 'name', source: 'lower-case-verb' };
  }
  // "kwame my partner", "my friend precious", "a guy called dele", "picks up faith from nursery": a listed name with
  // the person's relation to the speaker, or collected from somewhere, even when the name is also a word.
  if ((isListedName(token.lower) || isKnownFirstName(token.lower) || (!isKnownWord(token.lower) && !/ly$/u.test(token.lower))) && nameLikeWord(token.lower) && !MODALS.has(token.lower) && !TITLES.has(token.lower)) {
    const before = text.slice(Math.max(0, token.start - 40), token.start);
    const after = text.slice(token.end, token.end + 40);
    // "my niece drew me one": a verb with its object after the relation is what she did, not her name.
    const verbAfter = OBJECT_AFTER.test(after);
    if ((!isOrdinaryWord(token.lower) && RELATION_AFTER.test(after)) || (RELATION_BEFORE.test(before) && !verbAfter) || (COLLECTED.before.test(before) && COLLECTED.after.test(after))) {
      return { category: 'name', source: 'lower-case-relation' };
    }
  }
  if (isOrdinaryWord(token.lower)) return null;
  // "turkey", "china": a country that is also an everyday word is the gazetteer's, which asks for a place cue.
  if (placeLike(token.lower) && listedPlaces().places.get(token.lower) !== 'everyday') return { category: 'place', source: 'lexicon-place' };
  // The people-names list holds too many everyday words ("session", "room") to trust without a capital; compromise's
  // own given names are few and sure.
  if (isKnownFirstName(token.lower)) return { category: 'name', source: 'lexicon' };
  return null;
}

/** Speech written down: "Mm-hmm", "I'm-I", "and-and", "it's-it" are hesitations, not double-barrelled names. */
export function isDisfluency(lower: string): boolean {
  const parts = lower.split('-');
  if (parts.length < 2) return false;
  if (parts.some((part) => isNeverIdentifying(part) || /^(?:m+|h*m+h*|u+h+|u+m+|a+h+|o+h+|e+r+|hm+|mh+)$/.test(part))) return true;
  const stem = (part: string) => part.replace(/['’].*$/, '');
  // "and-and", "it's-it", and a word begun twice: "th-those".
  return parts.some((part, index) => index > 0 && (stem(part) === stem(parts[index - 1]) || (parts[index - 1].length <= 3 && part.startsWith(parts[index - 1]))));
}

function knownPerson(token: Token, known: ReadonlyMap<string, string>): string | undefined {
  const direct = known.get(token.lower);
  if (direct !== undefined) return direct;
  // "Mensah-Boateng" belongs to whoever "Mensah" does.
  if (token.lower.includes('-')) {
    for (const part of token.lower.split('-')) {
      const person = known.get(part);
      if (person !== undefined) return person;
    }
  }
  return undefined;
}

function hyphenPartsListed(lower: string): boolean {
  return lower.includes('-') && lower.split('-').some((part) => isListedName(part) && !isOrdinaryWord(part));
}

function isTitle(token: Token, text: string): boolean {
  if (!TITLES.has(token.lower)) return false;
  if (TITLES_ONLY_CAPITALISED.has(token.lower) && !token.capitalised) return false;
  return /^\.?[ \t]/.test(text.slice(token.end, token.end + 2));
}

/** "NHS", "CBT", and their plurals "GPs", "DVDs". */
function isAcronym(word: string): boolean {
  return /^[\p{Lu}\d]{1,5}s?$/u.test(word) && word.length > 1;
}

function onlySpaceBetween(text: string, from: number, to: number): boolean {
  return /^[ \t]{1,2}$/.test(text.slice(from, to));
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index;
    const core = match[0].replace(POSSESSIVE, '') || match[0];
    tokens.push({
      start, end: start + match[0].length, core, lower: core.toLowerCase(),
      capitalised: /^\p{Lu}/u.test(core), sentenceStart: startsSentence(text, start),
    });
  }
  return tokens;
}

/** After ".", "!", "?", ":", a line start, a voice tag's ">", a quote, a dash or a closing bracket. */
export function startsSentence(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && /[ \t'‘(*_]/.test(text[i])) i--;
  if (i < 0) return true;
  // After an opening quote, a dash, or a non-verbal mark ("[laughter] All right") a new sentence starts.
  return /[.!?:;\n\r>…"“\]—–)-]/.test(text[i]);
}
