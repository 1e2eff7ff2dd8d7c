// `.alliance-lens/deidentify.json`: a team's standing allow and deny lists, so every run treats the same words
// the same way: { "names": ["Kowalczyk"], "keep": ["Harbourview Clinic"] }.
import { z } from 'zod';
import { formatPath, locatePath, parseJsonText, type JsonProblem } from '../annotations/json-location';

export const DEIDENTIFY_CONFIG_PATH = '.alliance-lens/deidentify.json';

export const deidentifyConfigSchema = z.strictObject({
  /** Names to replace wherever they occur, every word, any case (the deny list). */
  names: z.array(z.string().trim().min(1)).default([]),
  /** Words and phrases never to replace, e.g. a public clinic's name or a medicine (the allow list). */
  keep: z.array(z.string().trim().min(1)).default([]),
});

export type DeidentifyConfig = z.infer<typeof deidentifyConfigSchema>;

export function parseDeidentifyConfig(source: string): { ok: true; config: DeidentifyConfig } | { ok: false; problems: JsonProblem[] } {
  const json = parseJsonText(source);
  if (!json.ok) return { ok: false, problems: [json.problem] };
  const result = deidentifyConfigSchema.safeParse(json.value);
  if (result.success) return { ok: true, config: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      ...locatePath(source, issue.path as PropertyKey[]),
      field: formatPath(issue.path as PropertyKey[]),
      message: issue.message,
    })),
  };
}

