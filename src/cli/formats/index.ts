// The output formats of `alliance-lens analyze --format`. Each writes every file's Analysis as text, in pieces for
// the formats that grow with the transcripts (JSON), whole for the others; adding a format is one line in
// OUTPUT_FORMATS.
import type { Analysis } from '../../core/types';
import { wholeAnalyses, type AnalysisSource } from '../analysis-source';
import { formatCsv } from './csv';
import { writeJsonArray, writeJsonLines } from './json';
import type { TextSink } from './json-stream';
import { formatMarkdown } from '../../core/reports/markdown';
import { formatSummaryCsv } from './summary-csv';
import { formatTable } from './table';

export interface OutputFormat {
  name: string;
  /** One line for `analyze --help`. */
  description: string;
  /** Hands the output to `sink` in order; the pieces concatenate to the whole text. */
  write(analyses: readonly AnalysisSource[], sink: TextSink): void;
}

/** A format rendered as one text, from whole analyses. */
function whole(render: (analyses: readonly Analysis[]) => string): OutputFormat['write'] {
  return (analyses, sink) => sink(render([...wholeAnalyses(analyses)]));
}

export const OUTPUT_FORMATS: readonly OutputFormat[] = [
  { name: 'table', description: 'a readable summary per file (default)', write: whole(formatTable) },
  { name: 'json', description: 'an array of Analysis objects, as ARCHITECTURE.md §3 defines them', write: writeJsonArray },
  { name: 'jsonl', description: 'JSON Lines: one Analysis object per line (shard outputs concatenate)', write: writeJsonLines },
  { name: 'csv', description: 'one row per utterance, quoted by RFC 4180', write: whole(formatCsv) },
  { name: 'summary', description: 'one CSV row of session metrics per file', write: whole(formatSummaryCsv) },
  { name: 'markdown', description: 'a supervision feedback report per file', write: whole(formatMarkdown) },
];

export function outputFormat(name: string): OutputFormat | undefined {
  return OUTPUT_FORMATS.find((format) => format.name === name);
}
