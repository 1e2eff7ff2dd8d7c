// STUB until the coding issue lands: the coding helper replaces this file's body, keeping these exports.
import type { Role, Stance, UtteranceCoding } from '../types';

export interface RuleFile {
  /** Where the rules came from, for error messages (e.g. the workspace's .alliance-lens/rules.json). */
  path: string;
  /** The raw JSON text, so errors can name the line. */
  text: string;
}

export interface CoderOptions {
  /** Extra rule files (same schema as the built-in rules). Broken ones are reported, built-ins keep working. */
  userRuleFiles?: RuleFile[];
  /** Built-in rule ids to switch off (setting allianceLens.rules.disabled). */
  disabledRules?: string[];
}

export interface RuleError {
  path: string;
  line: number;
  field: string;
  message: string;
}

export interface RuleDescription {
  id: string;
  code: string;
  stance: Stance;
  message: string;
  /** The guideline it comes from, e.g. "MITI 4.2.1 · Emphasizing Autonomy". */
  reference: string;
}

export interface Coder {
  /** Changes whenever the effective rule set changes; part of the Analyzer's cache key. */
  readonly version: string;
  /** Problems found in user rule files (those rules are skipped; built-in rules keep working). */
  readonly ruleErrors: RuleError[];
  /** Codes one utterance. Finding offsets are relative to `text`. */
  codeUtterance(text: string, role: Role): UtteranceCoding;
  describeRule(ruleId: string): RuleDescription | undefined;
}

/** Human-readable name of a code id, e.g. "directive.command" → "Command". Unknown ids come back as they are. */
export function codeName(codeId: string): string {
  return codeId;
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
    describeRule: () => undefined,
  };
}
