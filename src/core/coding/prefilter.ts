// Which patterns can match which sentences of an utterance, decided from words and punctuation alone, so that
// compromise's matcher runs only where it might find something. It only ever rules out what cannot match, so hits
// are identical with and without it (test/unit/coding/matcher.test.ts compares them).
//
// Two economies (with ~370 therapist patterns, testing each one's word requirements against every
// utterance cost more than the matching it saved):
// - an index from words to the patterns that need them, so an utterance's words select its few candidate patterns;
// - requirements are checked per sentence (a pattern never matches across sentences), with required punctuation
//   (@hasQuestionMark, @hasComma…) as a requirement too, so a multi-sentence turn runs each pattern only on the
//   sentences that might hold it.
import nlp from 'compromise/two';

export type PrefilterTerm = {
  text: string; post: string; pre: string; normal?: string; machine?: string | null; implicit?: string; root?: string; alias?: string[];
};
export type PrefilterReg = {
  word?: string; fastOr?: Set<string>; choices?: PrefilterReg[][]; operator?: string; optional?: boolean; negative?: boolean;
  fuzzy?: boolean; min?: number; method?: string;
};

/** For each required position of a pattern, the alternatives that could fill it, each a list of words that must
 * all occur. */
type Requirement = string[][];
type TermMethod = (term: PrefilterTerm) => boolean;

export interface PatternNeeds {
  requirements: Requirement[];
  /** compromise term methods (@hasComma) some word of the sentence must pass. */
  methods: TermMethod[];
}

const termMethods = (nlp.methods() as unknown as { one: { termMethods: Record<string, TermMethod> } }).one.termMethods;

function isRequired(reg: PrefilterReg): boolean {
  return !reg.optional && !reg.negative && !reg.fuzzy && reg.min !== 0;
}

/** The words one required position needs, or null when it cannot be expressed as words (tags, wildcards…). */
function requirementOf(reg: PrefilterReg): Requirement | null {
  if (!isRequired(reg)) return null;
  if (reg.word !== undefined) return [[reg.word]];
  if (reg.fastOr) return [...reg.fastOr].map((word) => [word]);
  if (reg.choices && reg.operator === 'or') {
    const alternatives = reg.choices.map((choice) => choice.filter((inner) => isRequired(inner) && inner.word !== undefined).map((inner) => inner.word as string));
    // A choice with no required word could match anything, so this position cannot filter.
    return alternatives.some((words) => words.length === 0) ? null : alternatives;
  }
  return null;
}

export function needsOf(regs: readonly PrefilterReg[]): PatternNeeds {
  return {
    requirements: regs.map(requirementOf).filter((requirement): requirement is Requirement => requirement !== null),
    // A method compromise does not know never matches; leaving it out only filters less.
    methods: regs.filter((reg) => isRequired(reg) && reg.method !== undefined && typeof termMethods[reg.method] === 'function')
      .map((reg) => termMethods[reg.method as string]),
  };
}

/** Words that occur in most sentences: a pattern is indexed under a rarer word when it has one. */
const COMMON = new Set(`i you it to a the and that is of in do not have be so what was are this we my your
me can for on or but if there just like know think about how would with at all he she they one get going really
yeah okay ok um uh well no yes right mm-hmm`.split(/\s+/));

/** The requirement to index a pattern under: the one whose alternatives are fewest and least common. */
function anchorOf(requirements: readonly Requirement[]): Requirement | null {
  let best: Requirement | null = null;
  let bestCost = Infinity;
  for (const requirement of requirements) {
    const cost = requirement.reduce((sum, alternative) => sum + (alternative.every((word) => COMMON.has(word)) ? 20 : 1), 0);
    if (cost < bestCost) {
      best = requirement;
      bestCost = cost;
    }
  }
  return best;
}

/** The key word of an alternative: a rare one when it has one (all of them must occur anyway). */
const keyOf = (alternative: readonly string[]) => alternative.find((word) => !COMMON.has(word)) ?? alternative[0];

export interface PatternIndex {
  /** Pattern numbers by key word, ascending. */
  byWord: Map<string, number[]>;
  /** Patterns with no word requirement: candidates everywhere. */
  always: number[];
  needs: PatternNeeds[];
}

export function indexPatterns(needs: PatternNeeds[]): PatternIndex {
  const byWord = new Map<string, number[]>();
  const always: number[] = [];
  needs.forEach((need, number) => {
    const anchor = anchorOf(need.requirements);
    if (!anchor) {
      always.push(number);
      return;
    }
    for (const key of new Set(anchor.map(keyOf))) {
      const list = byWord.get(key);
      if (list) list.push(number);
      else byWord.set(key, [number]);
    }
  });
  return { byWord, always, needs };
}

/** Every form compromise may compare a pattern word with (see its doesMatch): text, normal, machine, implicit,
 * root and aliases. */
export function wordsOfSentence(terms: readonly PrefilterTerm[]): Set<string> {
  const words = new Set<string>();
  for (const term of terms) {
    words.add(term.text);
    words.add(term.text.toLowerCase());
    for (const form of [term.normal, term.machine, term.implicit, term.root]) if (form) words.add(form);
    if (term.alias) for (const alias of term.alias) words.add(alias);
  }
  return words;
}

function couldMatch(need: PatternNeeds, words: ReadonlySet<string>, terms: readonly PrefilterTerm[]): boolean {
  for (const alternatives of need.requirements) {
    let met = false;
    for (const needed of alternatives) {
      let all = true;
      for (const word of needed) {
        if (!words.has(word)) {
          all = false;
          break;
        }
      }
      if (all) {
        met = true;
        break;
      }
    }
    if (!met) return false;
  }
  for (const method of need.methods) {
    let found = false;
    for (const term of terms) {
      if (method(term)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

/** A pattern to run, and on which sentences: `sentences` is null for all of them, else the sentence numbers. */
export interface Candidate {
  pattern: number;
  sentences: number[] | null;
}

/** The patterns that might match somewhere in these sentences, in pattern order. */
export function candidates(index: PatternIndex, documents: readonly (readonly PrefilterTerm[])[]): Candidate[] {
  const vocabularies = documents.map(wordsOfSentence);
  // Marks rather than a set to sort: a few hundred bytes, read in pattern order.
  const considered = new Uint8Array(index.needs.length);
  for (const pattern of index.always) considered[pattern] = 1;
  for (const words of vocabularies) {
    for (const word of words) {
      const patterns = index.byWord.get(word);
      if (patterns) for (const pattern of patterns) considered[pattern] = 1;
    }
  }
  const result: Candidate[] = [];
  for (let pattern = 0; pattern < considered.length; pattern++) {
    if (!considered[pattern]) continue;
    const need = index.needs[pattern];
    const sentences: number[] = [];
    for (let n = 0; n < documents.length; n++) if (couldMatch(need, vocabularies[n], documents[n])) sentences.push(n);
    if (sentences.length > 0) result.push({ pattern, sentences: sentences.length === documents.length ? null : sentences });
  }
  return result;
}
