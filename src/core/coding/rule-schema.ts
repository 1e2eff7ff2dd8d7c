// The shape of a coding rule, checked with zod whenever rules are loaded (built-in and user files alike).
// Rules are data: a stable id, the code it gives, its stance, a trainee-readable message, the guideline it comes
// from, compromise match patterns, and examples that must fire and counterexamples that must not.
import { z } from 'zod';

const RULE_ID = /^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$/;
const CODE_ID = /^[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9-]*$/;

/** compromise match syntax, minus its one escape hatch: `/…/` regular-expression terms, which could hang. */
export const matchPattern = z.string().trim().min(1, 'a pattern may not be empty').max(4000, 'a pattern may be at most 4000 characters')
  .refine((pattern) => !/(^|[\s([|])\//.test(pattern), {
    message: 'regular expressions (/…/) are not allowed in patterns; use compromise match syntax such as (word|other) or #Tag',
  })
  // compromise silently never matches a pattern with nested parentheses, so say so instead of failing quietly.
  .refine((pattern) => !/\([^)]*\(/.test(pattern), {
    message: 'nested parentheses are not supported; write "(get sick|get hurt)" rather than "get (sick|hurt)" inside another group',
  })
  .refine((pattern) => !/\([^()]*\s[^()]*\)(\{|\*|\+)/.test(pattern), {
    message: 'a repeated group may only hold single words: "(okay|so){0,3}" works, "(okay|i mean){0,3}" never matches',
  });

export const ruleSchema = z.object({
  id: z.string().regex(RULE_ID, 'a rule id looks like "directive.command.need-you-to": lowercase words joined by dots'),
  code: z.string().regex(CODE_ID, 'a code id looks like "directive.command"'),
  stance: z.enum(['collaborative', 'directive', 'neutral']),
  /** Whose utterances the rule reads. */
  role: z.enum(['therapist', 'client', 'any']).default('therapist'),
  message: z.string().trim().min(1, 'say in plain words why this matters'),
  reference: z.string().trim().min(1, 'name the guideline, e.g. "MITI 4.2.1 · Emphasizing Autonomy"'),
  patterns: z.array(matchPattern).min(1, 'give at least one compromise match pattern'),
  /** A hit is dropped when one of these patterns matches overlapping words (e.g. invitations that look like commands). */
  except: z.array(matchPattern).default([]),
  /** Fire only when the match covers every word of the utterance (minimal responses such as "Fine."). */
  wholeUtterance: z.boolean().default(false),
  examples: z.array(z.string().min(1)).min(1, 'give at least one example the rule must fire on'),
  counterexamples: z.array(z.string().min(1)).min(1, 'give at least one counterexample the rule must not fire on'),
}).strict();

export type Rule = z.output<typeof ruleSchema>;

/** A shared word list's name, as written `{{name}}` inside a pattern. */
export const DEFINE_NAME = /^[a-z][a-z0-9-]*$/;

/** A rule file is either an array of rules or an object with a `rules` array and, optionally, `define`: named
 * pieces of pattern (usually a word list such as a sentence's lead-in words) that patterns use as `{{name}}`. */
export const ruleFileSchema = z.union([
  z.array(z.unknown()),
  z.object({
    define: z.record(z.string().regex(DEFINE_NAME, 'a define name looks like "lead-in": lowercase words joined by hyphens'), z.string().min(1)).optional(),
    rules: z.array(z.unknown()),
  }).strict(),
]);
