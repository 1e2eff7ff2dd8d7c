// The output formats of `alliance-lens trends --format`; adding one is one line in TRENDS_FORMATS.
import type { TrendsReport } from '../../../core/trends/trends';
import { trendsHtml } from './html';
import { trendsMarkdown } from './markdown';
import type { TrendsFormatOptions } from './options';
import { trendsCsv, trendsJson, trendsTable } from './simple-formats';

export interface TrendsFormat {
  name: string;
  /** One line for `trends --help`. */
  description: string;
  render(report: TrendsReport, options: TrendsFormatOptions): string;
}

export const TRENDS_FORMATS: readonly TrendsFormat[] = [
  { name: 'table', description: 'one table of sessions per group (default)', render: trendsTable },
  { name: 'json', description: 'groups and sessions, as ARCHITECTURE.md §3 defines them', render: trendsJson },
  { name: 'csv', description: 'one row per session, with its group and changes', render: trendsCsv },
  { name: 'markdown', description: 'charts, tables and a plain-language summary per group', render: trendsMarkdown },
  { name: 'html', description: 'the same as one self-contained, script-free HTML file', render: trendsHtml },
];

export function trendsFormat(name: string): TrendsFormat | undefined {
  return TRENDS_FORMATS.find((format) => format.name === name);
}
