// Places the patterns cannot shape: towns, cities, regions and countries by name (the gazetteer, listedPlaces in
// lexicon.ts, bundled into dist/deidentify.js only), for text where capitals are no clue (speech recognition writes
// "nights at the depot in swindon"); employers by their sites ("the amazon warehouse"); named homes, wards and
// practices ("Sunrise Manor").
// A name that is also an everyday word ("reading", "bath", "nice", "hope") counts only after a place cue:
// "moved to reading", never "reading helps".
import type { Detection } from './categories';
import { isBrand, isFacilityKindWord, isKnownFirstName, isNeverIdentifying, isOrdinaryWord, listedPlaces, nameLikeWord, placeLike, TITLES, type PlaceKind } from './lexicon';
import { startsSentence } from './names';

/** What comes right before a place when a speaker says where someone lives, comes from or went, or where a site
 * stands ("the depot in rugby"): strong enough for a town that is also a word. "go to", "back to", "work in" and "outside" are not: "back to normal", "go to
 * reading group", "friends outside of band". */
const PLACE_CUE = new RegExp(String.raw`(?:\b(?:live|lives|lived|living|grew up|growing up|born|raised|based|settled|stationed|brought up)[ \t]+in`
  + String.raw`|\b(?:moved|move|moves|moving|relocated|relocating|drove|drive|driving|flew|fly|flying|train|coach|ferry|emigrated)[ \t]+(?:back[ \t]+)?to`
  + String.raw`|\b(?:i'm|i’m|im|i am|he's|he’s|she's|she’s|they're|they’re|we're|we’re|originally|family(?:'s|’s)?|people(?:'s|’s)?)[ \t]+from`
  + String.raw`|\b(?:depot|warehouse|factory|plant|offices?|branch|superstore|hospital|hospice|prison|campus|barracks)[ \t]+(?:in|at|near|outside)`
  + String.raw`|\bnear|\b(?:town|city|village|place)[ \t]+called)[ \t]+$`, 'iu');

/** Idioms a cue can form with an everyday word: "I live in hope". */
const IDIOMS = new Set(['in hope']);

const WORD = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu;

interface Word {
  start: number;
  end: number;
  lower: string;
  capitalised: boolean;
}

/**
 * Listed places in the text, the longest name first at each word. In text written with capitals (`lowerCaseText`
 * false) an everyday name must be capitalised too: "moved to Reading", not "moved to reading more".
 */
export function findGazetteerPlaces(text: string, lowerCaseText: boolean): Detection[] {
  const { places, longest } = listedPlaces();
  const words: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    const core = match[0].replace(/['’]s$/u, '');
    words.push({ start: match.index, end: match.index + core.length, lower: core.toLowerCase(), capitalised: /^\p{Lu}/u.test(core) });
  }
  const found: Detection[] = [];
  for (let i = 0; i < words.length; i++) {
    for (let n = Math.min(longest, words.length - i); n >= 1; n--) {
      const span = words.slice(i, i + n);
      // The words of a name are one phrase: a space or a hyphen between them, nothing else.
      if (span.some((word, k) => k > 0 && !/^[ \t-]$/.test(text.slice(span[k - 1].end, word.start)))) continue;
      const name = span.map((word) => word.lower).join(' ');
      const kind = places.get(name);
      if (kind === undefined) continue;
      if (!accepted(text, span, name, kind, lowerCaseText)) continue;
      const start = span[0].start;
      const end = span[n - 1].end;
      found.push({ start, end, category: 'place', text: text.slice(start, end), source: kind === 'sure' ? 'gazetteer' : `gazetteer-${kind}` });
      i += n - 1;
      break;
    }
  }
  return found;
}

/** Prepositions before a small town in lower-case speech: "a shop in taber", never "ping pong". */
const PREPOSITION = /\b(?:in|at|from|to|near|outside|around|towards|via)[ \t]+$/iu;

function accepted(text: string, span: readonly Word[], name: string, kind: PlaceKind, lowerCaseText: boolean): boolean {
  const single = span.length === 1;
  // Months, brands and family words stay whatever a map says ("March", "Amazon").
  if (single && isNeverIdentifying(name)) return false;
  // A given name ("florence", "austin") is the name detector's to find, as a person.
  if (single && isKnownFirstName(name) && !span[0].capitalised) return false;
  const capitalised = span.every((word) => word.capitalised);
  const everyday = kind === 'everyday' || (single && isOrdinaryWord(name));
  const before = text.slice(Math.max(0, span[0].start - 40), span[0].start);
  if (kind === 'small' && lowerCaseText && !everyday && !PREPOSITION.test(before)) return false;
  // In text written with capitals a town in lower case is a slip ("moved to swindon") or a word ("ping pong").
  const needsCue = everyday || (!lowerCaseText && !capitalised);
  if (!needsCue) return true;
  if (everyday && !lowerCaseText && !capitalised) return false;
  if (!PLACE_CUE.test(before)) return false;
  const lastWord = /([\p{L}'’]+)[ \t]+$/u.exec(before);
  return !(lastWord && IDIOMS.has(`${lastWord[1].toLowerCase()} ${name}`));
}

/** The kinds of site an employer has: "the amazon warehouse", "the Nissan plant", "the swindon depot". */
const SITE = /\b(warehouses?|depots?|factory|factories|plant|distribution cent(?:re|er)|fulfil?ment cent(?:re|er)|call cent(?:re|er)|head office|offices?|superstore|branch)\b/giu;

/**
 * An employer named by one of its sites. The words before the site name it when they are a brand, an organisation
 * compromise knows, a listed town (not an everyday word), or, in capitalised text, capitalised mid-sentence: never
 * "the post office", "a car factory", "the sorting office".
 */
export function findSites(text: string, lowerCaseText: boolean): Detection[] {
  const found: Detection[] = [];
  for (const site of text.matchAll(SITE)) {
    let start = site.index;
    for (let named = 0; named < 3; named++) {
      const previous = /([\p{L}\p{M}]+(?:['’&-][\p{L}\p{M}]+)*)[ \t]+$/u.exec(text.slice(Math.max(0, start - 40), start));
      if (!previous) break;
      const word = previous[1];
      const at = start - previous[0].length;
      if (!namesSite(word, text, at, lowerCaseText)) break;
      start = at;
    }
    if (start === site.index) continue;
    const end = site.index + site[0].length;
    found.push({ start, end, category: 'place', text: text.slice(start, end), source: 'site' });
  }
  return found;
}

function namesSite(word: string, text: string, at: number, lowerCaseText: boolean): boolean {
  const lower = word.toLowerCase();
  if (isBrand(lower) || placeLike(lower)) return true;
  if (isNeverIdentifying(lower) || TITLES.has(lower)) return false;
  const kind = listedPlaces().places.get(lower);
  if ((kind === 'sure' || kind === 'small') && !isOrdinaryWord(lower)) return true;
  return !lowerCaseText && /^\p{Lu}/u.test(word) && !startsSentence(text, at) && !isOrdinaryWord(lower);
}

/** Heads of a named home, ward or practice: "Sunrise Manor", "Oak Ward", "Riverside Practice". Schools, clinics,
 * hospitals and centres are the institution pattern's (patterns.ts). */
const FACILITY = /\b((?:\p{Lu}[\p{L}'’&.-]*[ \t]+){1,3})(Manor|Lodge|Grange|House|Court|Home|Practice|Ward|Unit|Hall|Warehouse|Depot|Factory|Plant)\b/gu;
/** Without capitals, only heads that are rarely part of an everyday phrase; "house", "court", "unit" are. */
const LOWER_CASE_HEADS = new Set(['Manor', 'Lodge', 'Grange', 'Home']);
/**
 * A capitalised name before a facility's head. Refused: generic words only ("Family Court", "the Care Home"), a
 * possessive ("Nan's House" is someone's home, its owner found as a name), a person's name ("Sarah Ward", "Mr
 * Hall": the name detector's). A head alone ("Home", "the Centre") is never matched: a name must come first.
 */
export function findFacilities(text: string, lowerCaseText: boolean): Detection[] {
  const source = lowerCaseText ? text.replace(/(?<![\p{L}\p{M}'’])\p{Ll}/gu, (letter) => letter.toUpperCase()) : text;
  const found: Detection[] = [];
  for (const match of source.matchAll(FACILITY)) {
    const head = match[2];
    if (lowerCaseText && !LOWER_CASE_HEADS.has(head)) continue;
    const words = [...match[1].matchAll(/[^ \t]+/g)].map((word) => ({ text: word[0], lower: word[0].toLowerCase().replace(/\.$/, ''), at: match.index + word.index }));
    // Kind words, titles and function words ("went into") are no part of a name.
    const generic = (word: { lower: string }) => isFacilityKindWord(word.lower) || isNeverIdentifying(word.lower) || TITLES.has(word.lower) || !nameLikeWord(word.lower);
    // Kind words may stand between the name and the head ("Oakfield Care Home"); the name is the run before them.
    let last = words.length;
    while (last > 0 && generic(words[last - 1])) last--;
    let first = last;
    while (first > 0 && !generic(words[first - 1])) first--;
    const name = words.slice(first, last);
    if (name.length === 0) continue;
    if (/['’]s?$/u.test(name[name.length - 1].text)) continue;
    if (name.every((word) => isKnownFirstName(word.lower))) continue;
    // A home needs its kind in lower-case speech: "oakfield care home", never "back home".
    if (lowerCaseText && head === 'Home' && !/^(?:care|nursing|residential|retirement)$/i.test(words[words.length - 1]?.text ?? '')) continue;
    const start = name[0].at;
    const end = match.index + match[0].length;
    found.push({ start, end, category: 'place', text: text.slice(start, end), source: 'facility' });
  }
  return found;
}
