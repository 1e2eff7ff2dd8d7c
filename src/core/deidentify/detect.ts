// Finds the identifiers in a text (a whole transcript file, a memo, a comment): patterns, names and compromise's
// entities, merged into one sorted list of non-overlapping spans. Pure: no file system, no network.
import { CATEGORIES, type Category, type Detection } from './categories';
import { findEntities } from './entities';
import { collectLowerCaseWords, findNames, isLowerCaseText, startsSentence } from './names';
import { isKnownFirstName, isKnownWord, isListedName, isNeverIdentifying, isOrdinaryWord, listedPlaces, placeLike, TITLES } from './lexicon';
import { findPatterns } from './patterns';
import { findFacilities, findGazetteerPlaces, findSites } from './places';

export interface DetectOptions {
  /** Lower-cased words of names the reader knows (speakers, front matter, --names) → the person's id. */
  known?: ReadonlyMap<string, string>;
  /** Speaker labels as written ("Dr. Lee"), found whole so a title in a label goes with the name. */
  labels?: ReadonlyArray<{ text: string; person: string }>;
  /** Words never to replace (--keep), compared lower-cased. */
  keep?: Iterable<string>;
}

/** Where several detectors claim the same characters, the earlier category wins an exact tie. */
const PRIORITY: Record<Category, number> = Object.fromEntries(
  (['email', 'url', 'id', 'date', 'age', 'phone', 'place', 'name'] as const).map((category, rank) => [category, rank]),
) as Record<Category, number>;

export function detectIdentifiers(text: string, options: DetectOptions = {}): Detection[] {
  const masked = maskStructure(text);
  const keep = new Set([...(options.keep ?? [])].map((word) => word.trim().toLowerCase()).filter(Boolean));
  const known = options.known ?? new Map<string, string>();
  const lowerCaseText = isLowerCaseText(masked);
  const found = [
    ...findLabels(masked, options.labels ?? []),
    ...findPatterns(masked),
    ...findNames(masked, { known, keep, lowerCaseWords: collectLowerCaseWords(masked), lowerCaseText }),
    ...(lowerCaseText ? findLowerCasePlaces(masked) : []),
    ...findEntities(masked, keep),
  ].filter((detection) => !keep.has(detection.text.toLowerCase()));
  const kept = keptRanges(masked, [...BUILT_IN_KEEP, ...keep]);
  const allowed = (detection: Detection) => !kept.some(([start, end]) => start < detection.end && detection.start < end);
  const named = merge(masked, found.filter(allowed));
  // The place lists come last and add only what nothing above found whole: "Florence" stays the person the name
  // detector took her for, "stoke on trent" becomes one place where "trent" alone was a name.
  const listed = [...findGazetteerPlaces(masked, lowerCaseText), ...findSites(masked, lowerCaseText), ...findFacilities(masked, lowerCaseText)]
    .filter((detection) => allowed(detection) && !keep.has(detection.text.toLowerCase())
      && !named.some((other) => other.start <= detection.start && detection.end <= other.end && !renames(detection, other)));
  const first = merge(masked, [...named, ...listed]);
  return joinNames(text, merge(masked, [...first, ...findRepeats(masked, first, keep).filter(allowed)]))
    .map((detection) => ({ ...detection, text: text.slice(detection.start, detection.end) }));
}

/** "Willow Court", "Oak Ward": a facility found whole is a place, where the name detector saw a person nobody
 * declared. */
function renames(listed: Detection, other: Detection): boolean {
  return listed.source === 'facility' && other.category === 'name' && other.person === undefined && other.start === listed.start && other.end === listed.end;
}

/** The kind-of-place words inside a place's name: "the hospital" alone identifies nothing. */
const GENERIC_PLACE_WORDS = new Set(['street', 'st', 'road', 'rd', 'avenue', 'ave', 'lane', 'drive', 'boulevard', 'way', 'court', 'close',
  'crescent', 'place', 'terrace', 'square', 'parkway', 'highway', 'row', 'gardens', 'grove', 'walk', 'hospital', 'infirmary',
  'clinic', 'medical', 'health', 'centre', 'center', 'surgery', 'high', 'primary', 'middle', 'elementary', 'school', 'academy',
  'college', 'university', 'institute', 'church', 'mosque', 'temple', 'synagogue', 'prison', 'hospice', 'ltd', 'inc',
  'corporation', 'company', 'bank', 'pharmacy', 'mall', 'park', 'station', 'airport', 'general', 'saint', 'north', 'south',
  'east', 'west', 'new', 'upper', 'lower', 'great', 'little', 'old', 'calle', 'rue', 'via', 'and', 'of', 'the', 'de', 'la', 'coast']);

/** A word found as part of a name or place once is one everywhere in the file: "Haidari is her married name"
 * opens a sentence, where nothing else would call it a name. Ordinary words ("Hope") still need a capital. */
function findRepeats(text: string, found: readonly Detection[], keep: ReadonlySet<string>): Detection[] {
  const words = new Map<string, Detection>();
  for (const detection of found) {
    if (detection.category !== 'name' && detection.category !== 'place') continue;
    for (const word of text.slice(detection.start, detection.end).match(/[\p{L}\p{M}]{2,}(?:['’-][\p{L}\p{M}]+)*/gu) ?? []) {
      const lower = word.toLowerCase();
      if (!isNeverIdentifying(lower) && !TITLES.has(lower) && !GENERIC_PLACE_WORDS.has(lower) && !keep.has(lower) && !words.has(lower)) words.set(lower, detection);
    }
  }
  if (words.size === 0) return [];
  const repeats: Detection[] = [];
  for (const match of text.matchAll(/[\p{L}\p{M}]{2,}(?:['’-][\p{L}\p{M}]+)*/gu)) {
    const word = match[0].replace(/['’]s$/u, '');
    const source = words.get(word.toLowerCase());
    // In lower case only a person's name that no dictionary calls an ordinary word: "farida", not "hope" or "society".
    // A word no dictionary knows, once found as a name ("kwame my partner"), is that name in lower case too.
    if (!source || (!/^\p{Lu}/u.test(word) && (source.category === 'place' || isOrdinaryWord(word) || !(source.person || isListedName(word) || isKnownFirstName(word) || !isKnownWord(word))))) continue;
    // "Will you call me?" opens a sentence with the word, not with the sponsor called Will.
    if (isOrdinaryWord(word) && startsSentence(text, match.index)) continue;
    repeats.push({ start: match.index, end: match.index + word.length, category: source.category, text: word, source: 'repeat', ...(source.person ? { person: source.person } : {}) });
  }
  return repeats;
}

const SHAPED_PLACES = new Set(['institution', 'institution-of', 'street', 'street-address', 'street-prefix']);

/** Speech recognition writes "westfield academy": the place patterns read a copy with every word capitalised,
 * and keep only what names a place by its shape (a street, a school), never the capital-led guesses. */
function findLowerCasePlaces(text: string): Detection[] {
  const capitalised = text.replace(/(?<![\p{L}\p{M}'’])\p{Ll}/gu, (letter) => letter.toUpperCase());
  return findPatterns(capitalised).filter((detection) => detection.category === 'place' && SHAPED_PLACES.has(detection.source))
    .flatMap((detection) => (detection.source === 'institution' ? trimLowerCaseInstitution(text, detection) : [detection]));
}

/** Without capitals the institution pattern takes every word before the head: "on days at the hospital". The name
 * is what follows the last function word, and it must hold a word a list knows as a name or a place ("westfield
 * academy", "st james's hospital"), not only kinds ("the leisure centre"). */
function trimLowerCaseInstitution(text: string, detection: Detection): Detection[] {
  const words = [...text.slice(detection.start, detection.end).matchAll(/[^ \t]+/g)];
  let first = words.length - 1;
  while (first > 0 && !isNeverIdentifying(words[first - 1][0].toLowerCase().replace(/\.$/, ''))) first--;
  const name = words.slice(first, -1).map((word) => word[0].toLowerCase().replace(/['’]s$/u, '').replace(/\.$/, ''));
  if (!name.some((word) => !GENERIC_PLACE_WORDS.has(word) && ((isListedName(word) && !isOrdinaryWord(word)) || placeLike(word) || listedPlaces().places.has(word)))) return [];
  const start = detection.start + (words[first].index ?? 0);
  return [{ ...detection, start, text: text.slice(start, detection.end) }];
}

/** Capitalised phrases that name things, not people or places: "Tai Chi" holds a given name, "Super Bowl" looks
 * like one. Kept like a --keep phrase. */
const BUILT_IN_KEEP = ['tai chi', 'qi gong', 'super bowl', 'ivy league', 'ivy leagues', 'kentucky fried chicken', 'kentucky fried',
  'weight watchers', 'alcoholics anonymous', 'narcotics anonymous', 'gamblers anonymous', 'al-anon', 'planned parenthood',
  'happy hour', 'black friday', 'world cup', 'big mac', 'dr pepper', 'dr. pepper', 'mountain dew', 'red bull',
  'swisher sweets', 'game of thrones', 'star wars', 'harry potter', 'santa claus', 'jack daniels', 'jack daniel\'s',
  'jim beam', 'johnnie walker', 'captain morgan', 'tom collins', 'bloody mary', 'mary jane', 'margarita', 'margaritas',
  'hit the road', 'kia ora', 'sober october', 'dry january', 'the twelve steps', 'higher power', 'holy spirit'];

/** Where the kept phrases (built-in and --keep) occur, whole words, any case. */
function keptRanges(text: string, phrases: readonly string[]): Array<[number, number]> {
  const lower = text.toLowerCase();
  const ranges: Array<[number, number]> = [];
  for (const phrase of new Set(phrases.map((value) => value.toLowerCase()).filter((value) => value.length > 1))) {
    for (let at = lower.indexOf(phrase); at !== -1; at = lower.indexOf(phrase, at + phrase.length)) {
      const before = at > 0 ? lower[at - 1] : ' ';
      const after = lower[at + phrase.length] ?? ' ';
      if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(after)) continue;
      ranges.push([at, at + phrase.length]);
    }
  }
  return ranges;
}

/** Timestamps, cue timings and cue numbers become spaces (offsets kept), so no pattern reads a clock as a phone
 * number or a date. */
export function maskStructure(text: string): string {
  const blank = (part: string) => part.replace(/[^\r\n]/g, ' ');
  return text
    .replace(/^[ \t]*\d+[ \t]*$/gm, blank)
    .replace(/^[ \t]*(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3}[ \t]*-->.*$/gm, blank)
    .replace(/(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?(?![\d:])/g, blank)
    .replace(/^WEBVTT.*$/m, blank);
}

function findLabels(text: string, labels: ReadonlyArray<{ text: string; person: string }>): Detection[] {
  const found: Detection[] = [];
  for (const label of labels) {
    if (!label.text) continue;
    for (let at = text.indexOf(label.text); at !== -1; at = text.indexOf(label.text, at + label.text.length)) {
      const before = at > 0 ? text[at - 1] : ' ';
      const after = text[at + label.text.length] ?? ' ';
      if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(after)) continue;
      found.push({ start: at, end: at + label.text.length, category: 'name', text: label.text, source: 'label', person: label.person });
    }
  }
  return found;
}

/** One span per stretch of text: a span inside another goes, partly overlapping spans become their union. The
 * longer span's category wins, except that a known person's name keeps its person. */
function merge(text: string, found: Detection[]): Detection[] {
  const sorted = [...found].sort((a, b) => a.start - b.start || (b.end - b.start) - (a.end - a.start) || PRIORITY[a.category] - PRIORITY[b.category]);
  const merged: Detection[] = [];
  for (const detection of sorted) {
    const last = merged[merged.length - 1];
    if (!last || detection.start >= last.end) {
      merged.push({ ...detection });
      continue;
    }
    // A speaker label is replaced whole and alone, so the transcript's structure survives: whatever overlaps it
    // keeps only its part after the label.
    if (last.source === 'label' || detection.source === 'label') {
      const label = last.source === 'label' ? last : detection;
      const other = label === last ? detection : last;
      merged[merged.length - 1] = { ...label };
      if (other.end > label.end && /[\p{L}\p{N}]/u.test(text.slice(label.end, other.end))) {
        const start = label.end + (/^[^\p{L}\p{N}]*/u.exec(text.slice(label.end, other.end))?.[0].length ?? 0);
        merged.push({ ...other, start, text: text.slice(start, other.end) });
      }
      continue;
    }
    const lastLength = last.end - last.start;
    const length = detection.end - detection.start;
    const other = { ...last };
    const winner = length > lastLength || (length === lastLength && detection.person !== undefined && last.person === undefined) ? detection : other;
    const loser = winner === detection ? other : detection;
    last.category = winner.category;
    last.source = winner.source;
    last.end = Math.max(last.end, detection.end);
    const person = winner.person ?? (winner.category === 'name' ? loser.person : undefined);
    if (person === undefined) delete last.person;
    else last.person = person;
  }
  return merged;
}

/** "Priya" then "Raman", one space apart, are one person's name. */
function joinNames(text: string, detections: Detection[]): Detection[] {
  const joined: Detection[] = [];
  for (const detection of detections) {
    const last = joined[joined.length - 1];
    if (last && last.category === 'name' && detection.category === 'name' && /^ $/.test(text.slice(last.end, detection.start))
      && (last.person === undefined || detection.person === undefined || last.person === detection.person)
      && detection.source !== 'label' && last.source !== 'label') {
      last.end = detection.end;
      last.person = last.person ?? detection.person;
      continue;
    }
    joined.push({ ...detection });
  }
  return joined;
}

export function countByCategory(detections: readonly Detection[]): Record<Category, number> {
  const counts = Object.fromEntries(CATEGORIES.map((category) => [category, 0])) as Record<Category, number>;
  for (const detection of detections) counts[detection.category]++;
  return counts;
}
