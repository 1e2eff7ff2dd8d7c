// `.alliance-lens/deidentify.json`: a team's standing allow and deny lists, so every run treats the same words
// the same way: { "names": ["Kowalczyk"], "keep": ["Harbourview Clinic"] }.
// zod/mini: the editor's De-identify command bundles this schema into the extension host.
import * as z from 'zod/mini';
import { parseJsonWithSchema, type JsonProblem } from '../annotations/json-location';

export const DEIDENTIFY_CONFIG_PATH = '.alliance-lens/deidentify.json';

export const deidentifyConfigSchema = z.strictObject({
  /** Names to replace wherever they occur, every word, any case (the deny list). */
  names: z._default(z.array(z.string().check(z.trim(), z.minLength(1))), []),
  /** Words and phrases never to replace, e.g. a public clinic's name or a medicine (the allow list). */
  keep: z._default(z.array(z.string().check(z.trim(), z.minLength(1))), []),
});

export type DeidentifyConfig = z.infer<typeof deidentifyConfigSchema>;

export function parseDeidentifyConfig(source: string): { ok: true; config: DeidentifyConfig } | { ok: false; problems: JsonProblem[] } {
  const parsed = parseJsonWithSchema(source, deidentifyConfigSchema);
  return parsed.ok ? { ok: true, config: parsed.value } : parsed;
}

