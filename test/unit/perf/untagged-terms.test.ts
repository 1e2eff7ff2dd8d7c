// The untagged shortcut must give exactly the terms of a full compromise/two parse (everything the word-only
// rules read: text, normal and machine forms, implicit words, punctuation, offsets, sentences), and the matcher
// must take it only when no loaded rule needs tags.
import * as assert from 'assert';
import nlp from 'compromise/two';
import { compileRules } from '../../../src/core/coding/matcher';
import { ruleSchema, type Rule } from '../../../src/core/coding/rule-schema';
import { untaggedTerms } from '../../../src/core/coding/untagged-terms';

type Term = { text: string; pre: string; post: string; normal: string; machine?: string; implicit?: string; offset?: { start: number; length: number } };

function termsSeen(view: ReturnType<typeof nlp>): unknown {
  view.compute('index');
  view.compute('offset');
  return (view as unknown as { docs: Term[][] }).docs.map((sentence) => sentence.map((term) => ({
    text: term.text, pre: term.pre, post: term.post, normal: term.normal, machine: term.machine, implicit: term.implicit,
    start: term.offset?.start, length: term.offset?.length,
  })));
}

const TEXTS = [
  "It's not like I get crazy, but I don't like the amount that I'm drinking.",
  "I'd say an eight. Why do you think it's not something less like a six?",
  "That's a good idea. Let's talk about what you'd like. There's reading, and John's car.",
  'I-I\'m willing to start again, so to speak. I-I\'ve had friends. I-I\'ll tell him. y-you\'re ready.',
  'It\u2019s your choice \u2014 you\u2019d know best. We ain\u2019t done. Who\u2019s coming? How\u2019d it go?',
  'You should call her tonight. Okay. Mm-hmm. [laughs] Tell me more about that?',
  'The doctor said 50 % of people relapse; others, maybe 20 percent... Well!',
  "Rock 'n' roll, the '90s, and 'quoted words' with O'Brien's dog.",
  '',
];

describe('untaggedTerms', () => {
  for (const text of TEXTS) {
    it(`gives the terms of nlp(text): ${JSON.stringify(text.slice(0, 40))}`, () => {
      assert.deepStrictEqual(termsSeen(untaggedTerms(text)), termsSeen(nlp(text)));
    });
  }

  it('still expands contractions that need the tagger (so the comparison above is not vacuous)', () => {
    const tokenizerOnly = termsSeen(nlp.tokenize("It's fine.")) as { implicit?: string }[][];
    const untagged = termsSeen(untaggedTerms("It's fine.")) as { implicit?: string }[][];
    assert.notDeepStrictEqual(untagged, tokenizerOnly);
    assert.ok(untagged[0].some((term) => term.implicit === 'is'), 'the contraction "it\'s" was not expanded to "it is"');
  });
});

describe('matcher: which rule sets need the tagger', () => {
  const rule = (pattern: string): Rule => ruleSchema.parse({
    id: 'test.rule', code: 'directive.command', stance: 'directive', message: 'why', reference: 'MITI 4.2.1',
    patterns: [pattern], examples: ['an example'], counterexamples: ['a counterexample'],
  });

  for (const pattern of ['^(okay|so){0,4} [call her]', 'you (really)? (should|must)', '[(percent|per cent|%)]', 'either .{1,6} or']) {
    it(`word-only pattern runs untagged: ${pattern}`, () => assert.strictEqual(compileRules([rule(pattern)]).needsTagger, false));
  }
  for (const pattern of ['#Verb the #Noun', '{walk}', '%Noun|Verb% it', '~nicotine~']) {
    it(`pattern needing tags runs tagged: ${pattern}`, () => assert.strictEqual(compileRules([rule(pattern)]).needsTagger, true));
  }
});
