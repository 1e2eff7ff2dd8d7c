// Reading back what `analyze` wrote: JSON Lines (`--format jsonl`, one Analysis per line, read line by line so a
// large shard output is never one string), or `--format json` (an array of Analysis objects, or one object).
import type { Analysis } from '../core/types';
import { forEachInputLine, InputRefused, readInputBytes } from './files';

export type ReadAnalyses = { ok: true; analyses: Analysis[] } | { ok: false; error: string };

/** A JSON file from `analyze --format json` is read whole; V8 strings stop at about 512 MB. */
const MAX_JSON_BYTES = 500 * 1024 * 1024;

/** The fields every Analysis has and merge uses (ARCHITECTURE.md §3). */
const REQUIRED: ReadonlyArray<[keyof Analysis, 'string' | 'object' | 'array']> = [
  ['file', 'string'], ['format', 'string'], ['metadata', 'object'], ['speakers', 'array'], ['utterances', 'array'],
  ['summary', 'object'], ['warnings', 'array'],
];

/** Why `value` is not an Analysis, or null if it is one. */
function notAnAnalysis(value: unknown): string | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'it is not a JSON object';
  for (const [key, kind] of REQUIRED) {
    const field = (value as Record<string, unknown>)[key];
    const ok = kind === 'array' ? Array.isArray(field) : kind === 'string' ? typeof field === 'string' : field !== null && typeof field === 'object' && !Array.isArray(field);
    if (!ok) return `its "${key}" is missing or not ${kind === 'array' ? 'an array' : `a${kind === 'object' ? 'n object' : ' string'}`}`;
  }
  return null;
}

const problem = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Every Analysis in `file`, in file order. */
export function readAnalyses(file: string): ReadAnalyses {
  try {
    const analyses: Analysis[] = [];
    let whole = false;
    let lineError: string | null = null;
    forEachInputLine(file, (line, lineNumber) => {
      if (whole || lineError !== null || line.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        // The first line of `--format json` ("[" or "{") is not a whole value: the file is one JSON document.
        if (analyses.length === 0 && /^\s*[[{]\s*$/.test(line)) whole = true;
        else lineError = `${file}:${lineNumber}: not a line of JSON (${problem(error)}); give the JSON Lines or JSON that analyze wrote`;
        return;
      }
      // `--format json` of zero or more files on one line ("[]").
      if (Array.isArray(value) && analyses.length === 0) {
        whole = true;
        return;
      }
      const why = notAnAnalysis(value);
      if (why) lineError = `${file}:${lineNumber}: not an Analysis from alliance-lens analyze: ${why}`;
      else analyses.push(value as Analysis);
    });
    if (lineError !== null) return { ok: false, error: lineError };
    return whole ? readJsonDocument(file) : { ok: true, analyses };
  } catch (error) {
    return { ok: false, error: error instanceof InputRefused ? `refused ${file}: ${error.message}` : `cannot read ${file}: ${problem(error)}` };
  }
}

function readJsonDocument(file: string): ReadAnalyses {
  let value: unknown;
  try {
    value = JSON.parse(readInputBytes(file, MAX_JSON_BYTES).toString('utf8'));
  } catch (error) {
    if (error instanceof InputRefused) return { ok: false, error: `refused ${file}: ${error.message}; write it with --format jsonl instead` };
    return { ok: false, error: `${file}: not valid JSON (${problem(error)})` };
  }
  const values = Array.isArray(value) ? value : [value];
  for (const [index, element] of values.entries()) {
    const why = notAnAnalysis(element);
    if (why) return { ok: false, error: `${file}: element ${index + 1} is not an Analysis from alliance-lens analyze: ${why}` };
  }
  return { ok: true, analyses: values as Analysis[] };
}
