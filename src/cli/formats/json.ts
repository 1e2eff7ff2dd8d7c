import type { Analysis } from '../../core/types';

/** The contract's JSON: an array with one Analysis per file. */
export function formatJson(analyses: readonly Analysis[]): string {
  return `${JSON.stringify(analyses, null, 2)}\n`;
}
