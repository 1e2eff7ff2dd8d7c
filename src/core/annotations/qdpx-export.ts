// A REFI-QDA project (.qdpx, QDA-XML namespace urn:QDA-XML:project:1.0) from coded transcripts: each transcript a
// TextSource whose plain text is Sources/<guid>.txt (plainTextPath "internal://<guid>.txt", REFI-QDA 1.5 §8.3),
// the codebook as Codes, one User per coder, every human code a PlainTextSelection with its Codings, memos and
// supervisor comments as Notes linked by NoteRef, speakers as Cases with their role as a variable, front matter as
// variables of the source, and optionally the automatic codes under their own user. Positions count characters of
// the LF text (see plain-text-positions). GUIDs are derived from content, so the same input exports identically.
import type { Analysis, Finding, SpeakerInfo } from '../types';
import { guidFor, type CodebookEntry } from './codebook';
import { PlainTextPositions } from './plain-text-positions';
import { packQdpx } from './qdpx-zip';
import type { AnchorData, Sidecar } from './sidecar';
import { escapeXml } from './xml';

export const QDPX_NAMESPACE = 'urn:QDA-XML:project:1.0';
export const AUTOMATIC_CODER = 'Alliance Lens (automatic)';
/** Note names that tell memos from comments on import (other tools show them as the note's title). */
export const MEMO_NOTE_PREFIX = 'Memo by ';
export const COMMENT_NOTE_PREFIX = 'Comment by ';
/** Ends the note names of a resolved comment thread, so the import can resolve it again. */
export const RESOLVED_NOTE_SUFFIX = ' (resolved)';

/** What the export reads of an analysis: an Analysis fits, and so does the parser's output (no findings), which is
 * all the editor needs when it exports human coding without loading the coding engine. */
export interface QdpxAnalysis {
  speakers: readonly SpeakerInfo[];
  metadata: Analysis['metadata'];
  utterances: ReadonlyArray<{ findings?: readonly Finding[] }>;
}

export interface QdpxTranscript {
  /** The file name the source gets in the project; unique within the export. */
  name: string;
  text: string;
  analysis: QdpxAnalysis;
  sidecar: Sidecar | null;
}

export interface QdpxExportOptions {
  projectName: string;
  codebook: readonly CodebookEntry[];
  /** Also export the automatic findings, coded by AUTOMATIC_CODER. */
  automatic?: boolean;
  now?: Date;
}

export interface QdpxExport {
  /** The files of the archive: project.qde first, then the sources. */
  files: Array<{ path: string; text: string }>;
  /** Items that have no place in their transcript (orphaned) and so are not in the project. */
  skipped: string[];
}

interface Selection {
  guid: string;
  start: number;
  end: number;
  name: string;
  user: string | null;
  created: string | null;
  codings: Array<{ code: string; user: string | null; created: string | null }>;
  notes: string[];
  description?: string;
}

interface Note {
  guid: string;
  name: string;
  body: string;
  user: string | null;
  created: string | null;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?$/;
const SELECTION_NAME_LENGTH = 80;

export function buildQdpxProject(transcripts: readonly QdpxTranscript[], options: QdpxExportOptions): QdpxExport {
  const guids = new GuidFactory();
  const codebook = withUsedCodes(options.codebook, transcripts, options.automatic ?? false);
  for (const entry of codebook) guids.reserve(entry.guid);
  const users = new Map<string, string>();
  const userGuid = (name: string) => {
    if (!users.has(name)) users.set(name, guids.make(`user:${name}`));
    return users.get(name)!;
  };
  const codeGuid = new Map(codebook.map((entry) => [entry.id, entry.guid]));
  const variables = new Map<string, string>();
  const variableGuid = (name: string) => {
    if (!variables.has(name)) variables.set(name, guids.make(`variable:${name}`));
    return variables.get(name)!;
  };
  const roleVariable = variableGuid('Role');
  const cases = new Map<string, { guid: string; label: string; role: string; sources: string[] }>();
  const notes: Note[] = [];
  const skipped: string[] = [];
  const sourceXml: string[] = [];
  const files: Array<{ path: string; text: string }> = [];

  for (const transcript of transcripts) {
    const sourceGuid = guids.make(`source:${transcript.name}`);
    const positions = new PlainTextPositions(transcript.text);
    const selections: Selection[] = [];
    const select = (key: string, anchor: { start: number; end: number }, fields: Partial<Selection>): Selection => {
      const start = positions.toCharacter(anchor.start);
      const end = positions.toCharacter(anchor.end);
      const quote = transcript.text.slice(anchor.start, anchor.end).replace(/\s+/g, ' ').trim();
      const selection: Selection = {
        guid: guids.make(`selection:${transcript.name}:${key}`), start, end, user: null, created: null, codings: [], notes: [],
        name: quote.length > SELECTION_NAME_LENGTH ? `${quote.slice(0, SELECTION_NAME_LENGTH - 1)}…` : quote, ...fields,
      };
      selections.push(selection);
      return selection;
    };
    const note = (key: string, name: string, body: string, author: string, created: string): string => {
      const guid = guids.make(`note:${transcript.name}:${key}`);
      notes.push({ guid, name, body, user: userGuid(author), created: dateTime(created) });
      return guid;
    };
    const placed = (item: { anchor: AnchorData; orphaned?: boolean }, what: string): boolean => {
      if (item.orphaned) skipped.push(`${transcript.name}: ${what} on "${item.anchor.exact}" is no longer in the transcript`);
      return !item.orphaned;
    };

    const sidecar = transcript.sidecar;
    for (const annotation of sidecar?.annotations ?? []) {
      if (!placed(annotation, `${annotation.coder}'s code`)) continue;
      const user = userGuid(annotation.coder);
      const created = dateTime(annotation.created);
      select(annotation.id, annotation.anchor, {
        user, created,
        codings: annotation.codes.map((code) => ({ code, user, created })),
        notes: annotation.memo.trim() ? [note(annotation.id, `${MEMO_NOTE_PREFIX}${annotation.coder}`, annotation.memo, annotation.coder, annotation.created)] : [],
      });
    }
    // A reviewed automatic finding is a human code too: the one accepted, or the ones put in its place.
    for (const decision of sidecar?.decisions ?? []) {
      if (decision.verdict === 'reject' || !placed(decision, `${decision.coder}'s review`)) continue;
      const user = userGuid(decision.coder);
      const created = dateTime(decision.created);
      const codes = decision.verdict === 'accept' ? [decision.code] : decision.replacement ?? [];
      select(decision.id, decision.anchor, { user, created, codings: codes.map((code) => ({ code, user, created })) });
    }
    for (const thread of sidecar?.comments ?? []) {
      if (!placed(thread, 'a comment')) continue;
      const first = thread.comments[0]!;
      select(thread.id, thread.anchor, {
        user: userGuid(first.author), created: dateTime(first.created),
        notes: thread.comments.map((comment) => note(comment.id, `${COMMENT_NOTE_PREFIX}${comment.author}${thread.resolved ? RESOLVED_NOTE_SUFFIX : ''}`, comment.body, comment.author, comment.created)),
      });
    }
    if (options.automatic) {
      const user = userGuid(AUTOMATIC_CODER);
      for (const utterance of transcript.analysis.utterances) {
        for (const finding of utterance.findings ?? []) {
          select(`finding:${finding.rule}:${finding.start}:${finding.end}`, finding, {
            user, codings: [{ code: finding.code, user, created: null }], description: `rule ${finding.rule}: ${finding.message}`,
          });
        }
      }
    }

    for (const speaker of transcript.analysis.speakers) {
      const key = `${speaker.label}\u0000${speaker.role}`;
      if (!cases.has(key)) cases.set(key, { guid: guids.make(`case:${key}`), label: speaker.label, role: speaker.role, sources: [] });
      cases.get(key)!.sources.push(sourceGuid);
    }

    const path = `${sourceGuid}.txt`;
    files.push({ path: `Sources/${path}`, text: positions.plain });
    const metadata = Object.entries(transcript.analysis.metadata ?? {});
    sourceXml.push(
      `    <TextSource guid="${sourceGuid}" name="${escapeXml(transcript.name)}" plainTextPath="internal://${path}">`,
      ...selections.flatMap((selection) => selectionXml(selection, codeGuid, guids)),
      ...metadata.map(([key, value]) => variableValueXml(variableGuid(key), value, '      ')),
      '    </TextSource>',
    );
  }

  const now = (options.now ?? new Date()).toISOString();
  const codeXml = (entry: CodebookEntry, depth: number): string[] => {
    const pad = '  '.repeat(depth);
    const attributes = `guid="${entry.guid}" name="${escapeXml(entry.name)}" isCodable="${entry.codable}" color="${hexColour(entry.color)}"`;
    const inner = [
      ...(entry.description ? [`${pad}  <Description>${escapeXml(entry.description)}</Description>`] : []),
      ...codebook.filter((child) => child.parent === entry.id).flatMap((child) => codeXml(child, depth + 1)),
    ];
    return inner.length ? [`${pad}<Code ${attributes}>`, ...inner, `${pad}</Code>`] : [`${pad}<Code ${attributes}/>`];
  };
  const qde = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<Project xmlns="${QDPX_NAMESPACE}" name="${escapeXml(options.projectName)}" origin="Alliance Lens" creationDateTime="${now}">`,
    ...(users.size ? ['  <Users>', ...[...users].map(([name, guid]) => `    <User guid="${guid}" name="${escapeXml(name)}"/>`), '  </Users>'] : []),
    '  <CodeBook>',
    '    <Codes>',
    ...codebook.filter((entry) => entry.parent === null || !codeGuid.has(entry.parent)).flatMap((entry) => codeXml(entry, 3)),
    '    </Codes>',
    '  </CodeBook>',
    '  <Variables>',
    ...[...variables].map(([name, guid]) => `    <Variable guid="${guid}" name="${escapeXml(name)}" typeOfVariable="Text"/>`),
    '  </Variables>',
    ...(cases.size ? ['  <Cases>', ...[...cases.values()].flatMap((speakerCase) => [
      `    <Case guid="${speakerCase.guid}" name="${escapeXml(speakerCase.label)}">`,
      variableValueXml(roleVariable, speakerCase.role, '      '),
      ...speakerCase.sources.map((source) => `      <SourceRef targetGUID="${source}"/>`),
      '    </Case>',
    ]), '  </Cases>'] : []),
    ...(sourceXml.length ? ['  <Sources>', ...sourceXml, '  </Sources>'] : []),
    ...(notes.length ? ['  <Notes>', ...notes.flatMap(noteXml), '  </Notes>'] : []),
    '</Project>',
    '',
  ].join('\n');
  return { files: [{ path: 'project.qde', text: qde }, ...files], skipped };
}

/** The project as the bytes of a .qdpx file. */
export function exportQdpx(transcripts: readonly QdpxTranscript[], options: QdpxExportOptions): { bytes: Uint8Array; skipped: string[] } {
  const project = buildQdpxProject(transcripts, options);
  return { bytes: packQdpx(project.files), skipped: project.skipped };
}

function selectionXml(selection: Selection, codeGuid: ReadonlyMap<string, string>, guids: GuidFactory): string[] {
  const attributes = [
    `guid="${selection.guid}"`, `name="${escapeXml(selection.name)}"`, `startPosition="${selection.start}"`, `endPosition="${selection.end}"`,
    ...(selection.user ? [`creatingUser="${selection.user}"`] : []),
    ...(selection.created ? [`creationDateTime="${selection.created}"`] : []),
  ].join(' ');
  const inner = [
    ...(selection.description ? [`        <Description>${escapeXml(selection.description)}</Description>`] : []),
    ...selection.codings.flatMap((coding) => [
      `        <Coding guid="${guids.make(`coding:${selection.guid}:${coding.code}`)}"${coding.user ? ` creatingUser="${coding.user}"` : ''}${coding.created ? ` creationDateTime="${coding.created}"` : ''}>`,
      `          <CodeRef targetGUID="${codeGuid.get(coding.code)!}"/>`,
      '        </Coding>',
    ]),
    ...selection.notes.map((note) => `        <NoteRef targetGUID="${note}"/>`),
  ];
  return [`      <PlainTextSelection ${attributes}>`, ...inner, '      </PlainTextSelection>'];
}

function noteXml(note: Note): string[] {
  return [
    `    <Note guid="${note.guid}" name="${escapeXml(note.name)}"${note.user ? ` creatingUser="${note.user}"` : ''}${note.created ? ` creationDateTime="${note.created}"` : ''}>`,
    `      <PlainTextContent>${escapeXml(note.body)}</PlainTextContent>`,
    '    </Note>',
  ];
}

function variableValueXml(variable: string, value: string, pad: string): string {
  return `${pad}<VariableValue><VariableRef targetGUID="${variable}"/><TextValue>${escapeXml(value)}</TextValue></VariableValue>`;
}

/** The codebook plus any code a transcript uses that it lacks (a code typed by hand in a sidecar), so that every
 * Coding points at a Code. */
function withUsedCodes(codebook: readonly CodebookEntry[], transcripts: readonly QdpxTranscript[], automatic: boolean): CodebookEntry[] {
  const entries = [...codebook];
  const known = new Set(entries.map((entry) => entry.id));
  const used = transcripts.flatMap((transcript) => [
    ...(transcript.sidecar?.annotations.flatMap((annotation) => annotation.codes) ?? []),
    ...(transcript.sidecar?.decisions.flatMap((decision) => (decision.verdict === 'accept' ? [decision.code] : decision.replacement ?? [])) ?? []),
    ...(automatic ? transcript.analysis.utterances.flatMap((utterance) => (utterance.findings ?? []).map((finding) => finding.code)) : []),
  ]);
  for (const id of used) {
    if (known.has(id)) continue;
    known.add(id);
    entries.push({ id, name: id, description: '', color: '#607D8B', parent: null, codable: true, builtIn: false, guid: guidFor(id) });
  }
  return entries;
}

/** REFI-QDA wants #RRGGBB; anything else (a hand-edited codebook) falls back to grey rather than an invalid file. */
function hexColour(colour: string): string {
  return /^#[0-9A-Fa-f]{6}$/.test(colour) ? colour.toUpperCase() : '#607D8B';
}

function dateTime(value: string): string | null {
  return DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)) ? value : null;
}

/** Content-derived GUIDs, made unique within one project. */
class GuidFactory {
  private readonly used = new Set<string>();

  reserve(guid: string): void {
    this.used.add(guid.toLowerCase());
  }

  make(key: string): string {
    for (let n = 0; ; n++) {
      const guid = guidFor(n === 0 ? key : `${key}#${n}`);
      if (!this.used.has(guid)) {
        this.used.add(guid);
        return guid;
      }
    }
  }
}
