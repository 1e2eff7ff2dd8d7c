// The de-identification key: which original became which replacement, so the same person or place gets the same
// replacement in every file of a folder, and a second run extends the key rather than starting over. It holds the
// originals, so it is as sensitive as the transcripts: the CLI writes it only where it is told to.
// zod/mini: the editor's De-identify command bundles this schema into the extension host.
import * as z from 'zod/mini';
import type { Category } from './categories';
import { CATEGORIES } from './categories';

export const KEY_SCHEMA_ID = 'alliance-lens/deidentify-key';

const entrySchema = z.object({
  original: z.string().check(z.minLength(1)),
  category: z.enum(CATEGORIES),
  replacement: z.string().check(z.minLength(1)),
});

export const keySchema = z.object({
  schema: z.literal(KEY_SCHEMA_ID),
  version: z.literal(1),
  /** Days added to every date with --shift-dates; fixed once per key so intervals stay true across files. */
  shiftDays: z.nullable(z.int()),
  entries: z.array(entrySchema),
});

export type KeyFile = z.infer<typeof keySchema>;
export type KeyEntry = z.infer<typeof entrySchema>;

export function emptyKey(shiftDays: number | null = null): KeyFile {
  return { schema: KEY_SCHEMA_ID, version: 1, shiftDays, entries: [] };
}

/** The lower-cased, space-normalised form under which an original is stored. */
export function keyOf(original: string): string {
  return original.trim().replace(/\s+/g, ' ').replace(/['’]s$/u, '').toLowerCase();
}

/** Looks up and adds replacements; numbered placeholders continue from the highest number in the key. */
export class Pseudonyms {
  private readonly entries = new Map<string, KeyEntry>();
  private readonly next: Record<'name' | 'place', number> = { name: 1, place: 1 };

  constructor(readonly key: KeyFile) {
    for (const entry of key.entries) {
      this.entries.set(`${entry.category}:${entry.original}`, entry);
      const numbered = /^\[(NAME|PLACE)-(\d+)\]$/.exec(entry.replacement);
      if (numbered) {
        const category = numbered[1] === 'NAME' ? 'name' : 'place';
        this.next[category] = Math.max(this.next[category], Number(numbered[2]) + 1);
      }
    }
  }

  get(category: Category, original: string): string | undefined {
    return this.entries.get(`${category}:${keyOf(original)}`)?.replacement;
  }

  /** The stand-in of a name or place under either category: "Redbank Foundry" read as an employer in the
   * transcript and as a name in a memo is one thing. */
  getNameOrPlace(original: string): string | undefined {
    return this.get('place', original) ?? this.get('name', original);
  }

  set(category: Category, original: string, replacement: string): void {
    const id = `${category}:${keyOf(original)}`;
    if (this.entries.has(id)) return;
    const entry = { original: keyOf(original), category, replacement };
    this.entries.set(id, entry);
    this.key.entries.push(entry);
  }

  /** A new numbered placeholder: "[NAME-3]", "[PLACE-1]". */
  fresh(category: 'name' | 'place'): string {
    return `[${category.toUpperCase()}-${this.next[category]++}]`;
  }
}
