// Runs compiled rule patterns over one utterance and returns the exact words each rule matched.
// Patterns are compiled once per rule set into compromise match nets (buildNet); each utterance is swept once.
// Rules that only use words and punctuation run on compromise's tokenizer alone (no part-of-speech tagging),
// which is several times cheaper than a full parse; the tagger runs only when a loaded rule needs tags
// (#Verb, {root}, ~fuzzy~), and then for every utterance of that role, so the output never depends on the shortcut.
import nlp from 'compromise/two';
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
}

type View = ReturnType<typeof nlp>;
type Term = { text: string; post: string; normal?: string; machine?: string; offset?: { start: number; length: number }; implicit?: string };

const FIRST_PERSON = new Set(['i', 'we', 'me', 'us', 'my', 'our', 'myself', 'ourselves', 'mine', 'ours']);
const SECOND_PERSON = new Set(['you', 'your', 'yours', 'yourself', 'yourselves']);
type Net = ReturnType<typeof nlp.buildNet>;

/** A capture group `[…]` narrows the finding to the words that matter ("you should" inside a longer match). */
const HAS_GROUP = /\[/;
const NEEDS_TAGGER = /[#{~]/;

export interface CompiledRules {
  net: Net | null;
  uses: Map<string, PatternUse[]>;
  needsTagger: boolean;
  wholeUtterance: Set<string>;
}

export function compileRules(rules: readonly Rule[]): CompiledRules {
  const uses = new Map<string, PatternUse[]>();
  const add = (pattern: string, use: PatternUse) => {
    const list = uses.get(pattern);
    if (list) list.push(use);
    else uses.set(pattern, [use]);
  };
  for (const rule of rules) {
    for (const pattern of rule.patterns) add(pattern, { ruleId: rule.id, except: false });
    for (const pattern of rule.except) add(pattern, { ruleId: rule.id, except: true });
  }
  // buildNet drops a second match object with the same match string, so each distinct pattern goes in once.
  const patterns = [...uses.keys()];
  return {
    net: patterns.length > 0 ? nlp.buildNet(patterns.map((match) => ({ match }))) : null,
    uses,
    needsTagger: patterns.some((pattern) => NEEDS_TAGGER.test(pattern)),
    wholeUtterance: new Set(rules.filter((rule) => rule.wholeUtterance).map((rule) => rule.id)),
  };
}

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
    words: terms.filter((term) => /[\p{L}\p{N}]/u.test(term.text)).length,
    question: last !== undefined && last.post.includes('?'),
    firstPerson: has(FIRST_PERSON),
    secondPerson: has(SECOND_PERSON),
  };
}

/** Sweeps one (masked) utterance text. Never throws: a compromise failure yields no hits. */
export function matchUtterance(compiled: CompiledRules, text: string): MatchResult {
  let doc: View;
  try {
    doc = compiled.needsTagger ? nlp(text) : nlp.tokenize(text);
    // Contractions add implicit terms; fresh indexes keep sweep's pointers (and so our offsets) exact.
    doc.compute('index');
    doc.compute('offset');
  } catch {
    return { hits: [], sentences: [], words: 0 };
  }
  const documents = (doc as unknown as { docs: Term[][] }).docs;
  const sentences = documents.map(sentenceInfo);
  const words = sentences.reduce((sum, sentence) => sum + sentence.words, 0);
  if (!compiled.net) return { hits: [], sentences, words };

  let found: { match: string; view: View }[];
  try {
    found = doc.sweep(compiled.net, { tagger: false }).found as { match: string; view: View }[];
  } catch {
    return { hits: [], sentences, words };
  }
  const hits: RawHit[] = [];
  const exceptions: RawHit[] = [];
  for (const { match, view } of found) {
    const focused = HAS_GROUP.test(match) ? view.match(match, 0) : view;
    const terms = (focused as unknown as { docs: Term[][] }).docs[0] ?? (view as unknown as { docs: Term[][] }).docs[0] ?? [];
    const span = termSpan(terms);
    if (!span) continue;
    const sentence = sentences.findIndex((candidate) => span.start >= candidate.start && span.start < Math.max(candidate.end, candidate.start + 1));
    for (const use of compiled.uses.get(match) ?? []) {
      const hit = { ruleId: use.ruleId, ...span, sentence };
      if (use.except) exceptions.push(hit);
      else if (!compiled.wholeUtterance.has(use.ruleId) || coversUtterance(view, sentences, words)) hits.push(hit);
    }
  }
  const kept = hits.filter((hit) => !exceptions.some((exception) => exception.ruleId === hit.ruleId
    && exception.start < hit.end && hit.start < exception.end));
  return { hits: dedupe(kept), sentences, words };
}

function coversUtterance(view: View, sentences: readonly SentenceInfo[], words: number): boolean {
  const terms = (view as unknown as { docs: Term[][] }).docs[0] ?? [];
  const matched = terms.filter((term) => /[\p{L}\p{N}]/u.test(term.text)).length;
  return matched === words && sentences.length > 0;
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
