// Runs compiled rule patterns over one utterance and returns the exact words each rule matched.
//
// Speed matters (an editor re-codes on every edit), so:
// - patterns are parsed once per rule set (compromise's parseMatch), never per utterance;
// - rules that only use words and punctuation run on compromise's tokenizer alone, with no part-of-speech
//   tagging, which is several times cheaper than a full parse; the tagger runs only when a loaded rule needs
//   tags (#Verb, {root}, ~fuzzy~), and then for every utterance of that role;
// - a pre-filter (prefilter.ts) runs a pattern only on the sentences that hold its required words and punctuation.
//   It only ever skips what cannot match (the word set it checks is a superset of what compromise compares), so the
//   output is identical with and without it: test/unit/coding/matcher.test.ts checks exactly that.
import nlp from 'compromise/two';
import { boundForCompromise } from './bounded-text';
import { candidates, indexPatterns, needsOf, type Candidate, type PatternIndex } from './prefilter';
import { untaggedTerms } from './untagged-terms';
import type { Rule } from './rule-schema';

export interface RawHit {
  ruleId: string;
  /** UTF-16 offsets into the utterance text. */
  start: number;
  end: number;
  sentence: number;
}

export interface SentenceInfo {
  start: number;
  end: number;
  words: number;
  /** Ends with a question mark. */
  question: boolean;
  /** The speaker talks about themselves ("I", "we", "my"): a cue that a statement is not a reflection. */
  firstPerson: boolean;
  /** Addresses the listener ("you", "your"). */
  secondPerson: boolean;
}

export interface MatchResult {
  hits: RawHit[];
  sentences: SentenceInfo[];
  /** Words in the whole utterance. */
  words: number;
}

interface PatternUse {
  ruleId: string;
  except: boolean;
  wholeUtterance: boolean;
}

type View = ReturnType<typeof nlp>;
type Term = {
  text: string; pre: string; post: string; normal?: string; machine?: string | null; implicit?: string; root?: string; alias?: string[];
  offset?: { start: number; length: number }; index?: [number, number];
};
export type Reg = { word?: string; fastOr?: Set<string>; choices?: Reg[][]; operator?: string; optional?: boolean; negative?: boolean; fuzzy?: boolean; min?: number; group?: string; method?: string };

interface CompiledPattern {
  pattern: string;
  regs: Reg[];
  hasGroup: boolean;
  uses: PatternUse[];
}

export interface CompiledRules {
  patterns: CompiledPattern[];
  needsTagger: boolean;
  /** Null when the pre-filter is off: every pattern runs on every sentence. */
  prefilter: PatternIndex | null;
}

const FIRST_PERSON = new Set(['i', 'we', 'me', 'us', 'my', 'our', 'myself', 'ourselves', 'mine', 'ours']);
const SECOND_PERSON = new Set(['you', 'your', 'yours', 'yourself', 'yourselves']);
/** Tags (#Verb), roots ({walk}), switches (%Noun|Verb%) and fuzzy words (~word~) need the tagger; counts ({0,4})
 * and a bare % sign do not. */
const NEEDS_TAGGER = /[#~]|%[A-Za-z]|\{(?![\d,\s]*\})/;

/** compromise tries the alternatives of a group in the order written and never backtracks into a shorter one, so
 * "(you|you are) free" misses "you are free". Trying longer alternatives first lets every written alternative
 * match; rule authors need not order them. */
export function preferLongerAlternatives(regs: Reg[]): Reg[] {
  for (const reg of regs) {
    if (!reg.choices) continue;
    reg.choices.forEach(preferLongerAlternatives);
    reg.choices.sort((a, b) => b.length - a.length);
  }
  return regs;
}

export function compileRules(rules: readonly Rule[], options: { prefilter?: boolean } = {}): CompiledRules {
  const byPattern = new Map<string, PatternUse[]>();
  const add = (pattern: string, use: PatternUse) => {
    const list = byPattern.get(pattern);
    if (list) list.push(use);
    else byPattern.set(pattern, [use]);
  };
  for (const rule of rules) {
    for (const pattern of rule.patterns) add(pattern, { ruleId: rule.id, except: false, wholeUtterance: rule.wholeUtterance });
    for (const pattern of rule.except) add(pattern, { ruleId: rule.id, except: true, wholeUtterance: false });
  }
  const patterns = [...byPattern].map(([pattern, uses]) => {
    const regs = preferLongerAlternatives(nlp.parseMatch(pattern) as Reg[]);
    return { pattern, regs, uses, hasGroup: regs.some((reg) => reg.group !== undefined) };
  });
  return {
    patterns,
    needsTagger: patterns.some(({ pattern }) => NEEDS_TAGGER.test(pattern)),
    prefilter: options.prefilter ?? true ? indexPatterns(patterns.map((pattern) => needsOf(pattern.regs))) : null,
  };
}

const isWord = (term: Term) => /[\p{L}\p{N}]/u.test(term.text);

function termSpan(terms: readonly Term[]): { start: number; end: number } | null {
  const real = terms.filter((term) => term.offset && term.offset.length > 0);
  if (real.length === 0) return null;
  const first = real[0].offset!;
  const last = real[real.length - 1].offset!;
  return { start: first.start, end: last.start + last.length };
}

function sentenceInfo(terms: readonly Term[]): SentenceInfo {
  const span = termSpan(terms) ?? { start: 0, end: 0 };
  const last = terms[terms.length - 1];
  const has = (set: Set<string>) => terms.some((term) => set.has(term.machine || term.normal || ''));
  return {
    ...span,
    words: terms.filter(isWord).length,
    question: last !== undefined && last.post.includes('?'),
    firstPerson: has(FIRST_PERSON),
    secondPerson: has(SECOND_PERSON),
  };
}

const docsOf = (view: View) => (view as unknown as { docs: Term[][] }).docs;

type Pointer = [number, number, number];
/** compromise's own term matcher (what View.match runs inside), called directly: going through View.match costs
 * some 60 µs of view bookkeeping per call, more than the matching itself. */
const runMatch = (nlp.methods() as unknown as {
  one: { match: (docs: Term[][], todo: { regs: Reg[] }) => { ptrs: Pointer[]; byGroup: Record<string, Pointer[]> } };
}).one.match;

/** Sweeps one (masked) utterance text. Never throws: a compromise failure yields no hits. */
export function matchUtterance(compiled: CompiledRules, text: string): MatchResult {
  let doc: View;
  try {
    // Long sentences and tokens are cut (same length, so offsets hold): compromise is super-linear in both.
    const bounded = boundForCompromise(text);
    doc = compiled.needsTagger ? nlp(bounded) : untaggedTerms(bounded);
    // Contractions add implicit terms; fresh indexes keep match pointers (and so our offsets) exact.
    doc.compute('index');
    doc.compute('offset');
  } catch {
    return { hits: [], sentences: [], words: 0 };
  }
  const documents = docsOf(doc);
  const sentences = documents.map(sentenceInfo);
  const words = sentences.reduce((sum, sentence) => sum + sentence.words, 0);
  const runs: Candidate[] = compiled.prefilter
    ? candidates(compiled.prefilter, documents)
    : compiled.patterns.map((_, pattern) => ({ pattern, sentences: null }));

  const hits: RawHit[] = [];
  const exceptions: RawHit[] = [];
  // A whole-utterance rule ("Whatever.", "I don't know.") fires only when each sentence of the reply is one such
  // response: "Whatever. I don't know." withdraws as surely as either sentence alone.
  const wholeSentenceHits = new Map<string, RawHit[]>();
  try {
    for (const run of runs) {
      const pattern = compiled.patterns[run.pattern];
      const { ptrs, byGroup } = runMatch(run.sentences ? only(documents, run.sentences) : documents, { regs: pattern.regs });
      if (ptrs.length === 0) continue;
      const groups = pattern.hasGroup ? byGroup['0'] ?? [] : [];
      ptrs.forEach((pointer, i) => {
        const [n, start, end] = pointer;
        const fullTerms = documents[n].slice(start, end);
        // The capture group `[…]` narrows the finding to the words that matter ("you should").
        const group = groups.length === ptrs.length ? groups[i] : null;
        const span = (group && termSpan(documents[group[0]].slice(group[1], group[2]))) || termSpan(fullTerms);
        if (!span) return;
        const coversSentence = fullTerms.filter(isWord).length === sentences[n].words;
        for (const use of pattern.uses) {
          const hit = { ruleId: use.ruleId, ...span, sentence: n };
          if (use.except) exceptions.push(hit);
          else if (!use.wholeUtterance) hits.push(hit);
          else if (coversSentence) wholeSentenceHits.set(use.ruleId, [...(wholeSentenceHits.get(use.ruleId) ?? []), hit]);
        }
      });
    }
  } catch {
    return { hits: [], sentences, words };
  }
  const sentencesWithWords = sentences.filter((sentence) => sentence.words > 0).length;
  for (const ruleHits of wholeSentenceHits.values()) {
    const covered = new Set(ruleHits.map((hit) => hit.sentence));
    if (covered.size === sentencesWithWords) hits.push(...ruleHits);
  }
  const kept = hits.filter((hit) => !exceptions.some((exception) => exception.ruleId === hit.ruleId
    && exception.start < hit.end && hit.start < exception.end));
  return { hits: dedupe(kept), sentences, words };
}

/** The sentences given, each at its own number (so match pointers stay right); the others empty, which compromise's
 * matcher passes over. */
function only(documents: Term[][], sentences: readonly number[]): Term[][] {
  const kept: Term[][] = documents.map(() => []);
  for (const n of sentences) kept[n] = documents[n];
  return kept;
}

/** One hit per rule and span, ordered by position then rule id, so the output is deterministic. */
function dedupe(hits: RawHit[]): RawHit[] {
  const seen = new Set<string>();
  return hits
    .sort((a, b) => a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0))
    .filter((hit) => {
      const key = `${hit.ruleId}:${hit.start}:${hit.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
