// One row per utterance with everything people and the engine said about it: the per-utterance export
// researchers load into R, SPSS or Excel. Cells are plain strings; the CSV writer does the quoting.
import type { Analysis } from '../types';
import { overlappingUtterances } from './anchor';
import { codersIn, humanCodesByUtterance } from './human-codes';
import type { Sidecar } from './sidecar';

export interface UtteranceTable {
  header: string[];
  rows: string[][];
}

const LIST_SEPARATOR = '; ';

const FIXED_COLUMNS = ['file', 'index', 'line', 'speaker', 'role', 'timestamp', 'text', 'automatic codes'];

/** A front-matter key as a column name: the key itself (session, date, therapist), unless it would clash. */
export function metadataColumn(key: string): string {
  return FIXED_COLUMNS.includes(key) || key.startsWith('human codes (') || key.startsWith('memos (') ? `front matter: ${key}` : key;
}

/** Rows for one transcript; coders are the columns `human codes (name)` and `memos (name)`, in the order given or
 * first seen; `metadataKeys` (default: this transcript's front matter) are columns repeated on every row, so a
 * table of many sessions can be split by session, date or therapist. */
export function utteranceTable(
  analysis: Analysis, sidecar: Sidecar | null, coders?: readonly string[], metadataKeys: readonly string[] = Object.keys(analysis.metadata ?? {}),
): UtteranceTable {
  const names = coders ?? (sidecar ? codersIn(sidecar) : []);
  const human = sidecar ? humanCodesByUtterance(sidecar, analysis.utterances) : new Map();
  const memosFor = new Map<string, Map<number, string[]>>();
  for (const annotation of sidecar?.annotations ?? []) {
    if (annotation.orphaned || !annotation.memo.trim()) continue;
    let byUtterance = memosFor.get(annotation.coder);
    if (!byUtterance) memosFor.set(annotation.coder, (byUtterance = new Map()));
    for (const index of overlappingUtterances(analysis.utterances, annotation.anchor.start, annotation.anchor.end)) {
      byUtterance.set(index, [...(byUtterance.get(index) ?? []), annotation.memo]);
    }
  }
  const commentsFor = new Map<number, string[]>();
  const reviewsFor = new Map<number, string[]>();
  const note = (map: Map<number, string[]>, start: number, end: number, entry: string) => {
    for (const index of overlappingUtterances(analysis.utterances, start, end)) map.set(index, [...(map.get(index) ?? []), entry]);
  };
  for (const thread of sidecar?.comments ?? []) {
    if (thread.orphaned) continue;
    const body = thread.comments.map((comment) => `${comment.author}: ${comment.body}`).join('\n');
    note(commentsFor, thread.anchor.start, thread.anchor.end, thread.resolved ? `[resolved] ${body}` : body);
  }
  for (const decision of sidecar?.decisions ?? []) {
    if (decision.orphaned) continue;
    const what = decision.verdict === 'replace' ? `replaced ${decision.code} with ${(decision.replacement ?? []).join(', ')}` : `${decision.verdict}ed ${decision.code}`;
    note(reviewsFor, decision.anchor.start, decision.anchor.end, `${decision.coder} ${what} (${decision.rule})`);
  }
  return {
    header: [...FIXED_COLUMNS, ...metadataKeys.map(metadataColumn),
      ...names.flatMap((name) => [`human codes (${name})`, `memos (${name})`]), 'reviews of automatic codes', 'comments'],
    rows: analysis.utterances.map((utterance) => [
      analysis.file, String(utterance.index), String(utterance.line), utterance.speaker, utterance.role,
      utterance.timestamp ?? '', utterance.text, utterance.codes.join(LIST_SEPARATOR),
      ...metadataKeys.map((key) => analysis.metadata?.[key] ?? ''),
      ...names.flatMap((name) => [
        [...(human.get(name)?.get(utterance.index) ?? [])].join(LIST_SEPARATOR),
        (memosFor.get(name)?.get(utterance.index) ?? []).join('\n'),
      ]),
      (reviewsFor.get(utterance.index) ?? []).join('\n'),
      (commentsFor.get(utterance.index) ?? []).join('\n\n'),
    ]),
  };
}
