// What compromise is given: the same text within bounds on sentence and token length (src/core/text-bounds.ts).
import * as assert from 'assert';
import nlp from 'compromise/two';
import { parseTranscript } from '../../../src/core/transcript';
import { boundForCompromise } from '../../../src/core/coding/bounded-text';
import { createCoder } from '../../../src/core/coding';
import { KEPT_MARKS, MAX_SENTENCE_UNITS, MAX_TOKEN_CHARS, sentenceSpans } from '../../../src/core/text-bounds';
import { pick, randomInt, seededRandom } from '../annotations/random';
import { fixture, fixtureNames } from '../transcript/fixtures';

type Tokenize = { splitSentences(text: string, world: object): string[]; isSentence(text: string, abbreviations: object): boolean };
const tokenize = (nlp.methods() as unknown as { one: { tokenize: Tokenize } }).one.tokenize;
const abbreviations = (nlp.world() as unknown as { model: { one: { abbreviations: object } } }).model.one.abbreviations;
const isSentence = (text: string) => tokenize.isSentence(text, abbreviations);

/** compromise's sentences, without its quote and bracket merges (the texts below have neither). */
function compromiseSentences(text: string): string[] {
  return tokenize.splitSentences(text, nlp.world());
}

/** Our spans as strings, with compromise's last step: leading whitespace moves to the end of the sentence before. */
function ourSentences(text: string): string[] {
  const sentences = sentenceSpans(text, isSentence).map(([start, end]) => text.slice(start, end));
  for (let i = 1; i < sentences.length; i++) {
    const space = /^\s+/.exec(sentences[i]);
    if (space) {
      sentences[i - 1] += space[0];
      sentences[i] = sentences[i].slice(space[0].length);
    }
  }
  return sentences;
}

const WORDS = ['Mr.', 'Dr.', 'U.S.', 'a', 'I', 'ok', 'so', 'word', 'Word', '...', '…', '.', '!', '?', '?!', '5', '3.5', 'e.g.', 'A.', 'x.y', ',', '-', '好。', '。', '!!', '😀', 'etc.', 'vs.', 'é', '#', '•'];
const SPACES = [' ', ' ', ' ', '  ', '\n', '\r\n', '\r', '\t', '\n\n', '', '\u00a0'];

describe('text bounds: what compromise is given', function () {
  this.timeout(120_000);

  it('finds the sentences compromise finds (10,000 random texts without quotes or brackets)', () => {
    const random = seededRandom(20261207);
    for (let i = 0; i < 10_000; i++) {
      const parts: string[] = [];
      for (let n = randomInt(random, 1, 30); n > 0; n--) parts.push(pick(random, WORDS), pick(random, SPACES));
      const text = parts.join('');
      if (!/\S/.test(text)) continue;
      assert.deepStrictEqual(ourSentences(text), compromiseSentences(text), JSON.stringify(text));
    }
  });

  it('finds compromise\'s sentences in long pieces too, where only the end of a piece is judged', () => {
    for (const text of ['a'.repeat(500) + ' Mr. Smith came. ' + '. '.repeat(300) + 'Done.', '…'.repeat(300) + ' x. y', `${'word '.repeat(200)}U.S. And then.`, `x${' '.repeat(300)}Mr.  next`]) {
      assert.deepStrictEqual(ourSentences(text), compromiseSentences(text), JSON.stringify(text));
    }
  });

  it('gives ordinary text back unchanged: every utterance of the fixtures and 1,000 generated long ones', () => {
    for (const name of fixtureNames()) {
      for (const utterance of parseTranscript(fixture(name)).utterances) assert.strictEqual(boundForCompromise(utterance.text), utterance.text);
    }
    const random = seededRandom(7);
    const vocabulary = ['I', 'think', 'you', 'could', 'maybe', 'try', "don't", 'the', 'week-end', 'Mr.', 'Smith', 'e.g.', '3.5', 'it', 'was', 'hard', 'to', 'say', '...', 'well,', 'so'];
    const last = ['it', 'now', 'that', 'Smith', 'home'];
    for (let i = 0; i < 1000; i++) {
      const sentences = Array.from({ length: randomInt(random, 1, 40) }, () => {
        const words = Array.from({ length: randomInt(random, 1, MAX_SENTENCE_UNITS / 4) }, () => pick(random, vocabulary));
        return `${words.join(' ')} ${pick(random, last)}${pick(random, ['.', '?', '!', '?!'])}`;
      });
      const text = sentences.join(pick(random, [' ', '  ', '\n']));
      assert.strictEqual(boundForCompromise(text), text, JSON.stringify(text));
    }
  });

  it('cuts a token longer than the limit with spaces, never inside a surrogate pair', () => {
    const dots = 'so' + '.'.repeat(1000);
    const bounded = boundForCompromise(dots);
    assert.strictEqual(bounded.length, dots.length);
    // (the middle of the dots, a stretch without letters, is then blanked: see the next test)
    assert.ok(bounded.split(/\s+/).every((token) => token.replace(/\u200b/g, '').length <= MAX_TOKEN_CHARS), bounded);
    const acronym = 'a.'.repeat(500);
    assert.ok(boundForCompromise(acronym).split(/\s+/).every((token) => token.length <= MAX_TOKEN_CHARS));
    const emoji = 'ok ' + '😀'.repeat(300);
    const cut = boundForCompromise(emoji);
    assert.strictEqual(cut.length, emoji.length);
    assert.ok(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(cut), 'a lone surrogate');
  });

  it('keeps only both ends of a long stretch without letters, the middle blanked with zero-width spaces', () => {
    const text = `Why ${'?! '.repeat(200)}now`;
    const bounded = boundForCompromise(text);
    assert.strictEqual(bounded.length, text.length);
    assert.ok(bounded.startsWith(`Why ${'?! '.repeat(200).slice(0, KEPT_MARKS - 1)}`), bounded);
    assert.ok(bounded.endsWith(`${'?! '.repeat(200).slice(-KEPT_MARKS + 1)}now`), bounded);
    assert.match(bounded, /\u200b{300}/);
  });

  it('breaks an overlong sentence with a line break after every limit-th word, and never after its last word', () => {
    const words = Array.from({ length: 2 * MAX_SENTENCE_UNITS + 10 }, (_, i) => `w${i}`);
    const text = `${words.join(' ')} end.`;
    const bounded = boundForCompromise(text);
    assert.strictEqual(bounded.length, text.length);
    assert.deepStrictEqual(bounded.split('\n').map((line) => line.split(' ').length), [MAX_SENTENCE_UNITS, MAX_SENTENCE_UNITS, 11]);
    const exact = `${words.slice(0, MAX_SENTENCE_UNITS).join(' ')}. Next one.`;
    assert.strictEqual(boundForCompromise(exact), exact);
  });

  it('keeps every finding on the words that fired, around pathological stretches', () => {
    const coder = createCoder();
    const plain = 'You should stop drinking. Could you tell me more about that?';
    const noise = ['.'.repeat(40_000), '…'.repeat(20_000), 'a.'.repeat(10_000), 'so '.repeat(5_000), '?! '.repeat(3_000)];
    const expected = coder.codeUtterance(plain, 'therapist').findings.map((finding) => plain.slice(finding.start, finding.end));
    assert.ok(expected.length >= 2, JSON.stringify(expected));
    for (const filler of noise) {
      const text = `${plain} ${filler} ${plain}`;
      const found = coder.codeUtterance(text, 'therapist').findings.map((finding) => text.slice(finding.start, finding.end));
      for (const words of expected) assert.ok(found.filter((text) => text === words).length >= 2, `${words} in ${JSON.stringify(found)}`);
    }
  });
});
