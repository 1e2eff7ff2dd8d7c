// Non-verbal marks such as [laughs], (pause), [inaudible], [crosstalk]: they stay in the text but count as no
// words and are not analysed. Square brackets around a few words are a transcription convention for marks;
// parentheses hold speech too ("(and I mean it)"), so they count as a mark only with a known non-verbal word.

import { memoizeByText } from '../memo';

const MARK = /\[([^[\]\r\n]{1,80})\]|\(([^()\r\n]{1,60})\)/g;
/** "[laughs]", "[inaudible 00:12:01]", but not a bracketed time "[00:12:01]". */
const SQUARE_MARK = /^[ \t]*\p{L}/u;
const NON_VERBAL_WORDS = new Set([
  'laugh', 'laughs', 'laughing', 'laughter', 'chuckle', 'chuckles', 'chuckling', 'giggles', 'smiles', 'smiling',
  'pause', 'pauses', 'pausing', 'silence', 'silent', 'sigh', 'sighs', 'sighing', 'cry', 'cries', 'crying', 'tearful',
  'sobs', 'sobbing', 'cough', 'coughs', 'coughing', 'sniff', 'sniffs', 'nods', 'nodding', 'shrugs',
  'inaudible', 'unintelligible', 'indistinct', 'crosstalk', 'overlapping', 'overtalk', 'interrupts', 'interrupting',
  'clears', 'throat', 'noise', 'background', 'phone', 'rings', 'ringing', 'knock', 'knocks',
]);

function isMark(square: string | undefined, round: string | undefined): boolean {
  if (square !== undefined) return SQUARE_MARK.test(square);
  const words = (round ?? '').toLowerCase().split(/[^\p{L}]+/u);
  return words.length <= 8 && words.some((word) => NON_VERBAL_WORDS.has(word));
}

/** Each non-verbal mark replaced by spaces of the same length, so offsets into the result are offsets into `text`. */
export function maskNonVerbal(text: string): string {
  if (text.indexOf('[') === -1 && text.indexOf('(') === -1) return text;
  return text.replace(MARK, (mark, square?: string, round?: string) => (isMark(square, round) ? ' '.repeat(mark.length) : mark));
}

/** Words of an utterance text: runs of non-space holding a letter or digit. Non-verbal marks count as no words.
 * Remembered by text: the summary and the speaker table count every utterance on every re-analysis, which was a
 * third of a one-utterance edit's cost. */
export const countWords: (text: string) => number = /* @__PURE__ */ memoizeByText((text) => countWordsOf(text), 50_000);

function countWordsOf(text: string): number {
  const tokens = maskNonVerbal(text).match(/\S+/g);
  if (!tokens) return 0;
  let words = 0;
  for (const token of tokens) {
    if (HAS_WORD_CHARACTER.test(token)) words++;
  }
  return words;
}

const HAS_WORD_CHARACTER = /[\p{L}\p{N}]/u;
