// REFI-QDA codebook exchange (.qdc, namespace urn:QDA-XML:codebook:1.0): CodeBook > Codes > Code with guid, name,
// isCodable, color, a Description and nested Codes for the hierarchy. ATLAS.ti, MAXQDA, NVivo and QualCoder read
// and write it. Import never loses anything: on any problem the existing codebook is returned untouched.
import { builtInCodebook, guidFor, type CodebookEntry, type CodebookFile, type UserCode } from './codebook';
import { decodeXmlBytes, escapeXml, parseXml, XmlError, type XmlElement } from './xml';

export const QDC_NAMESPACE = 'urn:QDA-XML:codebook:1.0';
const GUID = /^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})$/;
const COLOUR = /^#[0-9A-Fa-f]{6}$/;

export function exportQdc(entries: readonly CodebookEntry[], origin = 'Alliance Lens'): string {
  const childrenOf = (parent: string | null) => entries.filter((entry) => entry.parent === parent);
  const render = (entry: CodebookEntry, depth: number): string[] => {
    const pad = '  '.repeat(depth);
    const attributes = `guid="${escapeXml(entry.guid)}" name="${escapeXml(entry.name)}" isCodable="${entry.codable}" color="${escapeXml(entry.color)}"`;
    const inner = [
      ...(entry.description ? [`${pad}  <Description>${escapeXml(entry.description)}</Description>`] : []),
      ...childrenOf(entry.id).flatMap((child) => render(child, depth + 1)),
    ];
    return inner.length ? [`${pad}<Code ${attributes}>`, ...inner, `${pad}</Code>`] : [`${pad}<Code ${attributes}/>`];
  };
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<CodeBook xmlns="${QDC_NAMESPACE}" origin="${escapeXml(origin)}">`,
    '  <Codes>',
    ...childrenOf(null).flatMap((entry) => render(entry, 2)),
    '  </Codes>',
    '</CodeBook>',
    '',
  ].join('\n');
}

export interface QdcProblem {
  line: number;
  message: string;
}

export type QdcImport =
  | { ok: true; file: CodebookFile; added: string[]; updated: string[] }
  | { ok: false; problems: QdcProblem[] };

interface ForeignCode {
  guid: string;
  name: string;
  codable: boolean;
  color?: string;
  description?: string;
  parentGuid: string | null;
  line: number;
}

/** Merges a .qdc codebook into the user's codebook file. Codes are matched by guid, then by name; built-in codes
 * are recognised and only their changed name, description or colour is recorded. */
export function importQdc(input: string | Uint8Array, existing: CodebookFile | null): QdcImport {
  let source: string;
  if (typeof input === 'string') {
    source = input;
  } else {
    // The file's bytes: UTF-8, or UTF-16 with a byte-order mark (as some Windows tools write); else refused.
    const decoded = decodeXmlBytes(input);
    if (!decoded.ok) return { ok: false, problems: [{ line: decoded.line, message: decoded.message }] };
    source = decoded.text;
  }
  let root: XmlElement;
  try {
    root = parseXml(source);
  } catch (error) {
    if (error instanceof XmlError) return { ok: false, problems: [{ line: error.line, message: error.message }] };
    throw error;
  }
  const read = readCodes(root);
  if (!read.ok) return read;

  const file: CodebookFile = existing ? { ...existing, codes: existing.codes.map((code) => ({ ...code })) } : { version: 1, codes: [] };
  const builtIns = builtInCodebook();
  const idByGuid = new Map<string, string>(builtIns.map((entry) => [entry.guid.toLowerCase(), entry.id]));
  for (const code of file.codes) idByGuid.set((code.guid ?? guidFor(code.id)).toLowerCase(), code.id);
  const added: string[] = [];
  const updated: string[] = [];
  // Codes this import has already matched or added: a name can match each code once, so two sibling codes of one
  // name (different guids) stay two codes instead of collapsing into the first.
  const claimed = new Set<string>();
  // Ids in use and codes by parent and name, kept as the import goes: looking them up in the lists for every code
  // made a large codebook's import quadratic.
  const taken = new Set([...builtIns.map((entry) => entry.id), ...file.codes.map((code) => code.id)]);
  const byName = new Map<string, string[]>();
  const nameKey = (name: string, parent: string | undefined) => `${parent ?? ''}\u0000${name}`;
  const remember = (code: UserCode) => {
    const key = nameKey(code.name, code.parent ?? undefined);
    byName.set(key, [...(byName.get(key) ?? []), code.id]);
  };
  for (const code of file.codes) remember(code);

  for (const foreign of read.codes) {
    const parentId = foreign.parentGuid === null ? undefined : idByGuid.get(foreign.parentGuid.toLowerCase());
    const guid = foreign.guid.toLowerCase();
    const builtIn = builtIns.find((entry) => entry.guid.toLowerCase() === guid)
      ?? builtIns.find((entry) => entry.name === foreign.name && (entry.parent ?? undefined) === parentId && !claimed.has(entry.id) && !idByGuid.has(guid));
    const id = builtIn?.id
      ?? idByGuid.get(guid)
      ?? byName.get(nameKey(foreign.name, parentId))?.find((candidate) => !claimed.has(candidate));
    if (id) claimed.add(id);
    if (builtIn) {
      idByGuid.set(foreign.guid.toLowerCase(), builtIn.id);
      const changes: Partial<UserCode> = {
        ...(foreign.name !== builtIn.name ? { name: foreign.name } : {}),
        ...(foreign.description && foreign.description !== builtIn.description ? { description: foreign.description } : {}),
        ...(foreign.color && foreign.color.toUpperCase() !== builtIn.color.toUpperCase() ? { color: foreign.color } : {}),
      };
      if (Object.keys(changes).length === 0) continue;
      upsert(file, { id: builtIn.id, name: builtIn.name, ...file.codes.find((code) => code.id === builtIn.id), ...changes });
      updated.push(builtIn.id);
      continue;
    }
    const fields = {
      name: foreign.name,
      ...(foreign.description ? { description: foreign.description } : {}),
      ...(foreign.color ? { color: foreign.color.toUpperCase() } : {}),
      ...(parentId ? { parent: parentId } : {}),
      guid: foreign.guid,
      ...(foreign.codable ? {} : { codable: false }),
    };
    if (id) {
      upsert(file, { ...file.codes.find((code) => code.id === id), id, ...fields });
      updated.push(id);
    } else {
      const newId = uniqueId(taken, parentId ? `${parentId}.${slug(foreign.name)}` : slug(foreign.name));
      taken.add(newId);
      idByGuid.set(foreign.guid.toLowerCase(), newId);
      claimed.add(newId);
      file.codes.push({ id: newId, ...fields });
      remember({ id: newId, ...fields });
      added.push(newId);
    }
  }
  return { ok: true, file, added, updated };
}

function readCodes(root: XmlElement): { ok: true; codes: ForeignCode[] } | { ok: false; problems: QdcProblem[] } {
  const problems: QdcProblem[] = [];
  if (root.localName !== 'CodeBook') return { ok: false, problems: [{ line: root.line, message: `the root element is <${root.name}>, not <CodeBook>` }] };
  const namespace = root.attributes[root.name.includes(':') ? `xmlns:${root.name.split(':')[0]}` : 'xmlns'];
  if (namespace !== QDC_NAMESPACE) problems.push({ line: root.line, message: `the namespace is "${namespace ?? '(none)'}", not "${QDC_NAMESPACE}"` });
  const lists = root.children.filter((child) => child.localName === 'Codes');
  if (lists.length !== 1) problems.push({ line: root.line, message: '<CodeBook> must hold exactly one <Codes>' });
  const codes: ForeignCode[] = [];
  const guids = new Set<string>();
  const visit = (element: XmlElement, parentGuid: string | null) => {
    if (element.localName !== 'Code') {
      if (element.localName !== 'Description' && element.localName !== 'NoteRef') problems.push({ line: element.line, message: `unexpected <${element.name}> in a code list` });
      return;
    }
    const { guid, name, isCodable, color } = element.attributes;
    if (!guid || !GUID.test(guid)) problems.push({ line: element.line, message: `<Code> needs a guid such as 0b5f6c2e-…; got "${guid ?? ''}"` });
    else if (guids.has(guid.toLowerCase())) problems.push({ line: element.line, message: `guid ${guid} appears twice` });
    if (!name || !name.trim()) problems.push({ line: element.line, message: '<Code> needs a non-empty name' });
    if (isCodable !== 'true' && isCodable !== 'false' && isCodable !== '1' && isCodable !== '0') {
      problems.push({ line: element.line, message: `isCodable must be true or false; got "${isCodable ?? ''}"` });
    }
    if (color !== undefined && !COLOUR.test(color)) problems.push({ line: element.line, message: `color must be #RRGGBB; got "${color}"` });
    const description = element.children.find((child) => child.localName === 'Description')?.text.trim();
    if (guid) guids.add(guid.toLowerCase());
    codes.push({
      guid: guid ?? '', name: (name ?? '').trim(), codable: isCodable === 'true' || isCodable === '1',
      ...(color ? { color } : {}), ...(description ? { description } : {}), parentGuid, line: element.line,
    });
    for (const child of element.children) visit(child, guid ?? null);
  };
  for (const list of lists) for (const child of list.children) visit(child, null);
  return problems.length ? { ok: false, problems } : { ok: true, codes };
}

function upsert(file: CodebookFile, code: UserCode): void {
  const index = file.codes.findIndex((existing) => existing.id === code.id);
  if (index === -1) file.codes.push(code);
  else file.codes[index] = code;
}

export function slug(name: string): string {
  const base = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return base || 'code';
}

export function uniqueId(taken: ReadonlySet<string>, wanted: string): string {
  if (!taken.has(wanted)) return wanted;
  for (let n = 2; ; n++) if (!taken.has(`${wanted}-${n}`)) return `${wanted}-${n}`;
}
