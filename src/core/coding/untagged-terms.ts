// The terms nlp(text) gives, for word-only rules, at a fraction of the cost (cold analysis must cost less
// than tagging every word). compromise/two's last pass (postTagger) only adds part-of-speech tags and is most of a
// parse's cost; the passes before it also rewrite ambiguous contractions ('s, 'd, ain't) and hyphenated ones
// ("I-I'm"), so they still run when the text has an apostrophe. Without one, the tokenizer alone gives the same
// terms. Text, normal and machine forms, implicit words, offsets and sentences are exactly nlp(text)'s; only the
// tags differ, and no word-only rule reads them (test/unit/perf/untagged-terms.test.ts compares them).
//
// Of the passes between the tokenizer's and postTagger, only contractionTwo changes words; lexicon and preTagger
// only tag, for contractionTwo to read. So they run only when a word is one contractionTwo rewrites (more
// than half of the utterances with an apostrophe have none, "don't" and "I'm" being expanded earlier).
import nlp from 'compromise/two';

type View = ReturnType<typeof nlp>;
type Term = { normal: string; implicit?: string };

interface CompromiseMethods {
  one: { tokenize: { fromString(text: string, world: object): unknown[][] } };
}

/** Any apostrophe-like mark: compromise/two's contraction pass may rewrite the word it is in. */
const APOSTROPHE = /['\u2018\u2019\u0060\u00b4\u02bc\u2032]/;
const TAGGING_PASSES = new Set(['postTagger']);
/** The first pass after the tokenizer's own: from here to contractionTwo, only contractionTwo changes words. */
const FIRST_TAGGING_AID = 'freeze';
/** What contractionTwo rewrites (see its compute): a word not yet expanded whose normal form has an apostrophe
 * followed by exactly "d", "t" or "s" ("how'd", "ain't", "it's", "John's"). */
const REWRITTEN_ENDINGS = new Set(['d', 't', 's']);

let ViewClass: (new (document: unknown[][]) => View) | undefined;
let wordPasses: string[] | undefined;
let taggingAids: string[] | undefined;

function splitPasses(): void {
  const passes = nlp.hooks().filter((pass) => !TAGGING_PASSES.has(pass));
  const cut = passes.indexOf(FIRST_TAGGING_AID);
  wordPasses = cut < 0 ? passes : passes.slice(0, cut);
  taggingAids = cut < 0 ? [] : passes.slice(cut);
}

function contractionTwoRewrites(view: View): boolean {
  for (const terms of (view as unknown as { docs: Term[][] }).docs) {
    for (const term of terms) {
      if (term.implicit || !term.normal.includes("'")) continue;
      if (REWRITTEN_ENDINGS.has(term.normal.split("'")[1])) return true;
    }
  }
  return false;
}

export function untaggedTerms(text: string): View {
  if (!APOSTROPHE.test(text)) return nlp.tokenize(text);
  // nlp(text) is "tokenize the string into a View, then run every pass"; this is the same minus the tagging pass,
  // and minus the passes that only tag for contractionTwo when it has nothing to rewrite.
  ViewClass ??= nlp.tokenize('').constructor as new (document: unknown[][]) => View;
  if (!wordPasses || !taggingAids) splitPasses();
  const methods = nlp.methods() as unknown as CompromiseMethods;
  const view = new ViewClass(methods.one.tokenize.fromString(text, nlp.world()));
  view.compute(wordPasses as string[]);
  if (contractionTwoRewrites(view)) view.compute(taggingAids as string[]);
  return view;
}
