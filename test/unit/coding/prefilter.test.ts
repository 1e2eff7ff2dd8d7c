// The pre-filter decides which patterns run on which sentences; these check that it narrows (so the equivalence
// test in matcher.test.ts is not comparing two unfiltered runs) and never rules out a sentence a pattern matches.
import * as assert from 'assert';
import nlp from 'compromise/two';
import { candidates, indexPatterns, needsOf, type PrefilterReg, type PrefilterTerm } from '../../../src/core/coding/prefilter';

const sentencesOf = (text: string) => (nlp.tokenize(text) as unknown as { docs: PrefilterTerm[][] }).docs;
const indexOf = (patterns: string[]) => indexPatterns(patterns.map((pattern) => needsOf(nlp.parseMatch(pattern) as PrefilterReg[])));

describe('matcher pre-filter', () => {
  it('runs a pattern only on the sentences that hold its required words', () => {
    const found = candidates(indexOf(['you (really)? should', 'tell me more']), sentencesOf('I went home. You should call her. Okay.'));
    assert.deepStrictEqual(found, [{ pattern: 0, sentences: [1] }]);
  });

  it('needs the punctuation a pattern requires (@hasQuestionMark) in the same sentence', () => {
    const index = indexOf(['[(do|did) you] .* @hasQuestionMark']);
    assert.deepStrictEqual(candidates(index, sentencesOf('Do you smoke. Fine?')), []);
    assert.deepStrictEqual(candidates(index, sentencesOf('Fine. Do you smoke?')), [{ pattern: 0, sentences: [1] }]);
  });

  it('keeps patterns without a word requirement everywhere, and says "all sentences" with null', () => {
    const found = candidates(indexOf(['.? (okay|ok)?', 'whatever']), sentencesOf('Whatever. Whatever!'));
    assert.deepStrictEqual(found, [{ pattern: 0, sentences: null }, { pattern: 1, sentences: null }]);
  });

  it('finds a multi-word alternative by any of its words', () => {
    const found = candidates(indexOf(['[(is there|are there)] anything']), sentencesOf('Is there anything else?'));
    assert.deepStrictEqual(found, [{ pattern: 0, sentences: null }]);
  });
});
