// The optional front matter: a "---" block at the top with `therapist: NAME` and `client: NAME` (several names
// comma-separated); every key, these included, is kept as metadata. Read here for the parser, and written here for
// "Set Speaker Role", so both agree on where the block ends ("---" or "...") and which keys name roles.
import type { Role } from '../types';
import { isBlank, splitLines, type Lines } from './lines';
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

interface FrontMatterEntry {
  /** 0-based line index. */
  line: number;
  /** As written (the metadata key). */
  key: string;
  value: string;
}

interface FrontMatterBlock {
  entries: FrontMatterEntry[];
  /** The closing "---" or "..." line, or null when the block is not closed. */
  closingLine: number | null;
  /** The first line of the transcript proper. */
  bodyLine: number;
}

/** The front matter block at the top of `text`, or null when there is none. The reader and the writer both go
 * through here, so a block one of them accepts is the block the other sees. */
function scanFrontMatter(text: string, lines: Lines): FrontMatterBlock | null {
  const lineText = (i: number) => text.slice(lines.starts[i], lines.ends[i]);
  if (lines.starts.length < 2 || !OPENING.test(lineText(0))) return null;
  const entries: FrontMatterEntry[] = [];
  const last = Math.min(lines.starts.length, MAX_LINES + 1);
  let i = 1;
  for (; i < last; i++) {
    const line = lineText(i);
    if (CLOSING.test(line)) return { entries, closingLine: i, bodyLine: i + 1 };
    if (isBlank(text, lines.starts[i], lines.ends[i]) || /^[ \t]*#/.test(line)) continue;
    const entry = ENTRY.exec(line);
    if (!entry) break;
    entries.push({ line: i, key: entry[1], value: entry[2].trim() });
  }
  // A lone "---" above ordinary text is a rule, not front matter.
  if (entries.length === 0) return null;
  return { entries, closingLine: null, bodyLine: i };
}

function namesOf(value: string): string[] {
  return value.split(',').map((name) => name.trim()).filter(Boolean);
}

/** The front matter the reader accepts: a block closed by "---" or "...". Unclosed, it is not front matter: lines such
 * as "T: hello" look like "key: value", so reading them as a header would swallow the turns. */
function closedFrontMatter(text: string, lines: Lines): FrontMatterBlock | null {
  const block = scanFrontMatter(text, lines);
  return block && block.closingLine !== null ? block : null;
}

export function readFrontMatter(text: string, lines: Lines, warnings: WarningList): FrontMatter {
  const block = closedFrontMatter(text, lines);
  if (!block) {
    const unclosed = scanFrontMatter(text, lines);
    if (unclosed) {
      const stop = unclosed.bodyLine < lines.starts.length ? ` (line ${unclosed.bodyLine + 1} is not "key: value")` : '';
      warnings.add('front matter', 1, `Line 1 opens with "---" but no "---" line closes the block${stop}, so it is not front matter: `
        + 'its lines are read as the transcript and no roles are declared. Close the block with a "---" line to declare roles.');
    }
    return { bodyLine: 0, roles: new Map(), metadata: {} };
  }
  const roles = new Map<string, Role>();
  const metadata: Record<string, string> = {};
  for (const { key, value } of block.entries) {
    const role = ROLE_KEYS.get(key.toLowerCase());
    if (role) {
      for (const name of namesOf(value)) roles.set(speakerKey(name), role);
    }
    // Role keys are kept too, as written: trends group sessions by the therapist's name.
    // defineProperty, so that a key such as "__proto__" is kept as data rather than changing the object.
    Object.defineProperty(metadata, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return { bodyLine: block.bodyLine, roles, metadata };
}

export type AssignableRole = 'therapist' | 'client';

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** The edit that makes `speaker` the `role` in the front matter: the speaker leaves every other role key (singular
 * or plural, as written) and joins the first key of this role, or a new `role: speaker` line. It edits the block
 * the reader sees (closed by "---" or "...") and creates one at the top only when there is none; the
 * transcript below the block is never touched. */
export function setRoleEdit(text: string, speaker: string, role: AssignableRole): TextEdit {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = splitLines(text);
  const block = closedFrontMatter(text, lines);
  if (!block) {
    // No block, or an unclosed "---" that the reader does not take for one: a new block at the top, and the text
    // below, that line included, left as it is.
    const top = lines.starts[0];
    return { start: top, end: top, newText: `---${eol}${role}: ${speaker}${eol}---${eol}` };
  }
  const end = block.closingLine ?? block.bodyLine;
  const start = lines.starts[1];
  const stop = end < lines.starts.length ? lines.starts[end] : text.length;
  const entryAt = new Map(block.entries.map((entry) => [entry.line, entry]));
  const who = speakerKey(speaker);
  let placed = false;
  let newText = '';
  for (let i = 1; i < end; i++) {
    const lineBreak = text.slice(lines.ends[i], i + 1 < lines.starts.length ? lines.starts[i + 1] : text.length);
    const entry = entryAt.get(i);
    const entryRole = entry && ROLE_KEYS.get(entry.key.toLowerCase());
    if (!entry || !entryRole) {
      newText += text.slice(lines.starts[i], lines.ends[i]) + lineBreak;
      continue;
    }
    const names = namesOf(entry.value).filter((name) => speakerKey(name) !== who);
    if (entryRole === role && !placed) {
      names.push(speaker);
      placed = true;
    }
    if (names.length > 0) newText += `${entry.key}: ${names.join(', ')}${lineBreak}`;
  }
  if (!placed) {
    // An unclosed block may end the file without a line break: the new entry needs its own line.
    if (newText !== '' && !/[\r\n]$/.test(newText)) newText += eol;
    newText += `${role}: ${speaker}${eol}`;
  }
  return { start, end: stop, newText };
}
