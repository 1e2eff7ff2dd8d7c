// The options that decide which rules analyse a transcript, shared by every command that analyses: the rules file
// found next to the transcript (the nearest .alliance-lens/rules.json, as in the editor), or --rules PATH instead,
// and rules switched off with --disable-rule ID. Discovery itself is core's, so the editor and the CLI agree.
import * as fs from 'fs';
import * as path from 'path';
import type { CoderOptions, RuleError } from '../core/coding';
import { discoverTranscriptConfiguration, engineOptions, type FoundFile } from '../core/configuration/discover';
import { readInputBytes } from './files';

/** For util.parseArgs. */
export const ENGINE_ARGUMENTS = {
  rules: { type: 'string' },
  'disable-rule': { type: 'string', multiple: true },
} as const;

export const ENGINE_USAGE = [
  '  --rules PATH         your rules file (default: the nearest .alliance-lens/rules.json at or above each transcript,',
  '                       the file the editor uses for it)',
  '  --disable-rule ID    switch a built-in rule off, e.g. directive.command.imperative; repeat for more (the',
  '                       editor\'s setting allianceLens.rules.disabled)',
];

export interface EngineArguments {
  rules?: string;
  'disable-rule'?: string[];
}

/** How to configure the engine for each transcript, or why the --rules file cannot be used. */
export type EngineChoiceResult =
  | { ok: true; configure: (transcript: string) => Promise<CoderOptions> }
  | { ok: false; error: string };

/** Reads a configuration file the way the editor decodes one (UTF-8, a byte-order mark dropped); undefined when absent. */
export function readConfigurationText(file: string): string | undefined {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return undefined;
  return readInputBytes(file).toString('utf8').replace(/^\uFEFF/, '');
}

/** How to configure the engine for each transcript, from the command's arguments. */
export function engineChoices(values: EngineArguments): EngineChoiceResult {
  let rulesFile: FoundFile | undefined;
  if (values.rules !== undefined) {
    let text: string | undefined;
    try {
      text = readConfigurationText(values.rules);
    } catch (error) {
      return { ok: false, error: `cannot read the rules file ${values.rules}: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
    }
    if (text === undefined) return { ok: false, error: `no rules file at ${values.rules}` };
    rulesFile = { path: values.rules, text };
  }
  const disabledRules = values['disable-rule'] ?? [];
  return {
    ok: true,
    configure: async (transcript) => {
      if (rulesFile) return engineOptions([], { disabledRules, rulesFile });
      const configuration = await discoverTranscriptConfiguration(path.resolve(transcript), { readFile: readConfigurationText });
      return engineOptions([configuration], { disabledRules });
    },
  };
}

/** "path:line: field: message" for a rule that was skipped. */
export function describeRuleError(error: RuleError): string {
  return `${error.path}:${error.line}: ${error.field}: ${error.message} (this rule is skipped; the others still apply)`;
}
