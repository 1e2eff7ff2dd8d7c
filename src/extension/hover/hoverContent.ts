// What a hover on a highlight says, as Markdown. Pure: the VS Code wrapper only turns it into a MarkdownString.
import { describeThresholds } from '../../core/summary/bands';
import { agreementText, bandIsTrusted } from '../../core/summary/score-agreement';
import type { AnalysedUtterance, Finding } from '../../core/types';
import type { RuleDescription } from '../../core';
import { escapeMarkdown } from '../../core/reports/markdown';

export const DISABLE_RULE_COMMAND = 'allianceLens.disableRule';

export interface HoverNames {
  codeName(codeId: string): string;
  describeRule(ruleId: string): RuleDescription | undefined;
}

const STANCE_LABEL: Record<string, string> = {
  collaborative: 'collaborative (MI-adherent)',
  directive: 'directive (MI-non-adherent)',
  neutral: 'neutral',
};

/** Client codes have no therapist stance (the engine marks them neutral): say what they are instead. */
const CLIENT_FAMILY_LABEL: Record<string, string> = {
  rupture: 'client rupture marker (3RS)',
  talk: 'client talk (MI)',
};

/** Own properties only: a code or stance such as "constructor" must not find Object.prototype's. */
function stanceLabel(finding: Finding): string {
  const family = finding.code.split('.')[0]!;
  if (Object.hasOwn(CLIENT_FAMILY_LABEL, family)) return CLIENT_FAMILY_LABEL[family]!;
  return Object.hasOwn(STANCE_LABEL, finding.stance) ? STANCE_LABEL[finding.stance]! : finding.stance;
}

/** Markdown for one finding: code name and stance, the rule's message and guideline, the utterance's other codes,
 * and a link to switch the rule off. */
export function hoverMarkdown(finding: Finding, utterance: AnalysedUtterance, names: HoverNames): string {
  const rule = names.describeRule(finding.rule);
  const stance = stanceLabel(finding);
  const lines = [`**${escapeMarkdown(names.codeName(finding.code))}** · ${escapeMarkdown(stance)}`, ''];
  lines.push(escapeMarkdown(finding.message || rule?.message || ''), '');
  if (rule?.reference) lines.push(`*Guideline:* ${escapeMarkdown(rule.reference)}`, '');
  if (rule?.agreement && rule.agreement.fired > 0) lines.push(agreementLine(rule.agreement), '');
  const otherCodes = utterance.codes.filter((code) => code !== finding.code);
  if (otherCodes.length > 0) {
    lines.push(`*Also in this utterance:* ${otherCodes.map((code) => escapeMarkdown(names.codeName(code))).join(', ')}`, '');
  }
  const args = encodeURIComponent(JSON.stringify([finding.rule]));
  lines.push(`Rule \`${finding.rule.replace(/`/g, '')}\` · [Turn this rule off](command:${DISABLE_RULE_COMMAND}?${args} "Adds the rule to allianceLens.rules.disabled")`);
  return lines.join('\n');
}

/** Below this many expert-coded sentences a cue's agreement is not worth a percentage. */
const MIN_SENTENCES_FOR_AGREEMENT = 10;

/** "Experts agreed in 22 of 24": how far this kind of cue held on expert-coded sentences, so one highlight is read
 * with the right weight. */
function agreementLine(agreement: NonNullable<RuleDescription['agreement']>): string {
  if (agreement.fired < MIN_SENTENCES_FOR_AGREEMENT) {
    return `*How often this cue agreed with expert coders:* it fired on only ${agreement.fired} MITI-coded sentences (${escapeMarkdown(agreement.measuredOn)}), too few to say.`;
  }
  const percent = Math.round((100 * agreement.agreed) / agreement.fired);
  return `*How often this cue agreed with expert coders:* ${agreement.agreed} of ${agreement.fired} sentences it fired on (${percent} %) `
    + `were coded ${escapeMarkdown(agreement.stance)} by MITI coders (${escapeMarkdown(agreement.measuredOn)}).`;
}

/** Why a question or reflection matters, with the thresholds from the one table of MITI bands, and, for a score that
 * does not agree with experts, that it is an estimate. */
function actNote(act: 'question' | 'reflection'): string {
  const rq = `the reflection-to-question ratio (MITI 4.2.1: ${describeThresholds('reflectionToQuestion')})`;
  const note = act === 'question'
    ? `Questions count toward ${rq} and the share of open questions.`
    : `Reflections count toward ${rq}; complex ones toward % complex reflections (${describeThresholds('percentComplexReflections')}).`;
  if (bandIsTrusted('reflectionToQuestion')) return note;
  return `${note} The panel shows R:Q as an estimate, without a band: session by session it agrees with expert coders at ${agreementText('reflectionToQuestion')}.`;
}

/** Markdown for a whole-utterance mark (question or reflection): what kind it is, why it matters, its other codes. */
export function utteranceActMarkdown(utterance: AnalysedUtterance, act: 'question' | 'reflection', names: Pick<HoverNames, 'codeName'>): string {
  const kind = act === 'question' ? utterance.question : utterance.reflection;
  const code = `${act}.${kind ?? ''}`;
  const lines = [`**${escapeMarkdown(names.codeName(code))}** · therapist ${act}`, '', actNote(act)];
  const otherCodes = utterance.codes.filter((candidate) => candidate !== code);
  if (otherCodes.length > 0) lines.push('', `*Also in this utterance:* ${otherCodes.map((other) => escapeMarkdown(names.codeName(other))).join(', ')}`);
  return lines.join('\n');
}
