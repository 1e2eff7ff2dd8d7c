// The text compromise is given: within the bounds of ../text-bounds.ts, judged by compromise's own sentence test.
// Same length as the input, so offsets into it are offsets into the input.
import nlp from 'compromise/two';
import { boundText, type SentenceTest } from '../text-bounds';

type Tokenize = { isSentence(text: string, abbreviations: object): boolean };

let sentenceTest: SentenceTest | undefined;

export function boundForCompromise(text: string): string {
  if (!sentenceTest) {
    const { isSentence } = (nlp.methods() as unknown as { one: { tokenize: Tokenize } }).one.tokenize;
    const abbreviations = (nlp.world() as unknown as { model: { one: { abbreviations?: object } } }).model.one.abbreviations ?? new Set();
    sentenceTest = (piece) => isSentence(piece, abbreviations);
  }
  return boundText(text, sentenceTest);
}
