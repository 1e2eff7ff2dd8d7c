// The coding engine: built-in rules (rules/*.json) plus the user's own, compiled once, applied one utterance at
// a time. Findings say which words fired, which rule and which guideline; decide.ts turns them into codes.
import type { Finding, Role, Stance, UtteranceCoding } from '../types';
import { CONTEXT_RULES, NO_CONTEXT, situate, type UtteranceContext } from './context';
import { CUE_AGREEMENT_SOURCE, cueAgreement, type CueAgreement } from './cue-agreement';
import { decide } from './decide';
import { maskNonVerbal } from './mask';
import { compileRules, matchUtterance, type CompiledRules, type MatchResult } from './matcher';
import { loadRuleFile, type LocatedRule, type RuleError } from './rule-loader';
import type { Rule } from './rule-schema';
import { BUILT_IN_RULE_FILES } from './rules';

export { codeName } from '../code-names';
export type { RuleError } from './rule-loader';
export type { Rule } from './rule-schema';

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

export interface RuleDescription {
  id: string;
  code: string;
  stance: Stance;
  message: string;
  /** The guideline it comes from, e.g. "MITI 4.2.1 · Emphasizing Autonomy". */
  reference: string;
  /** For a built-in stance cue: how often it agreed with expert coders where it fired (measured, not assumed). */
  agreement?: CueAgreement & { measuredOn: string };
}

export interface Coder {
  /** Changes whenever the effective rule set changes; part of the Analyzer's cache key. */
  readonly version: string;
  /** Problems found in user rule files (those rules are skipped; built-in rules keep working). */
  readonly ruleErrors: RuleError[];
  /** Codes one utterance in its context (the turns before it). Finding offsets are relative to `text`. */
  codeUtterance(text: string, role: Role, context?: UtteranceContext): UtteranceCoding;
  describeRule(ruleId: string): RuleDescription | undefined;
}

/** FNV-1a over the effective rule set: equal rule sets give equal versions, any change gives a new one. */
function fingerprint(rules: readonly Rule[]): string {
  const text = JSON.stringify(rules.map((rule) => [rule.id, rule.code, rule.stance, rule.role, rule.message, rule.reference, rule.patterns, rule.except, rule.wholeUtterance]));
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `rules-${rules.length}-${hash.toString(16).padStart(8, '0')}`;
}

function rulesFor(rules: readonly Rule[], role: Role): Rule[] {
  if (role === 'other') return [];
  return rules.filter((rule) => rule.role === role || rule.role === 'any');
}

/** Built-in rules, loaded once per process: they never change at run time. */
let builtIns: { rules: LocatedRule[]; errors: RuleError[] } | undefined;
function builtInRules(): { rules: LocatedRule[]; errors: RuleError[] } {
  if (!builtIns) {
    const loaded = BUILT_IN_RULE_FILES.map((file) => loadRuleFile(file.path, file.text));
    builtIns = { rules: loaded.flatMap((file) => file.rules), errors: loaded.flatMap((file) => file.errors) };
  }
  return builtIns;
}

/** Rule checks that need the engine itself: every example must fire and no counterexample may. */
export function checkRuleExamples(rule: Rule): string[] {
  const compiled = compileRules([{ ...rule, role: 'any' }]);
  const fires = (text: string) => matchUtterance(compiled, maskNonVerbal(text)).hits.some((hit) => hit.ruleId === rule.id);
  return [
    ...rule.examples.filter((example) => !fires(example)).map((example) => `example does not fire: "${example}"`),
    ...rule.counterexamples.filter((example) => fires(example)).map((example) => `counterexample fires: "${example}"`),
  ];
}

function assemble(options: CoderOptions): { rules: Rule[]; errors: RuleError[] } {
  const disabled = new Set(options.disabledRules ?? []);
  const base = builtInRules();
  const rules = base.rules.map((located) => located.rule).filter((rule) => !disabled.has(rule.id));
  const errors = [...base.errors];
  const ids = new Set(base.rules.map((located) => located.rule.id));
  for (const file of options.userRuleFiles ?? []) {
    const loaded = loadRuleFile(file.path, file.text);
    errors.push(...loaded.errors);
    for (const located of loaded.rules) {
      const problem = ids.has(located.rule.id)
        ? `rule id '${located.rule.id}' is already defined; ids must be unique`
        : checkRuleExamples(located.rule)[0];
      if (problem) {
        errors.push({ path: located.path, line: located.line, field: located.field, message: problem });
        continue;
      }
      ids.add(located.rule.id);
      rules.push(located.rule);
    }
  }
  return { rules, errors };
}

function emptyCoding(role: Role): UtteranceCoding {
  return {
    stance: 'neutral', behaviour: role === 'therapist' ? 'other' : null, question: null, reflection: null, input: null,
    talk: role === 'client' ? 'neutral' : null, codes: [], findings: [],
  };
}

/** Compiled patterns of the last few rule sets, keyed by exactly what compileRules reads: every Analyzer (one per
 * open document, one per CLI worker) would otherwise parse the same ~300 patterns again, some 20-40 ms. */
const recentlyCompiled = new Map<string, Map<Role, CompiledRules>>();
const COMPILED_RULE_SETS_KEPT = 4;

function compiledFor(rules: readonly Rule[]): Map<Role, CompiledRules> {
  const key = JSON.stringify(rules.map((rule) => [rule.id, rule.role, rule.patterns, rule.except, rule.wholeUtterance]));
  let compiled = recentlyCompiled.get(key);
  if (!compiled) {
    compiled = new Map<Role, CompiledRules>((['therapist', 'client'] as const).map((role) => [role, compileRules(rulesFor(rules, role))]));
    if (recentlyCompiled.size >= COMPILED_RULE_SETS_KEPT) recentlyCompiled.delete(recentlyCompiled.keys().next().value as string);
  }
  // Re-inserting keeps the most recently used rule sets.
  recentlyCompiled.delete(key);
  recentlyCompiled.set(key, compiled);
  return compiled;
}

/** Match results a coder keeps per role: more than the utterances of a long session. */
const MATCHES_KEPT = 4096;

export function createCoder(options: CoderOptions = {}): Coder {
  const { rules, errors } = assemble(options);
  // Context rules are not patterns, but they can be switched off like any built-in rule.
  const contextRulesOff = CONTEXT_RULES.filter((rule) => (options.disabledRules ?? []).includes(rule.id)).map((rule) => rule.id);
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const compiled = compiledFor(rules);
  const matches = new Map<Role, Map<string, MatchResult>>();
  /** What the rules find in a text does not depend on the context, so a turn re-coded because the turn before it
   * changed, or a reply said again ("Okay."), is matched once. Never mutated after it is made. */
  const matchOf = (rolesRules: CompiledRules, role: Role, masked: string): MatchResult => {
    let memo = matches.get(role);
    if (!memo) matches.set(role, memo = new Map());
    let match = memo.get(masked);
    if (!match) {
      match = matchUtterance(rolesRules, masked);
      // Cleared when full, so memory stays bounded however many files one coder reads.
      if (memo.size >= MATCHES_KEPT) memo.clear();
      memo.set(masked, match);
    }
    return match;
  };

  const codeUtterance = (text: string, role: Role, context: UtteranceContext = NO_CONTEXT): UtteranceCoding => {
    const rolesRules = compiled.get(role);
    if (!rolesRules) return emptyCoding(role);
    try {
      const masked = maskNonVerbal(text);
      const match = matchOf(rolesRules, role, masked);
      const sentences = new Map<Finding, number>();
      const findings = match.hits.flatMap((hit) => {
        const rule = byId.get(hit.ruleId);
        if (!rule) return [];
        const finding: Finding = { rule: rule.id, code: rule.code, stance: rule.stance, start: hit.start, end: hit.end, message: rule.message };
        sentences.set(finding, hit.sentence);
        return [finding];
      });
      return decide(role, findings, match, (finding) => sentences.get(finding) ?? -1, situate(role, text, masked, match, context, contextRulesOff));
    } catch {
      // The engine never throws into the editor: an utterance it cannot read is left uncoded.
      return emptyCoding(role);
    }
  };

  return {
    version: [fingerprint(rules), ...contextRulesOff].join('-without-'),
    ruleErrors: errors,
    codeUtterance,
    describeRule: (ruleId) => {
      const rule = byId.get(ruleId) ?? builtInRules().rules.find((located) => located.rule.id === ruleId)?.rule
        ?? CONTEXT_RULES.find((contextRule) => contextRule.id === ruleId);
      const agreement = cueAgreement(ruleId);
      return rule && {
        id: rule.id, code: rule.code, stance: rule.stance, message: rule.message, reference: rule.reference,
        ...(agreement && agreement.stance === rule.stance ? { agreement: { ...agreement, measuredOn: CUE_AGREEMENT_SOURCE } } : {}),
      };
    },
  };
}
