// The codebook people code with: the built-in code ids first (grouped by their family, e.g. "collaborative"),
// then the user's own codes from `.alliance-lens/codebook.json`, which may nest under any code.
// zod/mini rather than zod: this schema is bundled into the extension host, where the classic build costs ~450 KB.
import * as z from 'zod/mini';
import { codeName } from '../code-names';
import { CODE_IDS } from '../types';
import { formatPath, locatePath, objectOf, parseJsonWithSchema, type JsonProblem } from './json-location';

export const CODEBOOK_PATH = '.alliance-lens/codebook.json';
export const CODEBOOK_VERSION = 1;

const colour = z.string().check(z.regex(/^#[0-9A-Fa-f]{6}$/, 'a colour is "#RRGGBB"'));

export const userCodeSchema = z.looseObject({
  id: z.string().check(z.regex(/^[A-Za-z0-9][\w.-]*$/, 'an id is letters, digits, ".", "-" or "_", starting with a letter or digit')),
  name: z.string().check(z.minLength(1)),
  description: z.optional(z.string()),
  color: z.optional(colour),
  parent: z.optional(z.string().check(z.minLength(1))),
  /** The REFI-QDA guid, kept so a code imported from another program keeps its identity on export. */
  guid: z.optional(z.string()),
  /** False for a grouping code that is not applied itself (REFI-QDA isCodable). */
  codable: z.optional(z.boolean()),
});

export const codebookFileSchema = z.looseObject({
  version: z.int().check(z.minimum(1), z.maximum(CODEBOOK_VERSION)),
  codes: z.array(userCodeSchema),
});

export type UserCode = z.infer<typeof userCodeSchema>;
export type CodebookFile = z.infer<typeof codebookFileSchema>;

export interface CodebookEntry {
  id: string;
  name: string;
  description: string;
  color: string;
  parent: string | null;
  /** False for the family groups ("Collaborative", …), which organise codes but are not applied. */
  codable: boolean;
  builtIn: boolean;
  guid: string;
}

const FAMILIES: Record<string, { name: string; color: string }> = {
  collaborative: { name: 'Collaborative', color: '#2E7D32' },
  directive: { name: 'Directive', color: '#C62828' },
  question: { name: 'Questions', color: '#1565C0' },
  reflection: { name: 'Reflections', color: '#6A1B9A' },
  input: { name: 'Input', color: '#00838F' },
  talk: { name: 'Client talk', color: '#9E7C00' },
  rupture: { name: 'Ruptures', color: '#EF6C00' },
  repair: { name: 'Repair', color: '#00695C' },
};

/** Codes people can apply that the engine does not assign per utterance: a therapist's repair of a rupture (3RS),
 * so that two people's repair coding can be compared. */
const HUMAN_ONLY_CODES: Record<string, string> = {
  'repair.move': 'Repair of a rupture',
};

/** A built-in code's name, including the codes only people apply; unknown ids come back as they are. */
export function builtInCodeName(id: string): string {
  return HUMAN_ONLY_CODES[id] ?? codeName(id);
}

/** The built-in codes, each under its family group, in CODE_IDS order, then the codes only people apply. */
export function builtInCodebook(): CodebookEntry[] {
  const entries: CodebookEntry[] = [];
  for (const id of [...CODE_IDS, ...Object.keys(HUMAN_ONLY_CODES)]) {
    const family = id.split('.')[0]!;
    const group = FAMILIES[family] ?? { name: family, color: '#607D8B' };
    if (!entries.some((entry) => entry.id === family)) {
      entries.push({ id: family, name: group.name, description: '', color: group.color, parent: null, codable: false, builtIn: true, guid: guidFor(family) });
    }
    entries.push({ id, name: builtInCodeName(id), description: '', color: group.color, parent: family, codable: true, builtIn: true, guid: guidFor(id) });
  }
  return entries;
}

export type CodebookResult = { ok: true; file: CodebookFile } | { ok: false; problems: JsonProblem[] };

export function parseCodebookFile(source: string): CodebookResult {
  const result = parseJsonWithSchema(source, codebookFileSchema);
  if (!result.ok) return result;
  const problems = structuralProblems(result.value).map(({ index, field, message }) => ({
    ...locatePath(source, ['codes', index, field]), field: formatPath(['codes', index, field]), message,
  }));
  return problems.length ? { ok: false, problems } : { ok: true, file: result.value };
}

/** Duplicate ids, unknown parents and cycles: things zod cannot see one code at a time. */
function structuralProblems(file: CodebookFile): Array<{ index: number; field: string; message: string }> {
  const known = new Set(builtInCodebook().map((entry) => entry.id));
  const parents = new Map<string, string | undefined>();
  const problems: Array<{ index: number; field: string; message: string }> = [];
  file.codes.forEach((code, index) => {
    if (parents.has(code.id)) problems.push({ index, field: 'id', message: `duplicate code id "${code.id}"` });
    parents.set(code.id, code.parent);
  });
  file.codes.forEach((code, index) => {
    if (code.parent === undefined) return;
    if (!known.has(code.parent) && !parents.has(code.parent)) {
      problems.push({ index, field: 'parent', message: `unknown parent "${code.parent}"` });
      return;
    }
    const seen = new Set([code.id]);
    for (let at: string | undefined = code.parent; at !== undefined; at = parents.get(at)) {
      if (seen.has(at)) {
        problems.push({ index, field: 'parent', message: `"${code.id}" is its own ancestor` });
        break;
      }
      seen.add(at);
    }
  });
  return problems;
}

/** Built-ins first; a user entry with a built-in id changes only its name, description or colour. */
export function mergeCodebook(file: CodebookFile | null): CodebookEntry[] {
  const entries = builtInCodebook();
  for (const code of file?.codes ?? []) {
    const existing = entries.find((entry) => entry.id === code.id);
    if (existing) {
      Object.assign(existing, {
        name: code.name, description: code.description ?? existing.description, color: code.color ?? existing.color,
      });
      continue;
    }
    const parent = code.parent ? entries.find((entry) => entry.id === code.parent) : undefined;
    entries.push({
      id: code.id, name: code.name, description: code.description ?? '', color: code.color ?? parent?.color ?? '#607D8B',
      parent: code.parent ?? null, codable: code.codable ?? true, builtIn: false, guid: code.guid ?? guidFor(code.id),
    });
  }
  return entries;
}

export function serializeCodebookFile(file: CodebookFile): string {
  const order = ['id', 'name', 'description', 'color', 'parent', 'guid', 'codable'];
  const codes = file.codes.map((code) => {
    const source = code as Record<string, unknown>;
    const keys = [...order.filter((key) => source[key] !== undefined), ...Object.keys(source).filter((key) => !order.includes(key)).sort()];
    return objectOf(keys.map((key) => [key, source[key]] as const));
  });
  const { version, codes: _codes, ...rest } = file;
  return `${JSON.stringify(objectOf([['version', version], ['codes', codes], ...Object.entries(rest)]), null, 2)}\n`;
}

/** A stable, UUID-shaped id derived from a code id (FNV-1a over four seeds), so exports of the same codebook are
 * identical and a re-imported code is recognised. */
export function guidFor(id: string): string {
  const words = [0x811c9dc5, 0x01000193, 0x050c5d1f, 0x2f6b3a41].map((seed) => {
    let hash = seed >>> 0;
    for (let i = 0; i < id.length; i++) {
      hash ^= id.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash.toString(16).padStart(8, '0');
  }).join('');
  return `${words.slice(0, 8)}-${words.slice(8, 12)}-4${words.slice(13, 16)}-8${words.slice(17, 20)}-${words.slice(20, 32)}`;
}
