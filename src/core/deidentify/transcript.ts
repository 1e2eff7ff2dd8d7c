// De-identifying one transcript: who speaks (labels and front matter), what to replace (detect.ts), with what
// (the key), and a check that the result still parses to the same utterances and roles in the same format.
import { roleWordOf, speakerKey } from '../transcript/labels';
import { parseTranscript } from '../transcript/parse';
import type { ParsedTranscript, Role, TranscriptFormat } from '../types';
import { CATEGORIES, type Category, type Detection } from './categories';
import { shiftDate } from './dates';
import { detectIdentifiers } from './detect';
import { isNeverIdentifying, TITLES } from './lexicon';
import { Pseudonyms, type KeyFile } from './key';
import { knownNameVariants } from './nicknames';

export interface DeidentifyOptions {
  fileName?: string;
  /** Extended in place with every new replacement. */
  key: KeyFile;
  /** More names to replace wherever they occur (every word, any case). */
  names?: readonly string[];
  /** Words never to replace. */
  keep?: readonly string[];
  /** Speakers' names in the text become "[NAME-n]" rather than their role; labels keep the role either way. */
  placeholders?: boolean;
  /** Dates move by key.shiftDays instead of becoming "[DATE]". */
  shiftDates?: boolean;
}

export interface Replacement {
  start: number;
  end: number;
  category: Category;
  original: string;
  replacement: string;
  source: string;
}

export type DeidentifyResult =
  | { ok: true; text: string; format: TranscriptFormat; replacements: Replacement[]; counts: Record<Category, number>; deidentifier: Deidentifier }
  | { ok: false; error: string };

interface Person {
  id: string;
  role: Role;
  label: string | null;
  words: string[];
  replacement: string;
}

const ROLE_NAMES: Record<Role, string> = { therapist: 'Therapist', client: 'Client', other: 'Speaker' };

export function deidentifyTranscript(text: string, options: DeidentifyOptions): DeidentifyResult {
  const parsed = parseTranscript(text, { fileName: options.fileName });
  if (parsed.refused) return { ok: false, error: parsed.refused };
  const deidentifier = new Deidentifier(peopleOf(text, parsed), options);
  const outside = outsideUtterances(text, parsed);
  const replacements = deidentifier.replacementsFor(text, (start) => outside(start));
  const output = applyReplacements(text, replacements);
  const problem = sameShape(parsed, parseTranscript(output, { fileName: options.fileName }));
  if (problem) return { ok: false, error: `the de-identified text would not parse as the same transcript (${problem}); nothing was written` };
  const counts = Object.fromEntries(CATEGORIES.map((category) => [category, 0])) as Record<Category, number>;
  for (const replacement of replacements) counts[replacement.category]++;
  return { ok: true, text: output, format: parsed.format, replacements, counts, deidentifier };
}

/** Replaces identifiers in any text with the same people and key, e.g. a memo or a comment about the session. */
export class Deidentifier {
  private readonly pseudonyms: Pseudonyms;
  private readonly known = new Map<string, string>();
  private readonly byId = new Map<string, Person>();
  private readonly labels: Array<{ text: string; person: string }> = [];

  constructor(people: readonly Person[], private readonly options: DeidentifyOptions) {
    this.pseudonyms = new Pseudonyms(options.key);
    for (const person of people) {
      this.byId.set(person.id, person);
      if (person.label) this.labels.push({ text: person.label, person: person.id });
      for (const word of person.words) if (!this.known.has(word)) this.known.set(word, person.id);
    }
    // Nicknames after every declared word, so they never take a word that belongs to someone else: the client
    // Robert is also Bob, unless a speaker is called Bob.
    for (const person of people) {
      for (const word of person.words) for (const variant of knownNameVariants(word)) if (!this.known.has(variant)) this.known.set(variant, person.id);
    }
    for (const name of options.names ?? []) {
      const words = nameWords(name);
      if (words.length === 0) continue;
      const id = `named:${words.join(' ')}`;
      for (const word of [...words, ...words.flatMap(knownNameVariants)]) if (!this.known.has(word)) this.known.set(word, id);
    }
  }

  replacementsFor(text: string, isStructural: (offset: number) => boolean = () => false): Replacement[] {
    const detections = detectIdentifiers(text, { known: this.known, labels: this.labels, keep: this.options.keep });
    return detections.map((detection) => ({
      start: detection.start, end: detection.end, category: detection.category, original: detection.text,
      replacement: this.replacementOf(detection, isStructural(detection.start)), source: detection.source,
    }));
  }

  deidentifyText(text: string): string {
    return applyReplacements(text, this.replacementsFor(text));
  }

  private replacementOf(detection: Detection, structural: boolean): string {
    switch (detection.category) {
      case 'name': return this.nameReplacement(detection, structural);
      case 'place': {
        const existing = this.pseudonyms.getNameOrPlace(detection.text);
        if (existing) return existing;
        const fresh = this.pseudonyms.fresh('place');
        this.pseudonyms.set('place', detection.text, fresh);
        return fresh;
      }
      case 'date': {
        const days = this.options.key.shiftDays;
        return (this.options.shiftDates && days !== null ? shiftDate(detection.text, days) : null) ?? '[DATE]';
      }
      case 'age': return '[AGE 90+]';
      case 'phone': return '[PHONE]';
      case 'email': return '[EMAIL]';
      case 'url': return '[URL]';
      case 'id': return '[ID]';
    }
  }

  private nameReplacement(detection: Detection, structural: boolean): string {
    const person = detection.person ? this.byId.get(detection.person) : undefined;
    const words = nameWords(detection.text);
    if (person && (structural || !this.options.placeholders)) {
      for (const word of person.words) this.pseudonyms.set('name', word, person.replacement);
      return person.replacement;
    }
    const asPlace = person ? undefined : this.pseudonyms.get('place', detection.text);
    if (asPlace) return asPlace;
    const lookup = person ? person.words : words.length > 0 ? words : [detection.text.toLowerCase()];
    const existing = lookup.map((word) => this.pseudonyms.get('name', word)).find((value) => value && value.startsWith('[NAME-'))
      ?? (person ? undefined : lookup.map((word) => this.pseudonyms.get('name', word)).find(Boolean));
    const replacement = existing ?? this.pseudonyms.fresh('name');
    for (const word of lookup) this.pseudonyms.set('name', word, replacement);
    return replacement;
  }
}

/** The words of a name that identify: no titles, role words, single letters or numbers. */
export function nameWords(name: string): string[] {
  return name.replace(/\([^)]*\)/g, (inner) => ` ${inner.slice(1, -1)} `).split(/[\s,]+/)
    .map((word) => word.replace(/^[@#]/, '').replace(/[.'’]+$/u, '').replace(/['’]s$/u, '').toLowerCase())
    .filter((word) => /\p{L}/u.test(word) && word.length > 1 && !TITLES.has(word) && roleWordOf(word) === null
      && !isNeverIdentifying(word) && !/^\d+$/.test(word));
}

/** Everyone named as a speaker or in the front matter, with the role-keeping replacement of their label. */
function peopleOf(text: string, parsed: ParsedTranscript): Person[] {
  const people: Person[] = [];
  const seen = new Map<string, Person>();
  const add = (name: string, role: Role, label: string | null) => {
    const words = nameWords(name);
    if (words.length === 0) return;
    const id = speakerKey(name);
    const existing = seen.get(id);
    if (existing) {
      existing.label ??= label;
      return;
    }
    const person: Person = { id, role, label, words, replacement: '' };
    seen.set(id, person);
    people.push(person);
  };
  for (const speaker of parsed.speakers) add(speaker.label, speaker.role, speaker.label);
  for (const { name, role } of frontMatterNames(text)) add(name, role, null);
  const counts: Record<Role, number> = { therapist: 0, client: 0, other: 0 };
  const order: Role[] = ['therapist', 'client', 'other'];
  for (const role of order) {
    for (const person of people.filter((candidate) => candidate.role === role)) {
      counts[role]++;
      person.replacement = role === 'other' ? `${ROLE_NAMES.other} ${counts.other}` : counts[role] === 1 ? ROLE_NAMES[role] : `${ROLE_NAMES[role]} ${counts[role]}`;
    }
  }
  return people;
}

function frontMatterNames(text: string): Array<{ name: string; role: Role }> {
  const block = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  if (!block) return [];
  const names: Array<{ name: string; role: Role }> = [];
  for (const line of block[1].split(/\r?\n/)) {
    const entry = /^[ \t]*(therapists?|clients?)[ \t]*:(.*)$/i.exec(line);
    if (!entry) continue;
    const role: Role = entry[1].toLowerCase().startsWith('therapist') ? 'therapist' : 'client';
    for (const name of entry[2].split(',')) if (name.trim()) names.push({ name: name.trim(), role });
  }
  return names;
}

/** True for offsets in labels, headers, front matter and cue lines rather than in what someone said. */
function outsideUtterances(text: string, parsed: ParsedTranscript): (offset: number) => boolean {
  const inside = parsed.utterances.flatMap((utterance) => utterance.spans.map((span) => [span.fileStart, span.fileStart + span.length] as const))
    .sort((a, b) => a[0] - b[0]);
  return (offset) => {
    let low = 0;
    let high = inside.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const [start, end] = inside[middle];
      if (offset < start) high = middle - 1;
      else if (offset >= end) low = middle + 1;
      else return false;
    }
    return offset >= 0 && offset <= text.length;
  };
}

export function applyReplacements(text: string, replacements: readonly Replacement[]): string {
  let out = '';
  let at = 0;
  for (const replacement of [...replacements].sort((a, b) => a.start - b.start)) {
    if (replacement.start < at) continue;
    out += text.slice(at, replacement.start) + replacement.replacement;
    at = replacement.end;
  }
  return out + text.slice(at);
}

function sameShape(before: ParsedTranscript, after: ParsedTranscript): string | null {
  if (before.format !== after.format) return `format ${before.format} became ${after.format}`;
  if (before.utterances.length !== after.utterances.length) return `${before.utterances.length} utterances became ${after.utterances.length}`;
  const changed = before.utterances.find((utterance, index) => utterance.role !== after.utterances[index].role);
  if (changed) return `utterance ${changed.index + 1} on line ${changed.line} changed role from ${changed.role} to ${after.utterances[changed.index].role}`;
  return null;
}
