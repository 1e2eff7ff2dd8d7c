// The output formats of `alliance-lens analyze --format`. Each renders every file's Analysis into one text;
// adding a format is one line in OUTPUT_FORMATS.
import type { Analysis } from '../../core/types';
import { formatCsv } from './csv';
import { formatJson } from './json';
import { formatMarkdown } from '../../core/reports/markdown';
import { formatSummaryCsv } from './summary-csv';
import { formatTable } from './table';

export interface OutputFormat {
  name: string;
  /** One line for `analyze --help`. */
  description: string;
  render(analyses: readonly Analysis[]): string;
}

export const OUTPUT_FORMATS: readonly OutputFormat[] = [
  { name: 'table', description: 'a readable summary per file (default)', render: formatTable },
  { name: 'json', description: 'an array of Analysis objects, as ARCHITECTURE.md §3 defines them', render: formatJson },
  { name: 'csv', description: 'one row per utterance, quoted by RFC 4180', render: formatCsv },
  { name: 'summary', description: 'one CSV row of session metrics per file', render: formatSummaryCsv },
  { name: 'markdown', description: 'a supervision feedback report per file', render: formatMarkdown },
];

export function outputFormat(name: string): OutputFormat | undefined {
  return OUTPUT_FORMATS.find((format) => format.name === name);
}
