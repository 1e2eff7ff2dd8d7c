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

/** Rows for one transcript; coders are the columns `human codes (name)`, in the order given or first seen. */
export function utteranceTable(analysis: Analysis, sidecar: Sidecar | null, coders?: readonly string[]): UtteranceTable {
  const names = coders ?? (sidecar ? codersIn(sidecar) : []);
  const human = sidecar ? humanCodesByUtterance(sidecar, analysis.utterances) : new Map();
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
    header: ['file', 'index', 'line', 'speaker', 'role', 'timestamp', 'text', 'automatic codes',
      ...names.map((name) => `human codes (${name})`), 'reviews of automatic codes', 'comments'],
    rows: analysis.utterances.map((utterance) => [
      analysis.file, String(utterance.index), String(utterance.line), utterance.speaker, utterance.role,
      utterance.timestamp ?? '', utterance.text, utterance.codes.join(LIST_SEPARATOR),
      ...names.map((name) => [...(human.get(name)?.get(utterance.index) ?? [])].join(LIST_SEPARATOR)),
      (reviewsFor.get(utterance.index) ?? []).join('\n'),
      (commentsFor.get(utterance.index) ?? []).join('\n\n'),
    ]),
  };
}
