// Bounds the work compromise does on one utterance, before it sees the text. compromise's tokenizer and matcher are
// super-linear in the length of a sentence and of a token (its issues #847 and #511): the match loop copies the
// rest of the sentence at every term, the sentence splitter re-tests the whole run-on sentence at every chunk, and
// the per-token normaliser shifts a long run of punctuation one character at a time. So a 40 KB word of dots, 60 KB
// of "…" or 32,000 words without a full stop took many seconds.
//
// `boundText` returns a text of the same length in which
//   1. no run of non-space characters is longer than MAX_TOKEN_CHARS: every MAX_TOKEN_CHARS-th character of a longer
//      run becomes a space (both halves of a surrogate pair, never one);
//   2. no stretch without a letter, digit or symbol is longer than MAX_LETTERLESS_CHARS code points: all but
//      KEPT_MARKS at each end become no-break spaces (compromise merges letterless pieces by re-testing the growing
//      piece, keeps them all in one term, and scans that term with a quadratic regular expression);
//   3. no sentence, as compromise will split it, holds more than MAX_SENTENCE_UNITS words: a line break replaces the
//      whitespace after every MAX_SENTENCE_UNITS-th word of a longer one (compromise always ends a sentence there).
// Nothing moves, so every offset compromise reports into the bounded text is the same offset in the original: no
// mapping back is needed, and findings stay exact. Text within both limits comes back unchanged (the same string),
// so ordinary text is analysed exactly as before.
//
// To know where compromise's sentences end, this module follows its splitter (compromise/src/1-one/tokenize/
// methods/01-sentences: split lines, split after ". " and the like, merge letterless pieces, merge pieces that are
// not sentences) in one linear pass; its `isSentence` test is passed in by the caller, so this module needs no NLP.
// Its two last merges (quotes, brackets) only join a few hundred characters more, so they are left out: a sentence
// this module counts as short is never longer for compromise than that. Pure: no compromise, no Node API.

/** Longer runs of non-space characters are cut with a space. A transcript's longest real words and URLs are shorter. */
export const MAX_TOKEN_CHARS = 128;
/** Longer sentences get a line break after every this many words (a word here: a run of non-space characters, or
 * each run of letters and digits in it, whichever is more). Ordinary spoken sentences stay well below it. */
export const MAX_SENTENCE_UNITS = 200;

/** A stretch of text without a letter, digit or symbol longer than this (in code points) is looked at, */
export const MAX_LETTERLESS_CHARS = 128;
/** and keeps only this many of its code points at each end. */
export const KEPT_MARKS = 32;

/** compromise's test of whether a piece of text can end a sentence (`methods().one.tokenize.isSentence` with the
 * world's abbreviations). */
export type SentenceTest = (text: string) => boolean;

// compromise's own patterns (01-simple-split.js, 02-simple-merge.js, 03-smart-merge.js, is-sentence.js).
const NEWLINES = /(?:\r?\n|\r)+/g;
const STOP_THEN_SPACE = /[.!?\u203D\u2E18\u203C\u2047-\u2049\u0964\u0965\u061F\u06D4\u0589\u1362\u1367\u104B\u17D4\u3002]+\s/g;
const HAS_CJK_STOP = /[\u3002\uFF01\uFF1F\uFF61]/;
const CJK_STOPS = '\\u3002\\uFF01\\uFF1F\\uFF61';
const ALL_STOPS = '.!?\\u203D\\u2E18\\u203C\\u2047-\\u2049\\u0964\\u0965\\u061F\\u06D4\\u0589\\u1362\\u1367\\u104B\\u17D4' + CJK_STOPS;
const OPENERS = '\\u300C\\u300E\\uFF08\\u3010\\u3014\\u300A\\u3008\\u201C';
const CLOSERS = '\\u300D\\u300F\\uFF09\\u3011\\u3015\\u300B\\u3009\\u201D';
const STOP_CJK = new RegExp(`[${ALL_STOPS}]+\\s|[${CJK_STOPS}]+(?![${CLOSERS}${CJK_STOPS}])|[${CJK_STOPS}]+[${CLOSERS}]+(?=[\\s${OPENERS}]|$)`, 'g');
/** A piece with none of these is merged into its neighbour (simple-merge). */
const LETTER_OR_SYMBOL = /[\p{L}\p{N}\p{So}]/u;
/** isSentence's first test. */
const LETTER = /\p{L}/u;
/** isSentence looks only at the end of a piece (after trailing spaces); this much of it is more than enough. */
const TAIL_CHARS = 64;
const TOKEN = /\S+/g;
const WORD_RUN = /[\p{L}\p{N}]+/gu;

/** The text with every token and sentence within bounds, same length; the same string when nothing was cut. */
export function boundText(text: string, isSentence: SentenceTest): string {
  if (text.length <= MAX_TOKEN_CHARS) return text;
  return breakLongSentences(blankLongLetterlessStretches(cutLongTokens(text)), isSentence);
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function cutLongTokens(text: string): string {
  const parts: string[] = [];
  let copied = 0;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match; match = TOKEN.exec(text)) {
    const end = match.index + match[0].length;
    if (end - match.index <= MAX_TOKEN_CHARS) continue;
    for (let at = match.index + MAX_TOKEN_CHARS; at < end; at += MAX_TOKEN_CHARS + 1) {
      // Never half a surrogate pair: cut before a low surrogate's pair, or blank both halves.
      if (isLowSurrogate(text.charCodeAt(at)) && at + 1 < end) at++;
      const width = isHighSurrogate(text.charCodeAt(at)) && isLowSurrogate(text.charCodeAt(at + 1)) ? 2 : 1;
      parts.push(text.slice(copied, at), ' '.repeat(width));
      copied = at + width;
      at += width - 1;
    }
  }
  if (copied === 0) return text;
  parts.push(text.slice(copied));
  return parts.join('');
}

const LETTERLESS_STRETCH = new RegExp(`[^\\p{L}\\p{N}\\p{So}]{${MAX_LETTERLESS_CHARS + 1},}`, 'gu');
const CODE_POINT = /[\s\S]/gu;
/** No-break space: whitespace to compromise's sentence and word splitters, but not the " " its normaliser's
 * / *$/ scans (quadratic over a long run of spaces in a term without letters). */
const BLANK = '\u200b';

function blankLongLetterlessStretches(text: string): string {
  const parts: string[] = [];
  let copied = 0;
  LETTERLESS_STRETCH.lastIndex = 0;
  for (let stretch = LETTERLESS_STRETCH.exec(text); stretch; stretch = LETTERLESS_STRETCH.exec(text)) {
    const points: number[] = [];
    CODE_POINT.lastIndex = 0;
    for (let point = CODE_POINT.exec(stretch[0]); point; point = CODE_POINT.exec(stretch[0])) points.push(point.index);
    // Whole code points: from the KEPT_MARKS-th to the KEPT_MARKS-th from the end, each unit becomes a blank.
    const from = stretch.index + points[KEPT_MARKS];
    const to = stretch.index + points[points.length - KEPT_MARKS];
    parts.push(text.slice(copied, from), BLANK.repeat(to - from));
    copied = to;
  }
  if (copied === 0) return text;
  parts.push(text.slice(copied));
  return parts.join('');
}

/** compromise's first split: lines (each run of line breaks its own piece), then after every stop and space. */
function simpleSplit(text: string): [number, number][] {
  const pieces: [number, number][] = [];
  const stops = HAS_CJK_STOP.test(text) ? STOP_CJK : STOP_THEN_SPACE;
  const splitLine = (start: number, end: number) => {
    if (start === end) return;
    const line = text.slice(start, end);
    let from = 0;
    stops.lastIndex = 0;
    for (let match = stops.exec(line); match; match = stops.exec(line)) {
      if (match[0].length === 0) {
        stops.lastIndex++;
        continue;
      }
      const after = match.index + match[0].length;
      pieces.push([start + from, start + after]);
      from = after;
    }
    if (from < line.length) pieces.push([start + from, end]);
  };
  let lineStart = 0;
  NEWLINES.lastIndex = 0;
  for (let match = NEWLINES.exec(text); match; match = NEWLINES.exec(text)) {
    splitLine(lineStart, match.index);
    pieces.push([match.index, match.index + match[0].length]);
    lineStart = match.index + match[0].length;
  }
  splitLine(lineStart, text.length);
  return pieces;
}

/** The sentences compromise's splitter makes before its quote and bracket merges, as [start, end) offsets. */
export function sentenceSpans(text: string, isSentence: SentenceTest): [number, number][] {
  const pieces = simpleSplit(text);
  // simple-merge: a piece without a letter, digit or symbol joins the previous piece, or the next when it is first.
  const merged: { start: number; end: number; letter: boolean }[] = [];
  let pendingStart = -1;
  for (const [start, end] of pieces) {
    const own = text.slice(start, end);
    if (!LETTER_OR_SYMBOL.test(own)) {
      if (merged.length > 0) {
        merged[merged.length - 1].end = end;
        continue;
      }
      if (pendingStart === -1) pendingStart = start;
      continue;
    }
    merged.push({ start: pendingStart === -1 ? start : pendingStart, end, letter: LETTER.test(own) });
    pendingStart = -1;
  }
  // A text of letterless pieces only: the last of them stays a piece of its own (compromise pushes it).
  if (pendingStart !== -1) merged.push({ start: pendingStart, end: text.length, letter: false });

  // smart-merge: a piece that is not a sentence and does not end a line joins the next one.
  const sentences: [number, number][] = [];
  let start = -1;
  let hasLetter = false;
  for (let i = 0; i < merged.length; i++) {
    const piece = merged[i];
    if (start === -1) {
      start = piece.start;
      hasLetter = false;
    }
    hasLetter ||= piece.letter;
    const end = piece.end;
    const last = i === merged.length - 1;
    if (!last && text.charCodeAt(end - 1) !== 0x0a && !judge(text, start, end, hasLetter, isSentence)) continue;
    sentences.push([start, end]);
    start = -1;
  }
  return sentences;
}

/** isSentence of text[start, end) without handing it a long string: it reads only the end of the piece (past its
 * trailing spaces) and whether the piece has a letter at all, so a bounded tail gives the same answer. */
function judge(text: string, start: number, end: number, hasLetter: boolean, isSentence: SentenceTest): boolean {
  if (!hasLetter) return false;
  let trailing = end;
  while (trailing > start && text.charCodeAt(trailing - 1) === 0x20) trailing--;
  const from = Math.max(start, trailing - TAIL_CHARS);
  const tail = text.slice(from, end);
  // The letter that made the piece a candidate lies before the tail: stand one in, far from the end.
  return isSentence(from > start && !LETTER.test(tail) ? `x ${tail}` : tail);
}

function breakLongSentences(text: string, isSentence: SentenceTest): string {
  if (!mayExceed(text)) return text;
  const breaks: number[] = [];
  for (const [start, end] of sentenceSpans(text, isSentence)) {
    let units = 0;
    // The whitespace after the word that filled the sentence; it becomes a break only if another word follows.
    let pending = -1;
    TOKEN.lastIndex = start;
    for (let match = TOKEN.exec(text); match && match.index < end; match = TOKEN.exec(text)) {
      if (pending !== -1) {
        breaks.push(pending);
        pending = -1;
        units = 0;
      }
      units += Math.max(1, wordRuns(match[0]));
      if (units >= MAX_SENTENCE_UNITS) pending = match.index + match[0].length;
    }
  }
  if (breaks.length === 0) return text;
  const parts: string[] = [];
  let copied = 0;
  for (const at of breaks) {
    parts.push(text.slice(copied, at), '\n');
    copied = at + 1;
  }
  parts.push(text.slice(copied));
  return parts.join('');
}

/** Whether the whole text holds more than MAX_SENTENCE_UNITS words, so that some sentence might. */
function mayExceed(text: string): boolean {
  let units = 0;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match; match = TOKEN.exec(text)) {
    units += Math.max(1, wordRuns(match[0]));
    if (units > MAX_SENTENCE_UNITS) return true;
  }
  return false;
}

function wordRuns(token: string): number {
  let runs = 0;
  WORD_RUN.lastIndex = 0;
  while (WORD_RUN.exec(token)) runs++;
  return runs;
}
