// The one source of truth for Alliance Lens settings. package.json `contributes.configuration` must agree with
// this schema (a unit test checks it), and every setting is read through readSettings so a broken value falls
// back to its default instead of reaching the code. Pure: no vscode import, so it is unit-tested directly.
import * as z from 'zod/mini';

/** Each setting: its zod schema (with default) and the markdownDescription package.json must carry. */
export const SETTING_DEFINITIONS = {
  'allianceLens.autoDetect': {
    schema: z._default(z.boolean(), true),
    markdownDescription:
      'Analyse plain-text, `.vtt` and `.srt` documents that look like transcripts (at least 4 utterances from 2 or more speakers in the first 50 lines). Documents in the `transcript` language are always analysed.',
  },
  'allianceLens.highlight.collaborative': {
    schema: z._default(z.boolean(), true),
    markdownDescription: 'Highlight collaborative (MI-adherent) therapist language: seeking collaboration, emphasising autonomy, asking permission, affirming.',
  },
  'allianceLens.highlight.directive': {
    schema: z._default(z.boolean(), true),
    markdownDescription: 'Highlight directive (MI-non-adherent) therapist language: persuading, commands, obligation, warnings, confronting.',
  },
  'allianceLens.highlight.ruptures': {
    schema: z._default(z.boolean(), true),
    markdownDescription: 'Highlight client rupture markers (withdrawal and confrontation, after the 3RS).',
  },
  'allianceLens.highlight.questions': {
    schema: z._default(z.boolean(), false),
    markdownDescription: 'Also mark therapist questions (open and closed) with a dotted underline.',
  },
  'allianceLens.highlight.reflections': {
    schema: z._default(z.boolean(), false),
    markdownDescription: 'Also mark therapist reflections (simple and complex) with a dashed underline.',
  },
  'allianceLens.rules.disabled': {
    schema: z._default(z.array(z.string()), []),
    markdownDescription:
      'Rule ids to switch off, e.g. `directive.command.imperative`. The hover of every highlight has a link that adds its rule here.',
  },
  'allianceLens.maxFileSizeMB': {
    schema: z._default(z.number().check(z.positive()), 5),
    markdownDescription: 'Files larger than this many megabytes are not analysed automatically; you are offered to analyse them anyway.',
  },
  'allianceLens.updateDelayMs': {
    schema: z._default(z.int().check(z.minimum(0), z.maximum(5000)), 300),
    markdownDescription: 'How long to wait after the last keystroke before highlights and the Summary are refreshed, in milliseconds.',
  },
  'allianceLens.review.readOnly': {
    schema: z._default(z.boolean(), true),
    markdownDescription:
      'Open transcripts read-only for review, so a stray keystroke cannot change a health record. The lock in the status bar unlocks one for editing (asking once per file). Coding, comments, reviews and speaker roles work while it is locked. Applies to transcripts opened after the change.',
  },
  'allianceLens.walkthrough.openOnFirstRun': {
    schema: z._default(z.boolean(), true),
    markdownDescription: 'Open the Alliance Lens walkthrough the first time the extension starts (beside the transcript that started it).',
  },
  'allianceLens.coder': {
    schema: z._default(z.string(), ''),
    markdownDescription: 'Your name as a coder, stored with every code, comment and decision you make. Empty: your operating-system user name.',
  },
} as const;

export type SettingKey = keyof typeof SETTING_DEFINITIONS;
export type Settings = { [K in SettingKey]: z.output<(typeof SETTING_DEFINITIONS)[K]['schema']> };

export interface SettingProblem {
  key: SettingKey;
  message: string;
}

export const SETTING_KEYS = Object.keys(SETTING_DEFINITIONS) as SettingKey[];

/** Reads every setting through its schema. `get` returns the raw configured value (undefined when unset); a value
 * that fails validation is replaced by the default and reported once in `problems`. */
export function readSettings(get: (key: SettingKey) => unknown): { settings: Settings; problems: SettingProblem[] } {
  const settings: Record<string, unknown> = {};
  const problems: SettingProblem[] = [];
  for (const key of SETTING_KEYS) {
    const { schema } = SETTING_DEFINITIONS[key];
    const value = get(key);
    const parsed = schema.safeParse(value);
    if (parsed.success) {
      settings[key] = parsed.data;
    } else {
      const fallback = schema.parse(undefined);
      settings[key] = fallback;
      problems.push({ key, message: `Setting "${key}" has an invalid value (${JSON.stringify(value)}); using its default (${JSON.stringify(fallback)}).` });
    }
  }
  return { settings: settings as Settings, problems };
}
