// The optional front matter: a "---" block at the top with `therapist: NAME` and `client: NAME` (several names
// comma-separated); every key, these included, is kept as metadata.
import type { Role } from '../types';
import { isBlank, type Lines } from './lines';
import { speakerKey } from './labels';
import type { WarningList } from './warnings';

export interface FrontMatter {
  /** Index of the first line after the front matter (0 when there is none). */
  bodyLine: number;
  /** Declared roles by speaker key. */
  roles: Map<string, Role>;
  metadata: Record<string, string>;
}

const OPENING = /^---[ \t]*$/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/;
const ENTRY = /^[ \t]*([\p{L}\p{N}_][\p{L}\p{N}_ .-]{0,60}?)[ \t]*:(.*)$/u;
const ROLE_KEYS = new Map<string, Role>([['therapist', 'therapist'], ['therapists', 'therapist'], ['client', 'client'], ['clients', 'client']]);
/** A header much longer than this (or one without a closing line) is not front matter but a document that happens
 * to start with "---". */
const MAX_LINES = 200;

export function readFrontMatter(text: string, lines: Lines, warnings: WarningList): FrontMatter {
  const none: FrontMatter = { bodyLine: 0, roles: new Map(), metadata: {} };
  const lineText = (i: number) => text.slice(lines.starts[i], lines.ends[i]);
  if (lines.starts.length < 2 || !OPENING.test(lineText(0))) return none;
  const roles = new Map<string, Role>();
  const metadata: Record<string, string> = {};
  const last = Math.min(lines.starts.length, MAX_LINES + 1);
  let entries = 0;
  let i = 1;
  for (; i < last; i++) {
    const line = lineText(i);
    if (CLOSING.test(line)) return { bodyLine: i + 1, roles, metadata };
    if (isBlank(text, lines.starts[i], lines.ends[i]) || /^[ \t]*#/.test(line)) continue;
    const entry = ENTRY.exec(line);
    if (!entry) break;
    entries++;
    const key = entry[1].toLowerCase();
    const value = entry[2].trim();
    const role = ROLE_KEYS.get(key);
    if (role) {
      for (const name of value.split(',')) {
        if (name.trim()) roles.set(speakerKey(name), role);
      }
    }
    // Role keys are kept too, as written: trends group sessions by the therapist's name.
    // defineProperty, so that a key such as "__proto__" is kept as data rather than changing the object.
    Object.defineProperty(metadata, entry[1], { value, enumerable: true, writable: true, configurable: true });
  }
  // A lone "---" above ordinary text is a rule, not front matter.
  if (entries === 0) return none;
  // Unclosed: not front matter. Lines such as "T: hello" look like "key: value", so reading them as a header would
  // swallow the turns; the whole text is read as the transcript instead, and the "---" line is a preamble.
  warnings.add('front matter', 1, `Line 1 opens with "---" but no "---" line closes the block${i < last ? ` (line ${i + 1} is not "key: value")` : ''}, `
    + 'so it is not front matter: its lines are read as the transcript and no roles are declared. '
    + 'Close the block with a "---" line to declare roles.');
  return none;
}
