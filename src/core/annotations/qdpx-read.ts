// Reading a REFI-QDA project (.qdpx) into plain data: users, codes, text sources with their selections, codings
// and notes. Strict where a mistake would lose or misplace coding (a dangling GUID, a missing source, a path out of
// the archive, entities), so such a file is refused whole with a clear message and nothing is imported; lenient
// about what we do not use (pictures, audio, sets, graphs are ignored and counted).
import { QDPX_NAMESPACE } from './qdpx-export';
import { QdpxArchiveError, unpackQdpx, QDPX_LIMITS } from './qdpx-zip';
import { parseXml, XmlError, type XmlElement } from './xml';

export interface ForeignCode {
  guid: string;
  name: string;
  color?: string;
  description?: string;
  codable: boolean;
  parentGuid: string | null;
}

export interface ForeignCoding {
  codeGuid: string;
  userGuid: string | null;
  created: string | null;
  noteGuids: string[];
}

export interface ForeignSelection {
  guid: string;
  /** Character (code point) positions in the source's text, as the standard counts them. */
  start: number;
  end: number;
  userGuid: string | null;
  created: string | null;
  codings: ForeignCoding[];
  noteGuids: string[];
  line: number;
}

export interface ForeignSource {
  guid: string;
  name: string;
  text: string;
  selections: ForeignSelection[];
}

export interface ForeignNote {
  guid: string;
  name: string;
  text: string;
  userGuid: string | null;
  created: string | null;
}

export interface ForeignProject {
  name: string;
  users: Map<string, string>;
  codes: ForeignCode[];
  sources: ForeignSource[];
  notes: Map<string, ForeignNote>;
  /** Kinds of content that were present but are not imported (e.g. "2 PDF sources"). */
  ignored: string[];
}

export type QdpxReadResult = { ok: true; project: ForeignProject } | { ok: false; problems: string[] };

const GUID = /^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})$/;
const OTHER_SOURCES = ['PictureSource', 'PDFSource', 'AudioSource', 'VideoSource'];

/** Reads a .qdpx archive's bytes. */
export function readQdpx(bytes: Uint8Array, limits = QDPX_LIMITS): QdpxReadResult {
  let entries: Map<string, Uint8Array>;
  try {
    entries = unpackQdpx(bytes, limits);
  } catch (error) {
    if (error instanceof QdpxArchiveError) return { ok: false, problems: [error.message] };
    throw error;
  }
  const qdeName = entries.has('project.qde') ? 'project.qde' : [...entries.keys()].find((name) => !name.includes('/') && name.toLowerCase().endsWith('.qde'));
  if (!qdeName) return { ok: false, problems: ['the archive holds no project.qde: it is not a REFI-QDA project'] };
  const qde = decodeUtf8(entries.get(qdeName)!);
  if (qde === null) return { ok: false, problems: [`${qdeName} is not valid UTF-8 text`] };
  return readProjectXml(qde, (internalPath) => entries.get(`Sources/${internalPath}`) ?? null, qdeName);
}

/** Reads project.qde's text; `source` gives the bytes of Sources/<path> for a plainTextPath internal://<path>. */
export function readProjectXml(qde: string, source: (internalPath: string) => Uint8Array | null, fileName = 'project.qde'): QdpxReadResult {
  let root: XmlElement;
  try {
    root = parseXml(qde);
  } catch (error) {
    if (error instanceof XmlError) return { ok: false, problems: [`${fileName}: ${error.message}`] };
    throw error;
  }
  const problems: string[] = [];
  const problem = (element: XmlElement, message: string) => problems.push(`${fileName}:${element.line}: ${message}`);
  if (root.localName !== 'Project') return { ok: false, problems: [`${fileName}: the root element is <${root.name}>, not <Project>`] };
  const namespace = root.attributes[root.name.includes(':') ? `xmlns:${root.name.split(':')[0]}` : 'xmlns'];
  if (namespace !== QDPX_NAMESPACE) problem(root, `the namespace is "${namespace ?? '(none)'}", not "${QDPX_NAMESPACE}"`);

  const seen = new Set<string>();
  const guidOf = (element: XmlElement, attribute = 'guid'): string => {
    const guid = element.attributes[attribute];
    if (!guid || !GUID.test(guid)) {
      problem(element, `<${element.localName}> needs a ${attribute} such as 0b5f6c2e-1a2b-4c3d-8e9f-001122334455; got "${guid ?? ''}"`);
      return '';
    }
    return normalGuid(guid);
  };
  const declare = (element: XmlElement): string => {
    const guid = guidOf(element);
    if (guid && seen.has(guid)) problem(element, `guid ${element.attributes.guid} appears twice`);
    seen.add(guid);
    return guid;
  };
  const optionalGuid = (element: XmlElement, attribute: string): string | null => (element.attributes[attribute] === undefined ? null : guidOf(element, attribute) || null);
  const children = (element: XmlElement | undefined, name: string) => element?.children.filter((child) => child.localName === name) ?? [];
  const child = (element: XmlElement | undefined, name: string) => children(element, name)[0];

  const users = new Map<string, string>();
  for (const user of children(child(root, 'Users'), 'User')) {
    const guid = declare(user);
    users.set(guid, user.attributes.name?.trim() || user.attributes.id?.trim() || `user ${user.attributes.guid}`);
  }

  const codes: ForeignCode[] = [];
  const visitCode = (code: XmlElement, parentGuid: string | null) => {
    const guid = declare(code);
    const name = code.attributes.name?.trim();
    if (!name) problem(code, '<Code> needs a non-empty name');
    const color = code.attributes.color;
    const description = child(code, 'Description')?.text.trim();
    codes.push({
      guid, name: name ?? '', codable: code.attributes.isCodable !== 'false' && code.attributes.isCodable !== '0',
      // Three-digit colours are allowed by the schema; our codebook keeps six.
      ...(color && /^#[0-9A-Fa-f]{6}$/.test(color) ? { color: color.toUpperCase() } : color && /^#[0-9A-Fa-f]{3}$/.test(color) ? { color: `#${[...color.slice(1)].map((digit) => digit + digit).join('').toUpperCase()}` } : {}),
      ...(description ? { description } : {}), parentGuid,
    });
    for (const nested of children(code, 'Code')) visitCode(nested, guid);
  };
  for (const code of children(child(child(root, 'CodeBook'), 'Codes'), 'Code')) visitCode(code, null);

  const readCoding = (coding: XmlElement): ForeignCoding => {
    declare(coding);
    const codeRef = child(coding, 'CodeRef');
    if (!codeRef) problem(coding, '<Coding> needs a <CodeRef>');
    return {
      codeGuid: codeRef ? guidOf(codeRef, 'targetGUID') : '',
      userGuid: optionalGuid(coding, 'creatingUser'),
      created: coding.attributes.creationDateTime ?? null,
      noteGuids: children(coding, 'NoteRef').map((ref) => guidOf(ref, 'targetGUID')),
    };
  };

  const notes = new Map<string, ForeignNote>();
  for (const note of children(child(root, 'Notes'), 'Note')) {
    const guid = declare(note);
    const text = child(note, 'PlainTextContent')?.text ?? (note.attributes.plainTextPath ? readSourceText(note, note.attributes.plainTextPath, source, problem) : null) ?? '';
    notes.set(guid, { guid, name: note.attributes.name ?? '', text, userGuid: optionalGuid(note, 'creatingUser'), created: note.attributes.creationDateTime ?? null });
  }

  const ignored = new Map<string, number>();
  const sources: ForeignSource[] = [];
  const sourcesElement = child(root, 'Sources');
  for (const element of sourcesElement?.children ?? []) {
    if (OTHER_SOURCES.includes(element.localName)) {
      ignored.set(element.localName, (ignored.get(element.localName) ?? 0) + 1);
      continue;
    }
    if (element.localName !== 'TextSource') continue;
    const guid = declare(element);
    const name = element.attributes.name ?? `source ${element.attributes.guid}`;
    const inline = child(element, 'PlainTextContent');
    const path = element.attributes.plainTextPath;
    let text: string | null = null;
    if (inline && path) problem(element, `source "${name}" has both PlainTextContent and plainTextPath; the standard allows one`);
    else if (inline) text = inline.text;
    else if (path) text = readSourceText(element, path, source, problem);
    else problem(element, `source "${name}" has neither PlainTextContent nor plainTextPath: its text is missing`);
    const selections = children(element, 'PlainTextSelection').map((selection): ForeignSelection => ({
      guid: declare(selection),
      start: integer(selection, 'startPosition', problem),
      end: integer(selection, 'endPosition', problem),
      userGuid: optionalGuid(selection, 'creatingUser'),
      created: selection.attributes.creationDateTime ?? null,
      codings: children(selection, 'Coding').map(readCoding),
      noteGuids: children(selection, 'NoteRef').map((ref) => guidOf(ref, 'targetGUID')),
      line: selection.line,
    }));
    const sourceCodings = children(element, 'Coding').length;
    if (sourceCodings) ignored.set('codings of a whole source', (ignored.get('codings of a whole source') ?? 0) + sourceCodings);
    sources.push({ guid, name, text: text ?? '', selections });
  }

  // Every reference must point at something declared: a dangling GUID would silently lose a code or a note.
  const codeGuids = new Set(codes.map((code) => code.guid));
  const dangling = (kind: string, guid: string, known: { has(guid: string): boolean }, where: string) => {
    if (guid && !known.has(guid)) problems.push(`${fileName}: ${where} refers to ${kind} ${guid}, which the project does not declare`);
  };
  for (const note of notes.values()) if (note.userGuid) dangling('user', note.userGuid, users, `note "${note.name}"`);
  for (const foreign of sources) {
    for (const selection of foreign.selections) {
      const where = `a selection in "${foreign.name}" (line ${selection.line})`;
      if (selection.userGuid) dangling('user', selection.userGuid, users, where);
      for (const ref of selection.noteGuids) dangling('note', ref, notes, where);
      for (const coding of selection.codings) {
        dangling('code', coding.codeGuid, codeGuids, where);
        if (coding.userGuid) dangling('user', coding.userGuid, users, where);
        for (const ref of coding.noteGuids) dangling('note', ref, notes, where);
      }
    }
  }
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    project: {
      name: root.attributes.name ?? '', users, codes, sources, notes,
      ignored: [...ignored].map(([kind, count]) => `${count} ${kind}${kind.startsWith('codings') ? '' : count === 1 ? '' : 's'}`),
    },
  };
}

/** The text of Sources/<path> for plainTextPath "internal://<path>". Paths outside the archive are refused: we never
 * read a file a project names on the user's disk. */
function readSourceText(element: XmlElement, plainTextPath: string, source: (internalPath: string) => Uint8Array | null,
  problem: (element: XmlElement, message: string) => void): string | null {
  const match = /^internal:\/\/(.+)$/.exec(plainTextPath);
  if (!match) {
    problem(element, `plainTextPath "${plainTextPath}" is outside the archive; only internal:// sources are read`);
    return null;
  }
  const internal = match[1]!;
  if (internal.includes('\\') || internal.startsWith('/') || internal.split('/').some((part) => part === '..' || part === '')) {
    problem(element, `plainTextPath "${plainTextPath}" climbs out of the archive's Sources folder; refused`);
    return null;
  }
  const bytes = source(internal);
  if (!bytes) {
    problem(element, `the source file Sources/${internal} (plainTextPath "${plainTextPath}") is missing from the archive`);
    return null;
  }
  const text = decodeUtf8(bytes);
  if (text === null) problem(element, `Sources/${internal} is not UTF-8 text`);
  return text;
}

function integer(element: XmlElement, attribute: string, problem: (element: XmlElement, message: string) => void): number {
  const value = element.attributes[attribute];
  if (value === undefined || !/^\s*[+-]?\d+\s*$/.test(value)) {
    problem(element, `<${element.localName}> needs an integer ${attribute}; got "${value ?? ''}"`);
    return -1;
  }
  return Number(value);
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** GUIDs compare without braces and case. */
export function normalGuid(guid: string): string {
  return guid.replace(/[{}]/g, '').toLowerCase();
}
