// STUB until the coding issue lands: the coding helper replaces this file's body, keeping these exports.
import type { Role, UtteranceCoding } from '../types';

export interface CoderOptions {
  /** Extra rules, e.g. from .alliance-lens/rules.json, already parsed from JSON (validated by the coder). */
  userRules?: unknown;
  /** Built-in rule ids to switch off (setting allianceLens.rules.disabled). */
  disabledRules?: string[];
}

export interface Coder {
  /** Changes whenever the effective rule set changes; part of the Analyzer's cache key. */
  readonly version: string;
  /** Problems found in user rules (they are skipped; built-in rules keep working). */
  readonly ruleErrors: { source: string; line: number; field: string; message: string }[];
  /** Codes one utterance. Finding offsets are relative to `text`. */
  codeUtterance(text: string, role: Role): UtteranceCoding;
}

export function createCoder(_options: CoderOptions = {}): Coder {
  return {
    version: 'stub',
    ruleErrors: [],
    codeUtterance: (_text, role) => ({
      stance: 'neutral',
      behaviour: role === 'therapist' ? 'other' : null,
      question: null, reflection: null, input: null,
      talk: role === 'client' ? 'neutral' : null,
      codes: [], findings: [],
    }),
  };
}
