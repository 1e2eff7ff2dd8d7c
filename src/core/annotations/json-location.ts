// Turns JSON problems into "line N: problem" so a user can find and fix a hand-edited file. JSON.parse only
// reports a character position (and not always); schema problems only report a path. Both are mapped to lines.
import { lineOfJsonPath } from '../coding/json-locate';

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

/** Parses JSON text; on a syntax error returns the problem with its line instead of throwing. */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; problem: JsonProblem } {
  try {
    // A byte-order mark (Windows editors add one) is not JSON but is no reason to refuse the file.
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const where = lineAndColumn(text, position ? Number(position[1]) : text.length);
    return { ok: false, problem: { ...where, field: '', message: `invalid JSON: ${message.replace(/^JSON\.parse: /, '')}` } };
  }
}

export function formatPath(path: JsonPath): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('');
}

/** Line of the value at `path` in valid JSON text (the deepest existing ancestor when the path is missing, e.g.
 * for an absent required field); column 1, since the scanner only counts lines. */
export function locatePath(text: string, path: JsonPath): { line: number; column: number } {
  return { line: lineOfJsonPath(text, path.map((part) => (typeof part === 'number' ? part : String(part)))), column: 1 };
}
