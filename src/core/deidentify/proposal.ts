// What the editor shows before a de-identified copy is written: each distinct term with its stand-in and how often
// it occurs, and the copy's default file name. Pure, so the CLI, the editor and the tests agree.
import type { Category } from './categories';
import type { Replacement } from './transcript';

export interface ProposedTerm {
  /** The term as first written in the file. */
  original: string;
  replacement: string;
  category: Category;
  count: number;
}

/** One entry per distinct term (case and a possessive aside), in order of first appearance. */
export function proposedTerms(replacements: readonly Replacement[]): ProposedTerm[] {
  const terms = new Map<string, ProposedTerm>();
  for (const replacement of [...replacements].sort((a, b) => a.start - b.start)) {
    const id = `${replacement.category}:${replacement.original.toLowerCase().replace(/\s+/g, ' ')}`;
    const existing = terms.get(id);
    if (existing) existing.count++;
    else terms.set(id, { original: replacement.original, replacement: replacement.replacement, category: replacement.category, count: 1 });
  }
  return [...terms.values()];
}

/** Endings of two parts that stay together: "s1.transcript.txt" → "s1.deid.transcript.txt". */
const COMPOUND_ENDINGS = ['.transcript.txt', '.session.txt'];

/** "session-4.transcript" → "session-4.deid.transcript"; "call.vtt" → "call.deid.vtt"; "notes" → "notes.deid". */
export function deidentifiedFileName(fileName: string): string {
  const lower = fileName.toLowerCase();
  const compound = COMPOUND_ENDINGS.find((ending) => lower.endsWith(ending) && lower.length > ending.length);
  const dot = compound ? fileName.length - compound.length : fileName.lastIndexOf('.');
  if (dot <= 0) return `${fileName}.deid`;
  return `${fileName.slice(0, dot)}.deid${fileName.slice(dot)}`;
}
