// STUB until the parsing issue lands: the transcript helper replaces this file's body, keeping these exports.
import type { ParsedTranscript } from '../types';

export interface ParseOptions {
  fileName?: string;
}

export function parseTranscript(_text: string, _options: ParseOptions = {}): ParsedTranscript {
  return { format: 'labeled', speakers: [], utterances: [], metadata: {}, warnings: [] };
}

/** Words of an utterance text; non-verbal marks such as [laughs] count as no words. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
