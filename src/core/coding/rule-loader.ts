// Reads rule files (built-in or the workspace's .alliance-lens/rules.json), validates every rule with the zod
// schema, and turns each problem into a RuleError naming the file, the line and the field. A broken rule is
// skipped; the others, and the built-in rules, keep working.
import type { z } from 'zod';
import { lineOfJsonPath, lineOfOffset, type JsonPath } from '../json-locate';
import { ruleFileSchema, ruleSchema, type Rule } from './rule-schema';


export interface RuleError {
  path: string;
  line: number;
  field: string;
  message: string;
}

/** A valid rule and where it sits, for later errors (a repeated id, an example that does not fire). */
export interface LocatedRule {
  rule: Rule;
  path: string;
  line: number;
  field: string;
}

export interface LoadedRules {
  rules: LocatedRule[];
  errors: RuleError[];
}

function fieldName(path: JsonPath): string {
  return path.reduce<string>((name, part) => (typeof part === 'number' ? `${name}[${part}]` : name ? `${name}.${part}` : part), '') || '(file)';
}

function syntaxErrorLine(text: string, error: unknown): number {
  const message = error instanceof Error ? error.message : '';
  const lineColumn = /line (\d+) column \d+/.exec(message);
  if (lineColumn) return Number(lineColumn[1]);
  const position = /position (\d+)/.exec(message);
  return position ? lineOfOffset(text, Number(position[1])) : 1;
}

function issuesToErrors(path: string, text: string, base: JsonPath, issues: readonly z.core.$ZodIssue[]): RuleError[] {
  return issues.map((issue) => {
    const where = [...base, ...(issue.path as (string | number)[])];
    return { path, line: lineOfJsonPath(text, where), field: fieldName(where), message: issue.message };
  });
}

/** Parses and validates one rule file: a bare array of rules, or {"rules": [...]}. */
export function loadRuleFile(path: string, text: string): LoadedRules {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { rules: [], errors: [{ path, line: syntaxErrorLine(text, error), field: '(file)', message: `not valid JSON: ${reason}` }] };
  }
  const file = ruleFileSchema.safeParse(data);
  if (!file.success) {
    return { rules: [], errors: [{ path, line: 1, field: '(file)', message: 'a rule file holds an array of rules, or an object {"rules": [...]}' }] };
  }
  const items = Array.isArray(file.data) ? file.data : file.data.rules;
  const base: JsonPath = Array.isArray(file.data) ? [] : ['rules'];
  const rules: LocatedRule[] = [];
  const errors: RuleError[] = [];
  items.forEach((item, index) => {
    const parsed = ruleSchema.safeParse(item);
    if (parsed.success) {
      const where = [...base, index];
      rules.push({ rule: parsed.data, path, line: lineOfJsonPath(text, where), field: fieldName(where) });
    } else {
      errors.push(...issuesToErrors(path, text, [...base, index], parsed.error.issues));
    }
  });
  return { rules, errors };
}
