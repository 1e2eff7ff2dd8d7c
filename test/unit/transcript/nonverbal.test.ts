import * as assert from 'assert';
import { countWords, maskNonVerbal } from '../../../src/core/transcript';

describe('non-verbal marks', () => {
  it('count as no words', () => {
    assert.strictEqual(countWords('[laughs] I know. (pause) Right [inaudible] [crosstalk]'), 3);
    assert.strictEqual(countWords('(long pause)'), 0);
    assert.strictEqual(countWords('[inaudible 00:12:01] okay (pause 5 sec)'), 1);
    assert.strictEqual(countWords(''), 0);
  });

  it('count words with letters or digits only, so dashes and ellipses are not words', () => {
    assert.strictEqual(countWords("I don't -- know ... 2 mm-hmm"), 5);
  });

  it('are masked with spaces of the same length, so offsets stay valid', () => {
    const text = 'Well [laughs] maybe (sighs) not';
    const masked = maskNonVerbal(text);
    assert.strictEqual(masked.length, text.length);
    assert.strictEqual(masked, `Well ${' '.repeat('[laughs]'.length)} maybe ${' '.repeat('(sighs)'.length)} not`);
  });

  it('leave parenthesised speech and bracketed times alone', () => {
    const text = 'I (and I mean it) will [00:01:05] go';
    assert.strictEqual(maskNonVerbal(text), text);
    assert.strictEqual(countWords(text), 8);
  });
});
