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

const DEFINE_USE = /\{\{([^{}]*)\}\}/g;

/** The rule with every `{{name}}` in its patterns replaced by the file's definition, or the names it uses that the
 * file does not define. Done before validation, so a pattern is checked as compromise will read it. */
function expandDefines(item: unknown, define: Readonly<Record<string, string>>): { item: unknown; unknown: { field: string; name: string }[] } {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return { item, unknown: [] };
  const unknown: { field: string; name: string }[] = [];
  const expanded: Record<string, unknown> = { ...(item as Record<string, unknown>) };
  for (const field of ['patterns', 'except'] as const) {
    const patterns = expanded[field];
    if (!Array.isArray(patterns)) continue;
    expanded[field] = patterns.map((pattern, index) => (typeof pattern !== 'string' ? pattern : pattern.replace(DEFINE_USE, (use, name: string) => {
      if (Object.prototype.hasOwnProperty.call(define, name)) return define[name];
      unknown.push({ field: `${field}[${index}]`, name });
      return use;
    })));
  }
  return { item: expanded, unknown };
}

/** Parses and validates one rule file: a bare array of rules, or {"define": {...}, "rules": [...]}. */
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
    return { rules: [], errors: [{ path, line: 1, field: '(file)', message: 'a rule file holds an array of rules, or an object {"define": {...}, "rules": [...]} (define is optional; its values are strings)' }] };
  }
  const items = Array.isArray(file.data) ? file.data : file.data.rules;
  const define = Array.isArray(file.data) ? {} : file.data.define ?? {};
  const base: JsonPath = Array.isArray(file.data) ? [] : ['rules'];
  const rules: LocatedRule[] = [];
  const errors: RuleError[] = [];
  items.forEach((written, index) => {
    const { item, unknown } = expandDefines(written, define);
    if (unknown.length > 0) {
      const where = [...base, index];
      errors.push(...unknown.map(({ field, name }) => ({
        path, line: lineOfJsonPath(text, where), field: `${fieldName(where)}.${field}`,
        message: `{{${name}}} is not defined: add "${name}" to the file's "define" object, or write the words out`,
      })));
      return;
    }
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
