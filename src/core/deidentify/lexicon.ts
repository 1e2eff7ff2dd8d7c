// Word lists of the name detector: people's names from @cspell/dict-people-names (39,000 given names and
// surnames from many cultures, kept up by the cspell project), place names (data/places.txt), and the words that look like names but never
// identify anyone in a therapy session (days, months, holidays, family words, medicines, roles).
// The relative path reaches past the package's "exports" map, which lists only its cspell configuration.
import peopleNamesText from '../../../node_modules/@cspell/dict-people-names/dict/people-names.txt';
import placesText from './data/places.txt';
import nlp from 'compromise/two';

let peopleNames: Set<string> | null = null;

/** Lower-cased entries of the people-names dictionary (parsed once, on first use). */
export function isListedName(word: string): boolean {
  if (!peopleNames) {
    peopleNames = new Set();
    for (const line of peopleNamesText.split(/\r?\n/)) {
      const entry = line.trim();
      if (entry && !entry.startsWith('#')) peopleNames.add(entry.toLowerCase());
    }
  }
  return peopleNames.has(word.toLowerCase());
}

/** How sure a listed place name is alone: 'everyday' words ("reading", "bath") need a place cue, a 'small' town
 * of one word needs a preposition in lower-case speech, a 'sure' name needs nothing. */
export type PlaceKind = 'everyday' | 'small' | 'sure';

export interface Gazetteer {
  /** Lower-cased place name → its kind. */
  places: Map<string, PlaceKind>;
  /** Words in the longest name. */
  longest: number;
}

let gazetteer: Gazetteer | null = null;

/** The gazetteer: data/places.txt, made by data/make-places.mjs from GeoNames' towns of 5,000 people or more,
 * regions and the world's countries (parsed once, on first use). */
export function listedPlaces(): Gazetteer {
  if (gazetteer) return gazetteer;
  const places = new Map<string, PlaceKind>();
  let longest = 1;
  for (const line of placesText.split(/\r?\n/)) {
    if (!line || line.startsWith('#')) continue;
    const kind: PlaceKind = line.startsWith('~') ? 'everyday' : line.startsWith('?') ? 'small' : 'sure';
    const name = kind === 'sure' ? line : line.slice(1);
    places.set(name, kind);
    longest = Math.max(longest, name.split(' ').length);
  }
  gazetteer = { places, longest };
  return gazetteer;
}

const NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'Honorific']);
const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[] | undefined> } }).one.lexicon;

/** compromise's own tag for a word, when its lexicon has one. */
function lexiconTags(word: string): string[] {
  const tags = lexicon[word.toLowerCase()];
  return tags === undefined ? [] : Array.isArray(tags) ? tags : [tags];
}

/** A name that compromise knows as a given name ("Maria", "Ali"). */
export function isKnownFirstName(word: string): boolean {
  return lexiconTags(word).some((tag) => NAME_TAGS.has(tag));
}

/** A word compromise knows as something other than a name: "Hope", "Will", "So" are names only sometimes. */
export function isOrdinaryWord(word: string): boolean {
  const lower = word.toLowerCase();
  if (AMBIGUOUS.has(lower)) return true;
  const tags = lexiconTags(lower);
  return tags.length > 0 && !tags.some((tag) => NAME_TAGS.has(tag) || PLACE_TAGS.has(tag));
}

const PLACE_TAGS = new Set(['Place', 'City', 'Country', 'Region', 'Address', 'Organization', 'SportsTeam', 'Company', 'School']);

/** A word compromise's lexicon knows as a city, country, region or organisation. */
export function placeLike(word: string): boolean {
  return lexiconTags(word).some((tag) => PLACE_TAGS.has(tag));
}

/** Tags of words that can never be someone's name, however capitalised: "Look", "Do", "Just". */
const FUNCTION_TAGS = new Set(['Verb', 'Infinitive', 'PastTense', 'Gerund', 'Modal', 'Adverb', 'Preposition', 'Conjunction',
  'Determiner', 'Pronoun', 'Copula', 'Auxiliary', 'QuestionWord', 'Negative', 'Expression', 'PhrasalVerb', 'Participle']);

/** An ordinary word that is also a name: the hand list ("Will", "Mark") or a noun or adjective ("Hope", "Rose"). */
export function nameLikeWord(word: string): boolean {
  const lower = word.toLowerCase();
  if (AMBIGUOUS.has(lower)) return true;
  return !lexiconTags(lower).some((tag) => FUNCTION_TAGS.has(tag));
}

export function isKnownWord(word: string): boolean {
  return lexiconTags(word).length > 0;
}

/** Names that are also everyday words, which compromise's lexicon lists as names only. */
const AMBIGUOUS = new Set([
  'will', 'mark', 'hope', 'rose', 'grace', 'faith', 'joy', 'bill', 'sue', 'pat', 'rob', 'art', 'chase', 'sunny',
  'amber', 'dawn', 'ray', 'page', 'love', 'summer', 'sky', 'river', 'norm', 'dean', 'max', 'frank', 'earnest',
  'gene', 'jack', 'jean', 'jimmy', 'don', 'guy', 'rich', 'hunter', 'taylor', 'carter', 'cook', 'baker', 'miller',
  'king', 'young', 'long', 'white', 'black', 'brown', 'green', 'gray', 'grey', 'ruby', 'pearl', 'ivy', 'holly',
  'lily', 'daisy', 'iris', 'violet', 'olive', 'jade', 'crystal', 'destiny', 'harmony', 'honor', 'honour', 'mercy',
  'patience', 'prudence', 'trinity', 'heather', 'hazel', 'sterling', 'wade', 'drew', 'cliff', 'glen', 'dale',
  'lane', 'brook', 'lee', 'angel', 'precious', 'king', 'bishop', 'lord', 'major', 'sergeant', 'judge', 'bob',
  'may', 'june', 'april', 'august', 'autumn', 'winter', 'storm', 'rain', 'hale', 'hardy', 'bliss', 'noble',
  'wolf', 'fox', 'bird', 'rock', 'stone', 'hill', 'wood', 'woods', 'field', 'fields', 'house', 'well', 'wells',
  'ward', 'price', 'rice', 'bell', 'best', 'nice', 'love', 'true', 'sage', 'son', 'early', 'cash', 'penny',
]);

/** Brands and apps, talked about as things ("on Instagram"); one is an employer only beside a site of it:
 * "the Amazon warehouse" (see findSites in gazetteer.ts). */
const BRANDS = new Set(['instagram', 'facebook', 'tiktok', 'snapchat', 'whatsapp', 'twitter', 'youtube', 'netflix', 'zoom',
  'teams', 'google', 'iphone', 'android', 'xbox', 'playstation', 'spotify', 'reddit', 'uber', 'amazon', 'tinder', 'bumble',
  'hinge', 'discord', 'facetime', 'skype']);

export function isBrand(word: string): boolean {
  return BRANDS.has(word.toLowerCase());
}

/** Capitalised words that are never a person or place in a session: kept whatever the lexicon says. */
const NEVER = new Set([
  // pronouns, interjections and sentence openers the name list happens to hold
  'i', 'you', 'he', 'she', 'we', 'they', 'it', 'me', 'him', 'her', 'us', 'them', 'my', 'your', 'his', 'our',
  'so', 'well', 'like', 'just', 'yeah', 'yes', 'no', 'ok', 'okay', 'oh', 'um', 'uh', 'hmm', 'mm', 'mhm', 'ah',
  'right', 'sure', 'cool', 'fine', 'good', 'great', 'thanks', 'thank', 'sorry', 'please', 'hello', 'hi', 'hey',
  'and', 'but', 'or', 'if', 'then', 'now', 'when', 'what', 'why', 'how', 'who', 'where', 'that', 'this', 'there',
  'the', 'a', 'an', 'to', 'in', 'on', 'at', 'for', 'of', 'with', 'maybe', 'honestly', 'actually', 'anyway',
  // days, months alone, seasons and holidays: not more specific than a year
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'weekend',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'christmas', 'xmas', 'easter', 'eve', 'ramadan', 'eid', 'diwali', 'hanukkah', 'passover', 'thanksgiving', 'halloween',
  'lent', 'new', 'year', 'valentine', 'valentines', 'mother\'s', 'father\'s', 'boxing', 'day', 'holi', 'lunar',
  // family words, used as names within a family
  'mom', 'mum', 'mommy', 'mummy', 'mama', 'mamma', 'ma', 'dad', 'daddy', 'papa', 'pa', 'nan', 'nana', 'nanna',
  'gran', 'granny', 'grandma', 'grandpa', 'grandad', 'granddad', 'grandmother', 'grandfather', 'auntie', 'aunty',
  'aunt', 'uncle', 'cousin', 'sis', 'bro', 'baby', 'babe', 'honey', 'sweetie', 'mother', 'father', 'brother', 'sister',
  // roles and professions
  'therapist', 'client', 'counselor', 'counsellor', 'doctor', 'dr', 'nurse', 'patient', 'clinician', 'psychiatrist',
  'psychologist', 'gp', 'mr', 'mrs', 'ms', 'miss', 'mx', 'sir', 'madam', 'speaker', 'interviewer', 'coach', 'teacher',
  'boss', 'officer', 'judge', 'pastor', 'priest', 'facilitator', 'moderator', 'supervisor', 'supervisee', 'trainee',
  'host', 'narrator', 'leader', 'caseworker', 'advocate', 'interpreter', 'translator', 'observer', 'member', 'unknown',
  // faith words
  'god', 'lord', 'jesus', 'christ', 'allah', 'buddha', 'bible', 'quran', 'koran', 'heaven',
  // medicines people name in sessions (brand and generic)
  'xanax', 'zoloft', 'prozac', 'lexapro', 'celexa', 'paxil', 'wellbutrin', 'effexor', 'cymbalta', 'ativan',
  'valium', 'klonopin', 'ambien', 'seroquel', 'abilify', 'lithium', 'lamictal', 'adderall', 'ritalin', 'concerta',
  'sertraline', 'fluoxetine', 'citalopram', 'escitalopram', 'paroxetine', 'venlafaxine', 'duloxetine',
  'mirtazapine', 'bupropion', 'quetiapine', 'olanzapine', 'risperidone', 'aripiprazole', 'diazepam', 'lorazepam',
  'clonazepam', 'alprazolam', 'zopiclone', 'trazodone', 'propranolol', 'naltrexone', 'suboxone', 'methadone',
  'buprenorphine', 'tylenol', 'advil', 'ibuprofen', 'paracetamol', 'codeine', 'tramadol', 'narcan', 'antabuse',
  'vyvanse', 'strattera', 'latuda', 'depakote', 'tegretol', 'topamax', 'gabapentin', 'lyrica', 'melatonin',
  'naloxone', 'chantix', 'champix', 'varenicline', 'nicorette', 'zyban', 'imodium', 'immodium', 'antabuse', 'campral',
  'acamprosate', 'disulfiram', 'sublocade', 'vivitrol', 'nicotine', 'patch', 'ozempic', 'wegovy', 'metformin', 'insulin',
  'wellbutrin', 'welbutrin', 'viagra', 'cialis', 'percocet', 'oxycontin', 'oxycodone', 'vicodin', 'fentanyl', 'xanny',
  'od', 'od-ing', 'std', 'stds', 'sti', 'stis', 'hiv', 'aids', 'dui', 'dwi', 'iop', 'er\'s',
  // public services, named in sessions without identifying anyone
  'nhs', 'medicare', 'medicaid', 'va', 'cps', 'ssa', 'dmv', 'gp\'s', 'a&e', 'er', 'icu',
  // conditions, therapies and groups named in capitals
  'covid', 'covid-19', 'adhd', 'ptsd', 'ocd', 'aa', 'na', 'cbt', 'dbt', 'emdr', 'act', 'mi', 'ssri', 'ssris',
  'alzheimer\'s', 'alzheimers', 'parkinson\'s', 'parkinsons', 'asperger\'s', 'aspergers', 'tourette\'s',
  'alcoholics', 'anonymous', 'narcotics', 'al-anon', 'twelve', 'step', 'steps',
  // apps, media and brands talked about as things
  ...BRANDS, 'christmas\'s', 'internet', 'wifi', 'tv', 'ai', 'chatgpt',
  // languages and nationalities are not identifying alone
  'english', 'spanish', 'french', 'german', 'arabic', 'hindi', 'urdu', 'polish', 'chinese', 'mandarin',
  'cantonese', 'japanese', 'korean', 'vietnamese', 'tagalog', 'portuguese', 'italian', 'russian', 'somali',
  'swahili', 'yoruba', 'igbo', 'punjabi', 'bengali', 'tamil', 'gujarati', 'farsi', 'persian', 'hebrew', 'greek',
  'turkish', 'dutch', 'irish', 'scottish', 'welsh', 'british', 'american', 'canadian', 'australian', 'african',
  'asian', 'european', 'latino', 'latina', 'latinx', 'hispanic', 'black', 'white', 'muslim', 'christian', 'jewish',
  'hindu', 'sikh', 'buddhist', 'catholic', 'protestant', 'mormon', 'maori', 'aboriginal', 'indigenous',
]);

/** Words that make a kind of place, not a name: "the Care Home", "Family Court", "the White House", "Town Hall". */
const FACILITY_KIND_WORDS = new Set(['a', 'an', 'the', 'care', 'nursing', 'residential', 'retirement', 'group', 'halfway', 'safe', 'children\'s',
  'childrens', 'foster', 'mental', 'health', 'psychiatric', 'psych', 'maternity', 'intensive', 'acute', 'day', 'general', 'medical',
  'local', 'main', 'old', 'new', 'big', 'little', 'small', 'whole', 'own', 'white', 'crown', 'high', 'county', 'family', 'magistrates',
  'magistrates\'', 'supreme', 'district', 'juvenile', 'youth', 'open', 'full', 'opera', 'court', 'public', 'boarding', 'guest', 'tree',
  'town', 'city', 'state', 'federal', 'country', 'council', 'social', 'housing', 'school', 'post', 'head', 'front', 'back', 'power',
  'summer', 'holiday', 'dream', 'first', 'second', 'next', 'same', 'other', 'ski', 'hunting', 'hotel', 'rehab', 'detox', 'recovery',
  'crisis', 'respite', 'assisted', 'living', 'sheltered', 'secure', 'locked', 'mother', 'baby', 'home', 'house', 'dog', 'play', 'green',
  'glass', 'coffee', 'farm', 'village', 'church', 'study', 'dining', 'sports', 'concert', 'music', 'lecture', 'exam', 'best', 'good',
  'private', 'dental', 'gp', 'doctor\'s', 'doctors', 'vet', 'vets', 'special', 'inpatient', 'outpatient', 'stroke', 'cancer',
  'dementia', 'eating', 'disorders', 'disorder', 'addiction', 'drug', 'alcohol', 'short', 'long', 'stay', 'term', 'lord', 'lords',
  'commons', 'parliament', 'full-time', 'part-time', 'at', 'in', 'of', 'for', 'and', 'to', 'my', 'our', 'your', 'his', 'her',
  'their', 'this', 'that']);

export function isFacilityKindWord(lower: string): boolean {
  return FACILITY_KIND_WORDS.has(lower);
}

/** The heads of a facility's name that are also surnames or words: after a kind word, a determiner or a
 * possessive ("the White House", "Family Court", "Nan's House", "The Court order") they name no person. */
export const FACILITY_HEADS = new Set(['manor', 'lodge', 'grange', 'house', 'court', 'home', 'practice', 'ward', 'unit', 'hall']);

/** Hesitations and back-channels: "Mm-hmm", "Mmh", "Uh-huh", "Hmm". */
const INTERJECTION = /^(?:m+h*m*|h+m+|mh+m*|u+h+|u+m+|a+h+|o+h+|e+r+m*|u+h+-h+u+h+|m+-h+m+|m+h+-m+h+|uh-huh|mm-hmm|mhm+)$/;

export function isNeverIdentifying(word: string): boolean {
  const lower = word.toLowerCase();
  return NEVER.has(lower) || INTERJECTION.test(lower);
}

/** Titles before a name. Those that are also plain words ("Father", "Sister", "Nurse") count only capitalised. */
export const TITLES = new Set([
  'dr', 'doctor', 'mr', 'mrs', 'ms', 'miss', 'mx', 'prof', 'professor', 'rev', 'reverend', 'pastor', 'rabbi', 'imam',
  'father', 'sister', 'brother', 'aunt', 'auntie', 'aunty', 'uncle', 'grandma', 'grandpa', 'nana', 'granny', 'cousin',
  'nurse', 'coach', 'judge', 'officer', 'detective', 'sheikh', 'sir', 'dame', 'lady', 'lord', 'mister', 'señor',
  'señora', 'senhor', 'senhora', 'herr', 'frau', 'madame', 'monsieur', 'mme', 'mlle', 'sr', 'sra', 'bibi', 'baba',
  'mama', 'papa', 'tía', 'tia', 'tío', 'tio', 'abuela', 'abuelo',
]);
