// The terms nlp(text) gives, for word-only rules, at a fraction of the cost (issue 7: cold analysis must cost less
// than tagging every word). compromise/two's last pass (postTagger) only adds part-of-speech tags and is most of a
// parse's cost; the passes before it also rewrite ambiguous contractions ('s, 'd, ain't) and hyphenated ones
// ("I-I'm"), so they still run when the text has an apostrophe. Without one, the tokenizer alone gives the same
// terms. Text, normal and machine forms, implicit words, offsets and sentences are exactly nlp(text)'s; only the
// tags differ, and no word-only rule reads them (test/unit/perf/untagged-terms.test.ts compares them).
import nlp from 'compromise/two';

type View = ReturnType<typeof nlp>;

interface CompromiseMethods {
  one: { tokenize: { fromString(text: string, world: object): unknown[][] } };
}

/** Any apostrophe-like mark: compromise/two's contraction pass may rewrite the word it is in. */
const APOSTROPHE = /['\u2018\u2019\u0060\u00b4\u02bc\u2032]/;
const TAGGING_PASSES = new Set(['postTagger']);

let ViewClass: (new (document: unknown[][]) => View) | undefined;
let passesBeforeTagging: string[] | undefined;

export function untaggedTerms(text: string): View {
  if (!APOSTROPHE.test(text)) return nlp.tokenize(text);
  // nlp(text) is "tokenize the string into a View, then run every pass"; this is the same minus the tagging pass.
  ViewClass ??= nlp.tokenize('').constructor as new (document: unknown[][]) => View;
  passesBeforeTagging ??= nlp.hooks().filter((pass) => !TAGGING_PASSES.has(pass));
  const methods = nlp.methods() as unknown as CompromiseMethods;
  const view = new ViewClass(methods.one.tokenize.fromString(text, nlp.world()));
  view.compute(passesBeforeTagging);
  return view;
}
