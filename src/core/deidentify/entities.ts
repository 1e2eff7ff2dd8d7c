// compromise's named entities (#Person, #Place, #Organization), one line at a time: its sentence splitter is slow
// on long unpunctuated text, and a line is at most one utterance here.
import nlp from 'compromise/two';
import type { Category, Detection } from './categories';
import { isNeverIdentifying, isOrdinaryWord } from './lexicon';
import { isDisfluency } from './names';
import { isKindOfGroup } from './patterns';

interface OffsetMatch {
  text: string;
  offset: { start: number; length: number };
}

const ENTITY_TAGS: ReadonlyArray<[string, Category]> = [['#Person+', 'name'], ['(#Place|#Organization)+', 'place']];
/** Honorifics compromise folds into a #Person match; the title stays in the text. */
const LEADING_TITLE = /^(?:(?:Dr|Doctor|Mr|Mrs|Ms|Miss|Mx|Prof|Professor|Aunt|Auntie|Uncle|Father|Sister|Brother|Rev|Reverend)\.?\s+)+/u;

export function findEntities(text: string, keep: ReadonlySet<string>): Detection[] {
  const found: Detection[] = [];
  // A WebVTT voice tag's brackets end a name: "<v Tom Becker>Probably" must not read as one person.
  for (const line of pieces(text.replace(/[<>]/g, '\n'))) {
    if (!/\p{Lu}/u.test(line[0])) continue;
    const doc = nlp(line[0]);
    for (const [tag, category] of ENTITY_TAGS) {
      for (const match of doc.match(tag).json({ offset: true }) as OffsetMatch[]) {
        // A list ("Alex, Dr. Alex Kim") is several names, and a label's colon ends one; compromise joins across both.
        for (const part of match.text.split(/[,;:]\s*|\s+(?:and|&)\s+/)) {
          const at = locate(line[0], part.trim(), match.offset.start);
          if (at === null) continue;
          const detection = trimmed(line[0], at, at + part.trim().length, category);
          if (!detection || !plausible(detection.text, keep)) continue;
          found.push({ ...detection, start: detection.start + line.index, end: detection.end + line.index });
        }
      }
    }
  }
  return found;
}

/** compromise's time grows faster than the length of unpunctuated text: a line longer than this is read in
 * pieces cut at a space. */
const MAX_PIECE = 600;

/** The lines of the text, long ones cut into pieces, each with its offset (as `index`, like a regex match). */
function* pieces(text: string): Generator<{ 0: string; index: number }> {
  for (const line of text.matchAll(/[^\r\n]+/g)) {
    let start = 0;
    while (line[0].length - start > MAX_PIECE) {
      const space = line[0].lastIndexOf(' ', start + MAX_PIECE);
      const end = space > start ? space : start + MAX_PIECE;
      yield { 0: line[0].slice(start, end), index: line.index + start };
      start = end;
    }
    yield { 0: line[0].slice(start), index: line.index + start };
  }
}

/** compromise's offsets drift where it normalises spacing or brackets, so its text is searched for near them. */
function locate(line: string, text: string, near: number): number | null {
  if (!text) return null;
  if (line.startsWith(text, near)) return near;
  const nearby = line.indexOf(text, Math.max(0, near - 40));
  const at = nearby !== -1 ? nearby : line.indexOf(text);
  return at === -1 ? null : at;
}

function trimmed(line: string, start: number, end: number, category: Category): Detection | null {
  let text = line.slice(start, end);
  const title = category === 'name' ? LEADING_TITLE.exec(text) : null;
  if (title) {
    start += title[0].length;
    text = text.slice(title[0].length);
  }
  // compromise may take a sentence's first word along ("Did Farida Haidari"): ordinary words are no name.
  for (let lead = /^([\p{L}'’]+)\s+/u.exec(text); lead && (isOrdinaryWord(lead[1]) || isNeverIdentifying(lead[1])); lead = /^([\p{L}'’]+)\s+/u.exec(text)) {
    start += lead[0].length;
    text = text.slice(lead[0].length);
  }
  const core = /[\p{L}\p{M}\p{N}](?:[\s\S]*[\p{L}\p{M}\p{N}])?/u.exec(text.replace(/['’]s?(?=[^\p{L}]*$)/u, ''));
  if (!core) return null;
  const lead = text.indexOf(core[0]);
  return { start: start + lead, end: start + lead + core[0].length, category, text: core[0], source: 'nlp' };
}

/** compromise tags any capitalised word it does not know; keep only what could identify someone. */
function plausible(text: string, keep: ReadonlySet<string>): boolean {
  const words = text.split(/\s+/);
  if (!words.some((word) => /^\p{Lu}/u.test(word))) return false;
  if (words.every((word) => isNeverIdentifying(word.replace(/[^\p{L}'’-]/gu, '')) || keep.has(word.toLowerCase()))) return false;
  if (isKindOfGroup(text)) return false;
  if (words.length === 1 && (isOrdinaryWord(words[0]) || /^[\p{Lu}\d]{1,5}s?$/u.test(words[0]) || isDisfluency(words[0].toLowerCase()))) return false;
  return true;
}
