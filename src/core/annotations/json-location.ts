// Turns JSON problems into "line N: problem" so a user can find and fix a hand-edited file. JSON.parse only
// reports a character position (and not always); schema problems only report a path. Both are mapped to lines.
import { lineOfJsonPath } from '../json-locate';
import { ENGLISH_ISSUES } from './english-issues';

export interface JsonProblem {
  /** 1-based line, column. */
  line: number;
  column: number;
  /** Dotted path of the offending field ('' for the whole document). */
  field: string;
  message: string;
}

export type JsonPath = readonly PropertyKey[];

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: before.length - lastBreak };
}

/** JSON.parse keeps a "__proto__" key as an own property, but zod and plain assignment drop it (assigning to
 * `__proto__` sets the prototype). So it is held under this name in memory and written back under its own:
 * a field this version does not know is never lost, whatever its name. */
export const KEPT_PROTO_KEY = '__proto__\u0000';

/** The name a key is written under (see KEPT_PROTO_KEY). */
export function jsonKeyName(key: string): string {
  return key === KEPT_PROTO_KEY ? '__proto__' : key;
}

/** An object with the given keys and values in that order, each an own property even if it is named "__proto__". */
export function objectOf(entries: Iterable<readonly [string, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(out, jsonKeyName(key), { value, enumerable: true, writable: true, configurable: true });
  return out;
}

function keepProtoKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, '__proto__')) return value;
  const renamed: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) renamed[key === '__proto__' ? KEPT_PROTO_KEY : key] = inner;
  return renamed;
}

/** Parses JSON text; on a syntax error returns the problem with its line instead of throwing. */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; problem: JsonProblem } {
  try {
    // A byte-order mark (Windows editors add one) is not JSON but is no reason to refuse the file.
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, ''), keepProtoKeys) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const where = lineAndColumn(text, position ? Number(position[1]) : text.length);
    return { ok: false, problem: { ...where, field: '', message: `invalid JSON: ${message.replace(/^JSON\.parse: /, '')}` } };
  }
}

/** What a schema (zod's full or mini build alike) offers for checking a parsed value. */
export interface SafeParser<T> {
  safeParse(value: unknown, params?: typeof ENGLISH_ISSUES): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

/** Parses hand-edited JSON text and checks it against a schema, with zod's English messages; every problem carries
 * the line to fix. */
export function parseJsonWithSchema<T>(source: string, schema: SafeParser<T>): { ok: true; value: T } | { ok: false; problems: JsonProblem[] } {
  const json = parseJsonText(source);
  if (!json.ok) return { ok: false, problems: [json.problem] };
  const result = schema.safeParse(json.value, ENGLISH_ISSUES);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({ ...locatePath(source, issue.path), field: formatPath(issue.path), message: issue.message })),
  };
}

export function formatPath(path: JsonPath): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('');
}

/** Line of the value at `path` in valid JSON text (the deepest existing ancestor when the path is missing, e.g.
 * for an absent required field); column 1, since the scanner only counts lines. */
export function locatePath(text: string, path: JsonPath): { line: number; column: number } {
  return { line: lineOfJsonPath(text, path.map((part) => (typeof part === 'number' ? part : String(part)))), column: 1 };
}

/** Decodes a JSON file's bytes as UTF-8, refusing invalid UTF-8 instead of replacing it with U+FFFD: a file read
 * with replacements and saved again would lose those bytes for good. The problem names the first bad byte. */
export function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; problem: JsonProblem; offset: number } {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < at; i++) {
      if (bytes[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    }
    const column = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, at)).length + 1;
    return {
      ok: false, offset: at,
      problem: {
        line, column, field: '',
        message: `not valid UTF-8 (byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')} at line ${line}, column ${column}; `
          + 'was it saved as Latin-1 or Windows-1252?). It is not read, and never saved over, so that none of its text is '
          + 'replaced; save it as UTF-8 and it is read again',
      },
    };
  }
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence (bytes.length if none). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const first = bytes[i]!;
    const length = first < 0x80 ? 1 : first >= 0xc2 && first <= 0xdf ? 2 : first >= 0xe0 && first <= 0xef ? 3 : first >= 0xf0 && first <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    const low = first === 0xe0 ? 0xa0 : first === 0xf0 ? 0x90 : 0x80;
    const high = first === 0xed ? 0x9f : first === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf)) return i;
    }
    i += length;
  }
  return bytes.length;
}
