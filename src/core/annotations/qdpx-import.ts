// Bringing a REFI-QDA project's coding into the workspace: each text source is matched to a transcript (identical
// text first, line endings aside, then the same file name), each coded selection becomes a human code of its user
// in that transcript's sidecar, anchored by its quote (TextQuoteSelector), and notes become memos or comments.
// The import only adds: nothing in a sidecar or the codebook is changed or removed, an item already there is not
// added twice, and whatever cannot be placed is listed, never silently dropped.
import { createAnchor, CONTEXT_LENGTH, type Anchor, type UtteranceRange } from './anchor';
import { mergeCodebook, type CodebookFile } from './codebook';
import { PlainTextPositions } from './plain-text-positions';
import { slug, uniqueId } from './qdc';
import { AUTOMATIC_CODER, COMMENT_NOTE_PREFIX, RESOLVED_NOTE_SUFFIX } from './qdpx-export';
import { normalGuid, type ForeignNote, type ForeignProject, type ForeignSelection, type ForeignSource } from './qdpx-read';
import { reanchor } from './reanchor';
import { newId } from './sidecar-edits';
import { emptySidecar, type Annotation, type CommentThread, type Sidecar } from './sidecar';

export interface WorkspaceTranscript {
  /** The transcript's file name, matched against the sources' names. */
  name: string;
  /** Its path relative to the folder imported into, "/"-separated: tells apart files of the same name. */
  path?: string;
  text: string;
  utterances: readonly UtteranceRange[];
  sidecar: Sidecar | null;
}

export interface QdpxImportOptions {
  codebook: CodebookFile | null;
  /** Add codes the workspace codebook lacks; without it their codings are listed as not imported. */
  addCodes: boolean;
  now?: Date;
}

export interface ImportedSidecar {
  transcript: WorkspaceTranscript;
  /** The transcript's sidecar with the imported items appended. */
  sidecar: Sidecar;
  codes: number;
  comments: number;
}

export interface QdpxImportResult {
  sidecars: ImportedSidecar[];
  /** The codebook with the added codes, or null when none was added. */
  codebook: CodebookFile | null;
  addedCodes: string[];
  /** Codes of the project that the codebook lacks (when codes are not added). */
  unknownCodes: string[];
  /** Sources that match no transcript, with what they hold. */
  unmatchedSources: string[];
  /** Codings and notes that could not be placed, one line each. */
  unplaced: string[];
  /** Codings of "Alliance Lens (automatic)": recomputed by the engine, so not stored as anyone's human codes. */
  automaticSkipped: number;
  /** Items that the sidecars already hold. */
  alreadyPresent: number;
}

export function importQdpxProject(project: ForeignProject, workspace: readonly WorkspaceTranscript[], options: QdpxImportOptions): QdpxImportResult {
  const now = options.now ?? new Date();
  const result: QdpxImportResult = {
    sidecars: [], codebook: null, addedCodes: [], unknownCodes: [], unmatchedSources: [], unplaced: [], automaticSkipped: 0, alreadyPresent: 0,
  };
  const codeIds = mapCodes(project, options, result);
  const userName = (guid: string | null) => (guid ? project.users.get(guid) ?? null : null);

  const plainTexts = new Map<WorkspaceTranscript, string>();
  const plainOf = (transcript: WorkspaceTranscript) => {
    if (!plainTexts.has(transcript)) plainTexts.set(transcript, new PlainTextPositions(transcript.text).plain);
    return plainTexts.get(transcript)!;
  };
  for (const source of project.sources) {
    const transcript = matchTranscript(source, workspace, plainOf);
    if (!transcript) {
      const codings = source.selections.reduce((sum, selection) => sum + selection.codings.length, 0);
      result.unmatchedSources.push(`"${source.name}" matches no transcript by name or text (${codings} coding(s), ${source.selections.length} selection(s) not imported)`);
      continue;
    }
    let imported = result.sidecars.find((entry) => entry.transcript === transcript);
    if (!imported) {
      imported = { transcript, sidecar: transcript.sidecar ?? emptySidecar(transcript.name), codes: 0, comments: 0 };
      result.sidecars.push(imported);
    }
    const place = placer(source, transcript);
    for (const selection of source.selections) {
      const where = `"${source.name}", characters ${selection.start}-${selection.end}`;
      const anchor = place(selection);
      const byCoder = new Map<string, { codes: string[]; created: string | null; notes: string[] }>();
      for (const coding of selection.codings) {
        const coder = userName(coding.userGuid ?? selection.userGuid) ?? 'imported';
        if (coder === AUTOMATIC_CODER) {
          result.automaticSkipped++;
          continue;
        }
        const code = codeIds.get(coding.codeGuid);
        const codeName = project.codes.find((candidate) => candidate.guid === coding.codeGuid)?.name ?? coding.codeGuid;
        if (!code) {
          result.unplaced.push(`${where}: ${coder}'s code "${codeName}" is not in the workspace codebook (add codes to import it)`);
          continue;
        }
        if (!anchor.ok) {
          result.unplaced.push(`${where}: ${coder}'s code "${codeName}" ${anchor.why}`);
          continue;
        }
        const entry = byCoder.get(coder) ?? { codes: [], created: coding.created ?? selection.created, notes: [] };
        if (!entry.codes.includes(code)) entry.codes.push(code);
        entry.notes.push(...coding.noteGuids);
        byCoder.set(coder, entry);
      }
      const notes = [...new Set([...selection.noteGuids, ...[...byCoder.values()].flatMap((entry) => entry.notes)])]
        .map((guid) => project.notes.get(guid)!).filter((note) => note.text.trim());
      const used = new Set<ForeignNote>();
      for (const [coder, entry] of byCoder) {
        if (!anchor.ok) break;
        // A coder's memo: the notes they wrote on this selection, unless written as a comment.
        const memoNotes = notes.filter((note) => !note.name.startsWith(COMMENT_NOTE_PREFIX)
          && (userName(note.userGuid) === coder || (note.userGuid === null && byCoder.size === 1)));
        memoNotes.forEach((note) => used.add(note));
        const annotation: Annotation = {
          id: newId('a', now), coder, codes: entry.codes, memo: memoNotes.map((note) => note.text).join('\n\n'),
          anchor: anchor.anchor, created: validDate(entry.created) ?? now.toISOString(),
        };
        if (imported.sidecar.annotations.some((existing) => existing.coder === coder && sameSpan(existing.anchor, anchor.anchor)
          && sameSet(existing.codes, entry.codes))) {
          result.alreadyPresent++;
          continue;
        }
        imported.sidecar = { ...imported.sidecar, annotations: [...imported.sidecar.annotations, annotation] };
        imported.codes++;
      }
      const comments = notes.filter((note) => !used.has(note))
        .sort((a, b) => (a.created ?? '').localeCompare(b.created ?? ''));
      if (comments.length === 0) continue;
      if (!anchor.ok) {
        for (const note of comments) result.unplaced.push(`${where}: the note "${note.name}" by ${userName(note.userGuid) ?? 'unknown'} ${anchor.why}`);
        continue;
      }
      const thread: CommentThread = {
        id: newId('t', now), anchor: anchor.anchor,
        resolved: comments.every((note) => note.name.startsWith(COMMENT_NOTE_PREFIX) && note.name.endsWith(RESOLVED_NOTE_SUFFIX)),
        comments: comments.map((note) => ({
          id: newId('c', now), author: userName(note.userGuid) ?? 'imported', body: note.text, created: validDate(note.created) ?? now.toISOString(),
        })),
      };
      if (imported.sidecar.comments.some((existing) => sameSpan(existing.anchor, anchor.anchor) && existing.comments[0]?.body === thread.comments[0]!.body)) {
        result.alreadyPresent++;
        continue;
      }
      imported.sidecar = { ...imported.sidecar, comments: [...imported.sidecar.comments, thread] };
      imported.comments++;
    }
  }
  result.sidecars = result.sidecars.filter((entry) => entry.codes + entry.comments > 0);
  return result;
}

/** Foreign code guid → workspace code id: by guid (our own exports keep them), then by name under the same parent;
 * unknown codes are added under their parent when allowed. Never changes an existing code. */
function mapCodes(project: ForeignProject, options: QdpxImportOptions, result: QdpxImportResult): Map<string, string> {
  let file: CodebookFile = options.codebook ?? { version: 1, codes: [] };
  const ids = new Map<string, string>();
  for (const foreign of project.codes) {
    const entries = mergeCodebook(file);
    const parent = foreign.parentGuid === null ? null : ids.get(foreign.parentGuid) ?? null;
    const known = entries.find((entry) => normalGuid(entry.guid) === foreign.guid)
      ?? entries.find((entry) => entry.name === foreign.name && entry.parent === parent);
    if (known) {
      ids.set(foreign.guid, known.id);
      continue;
    }
    if (!options.addCodes) {
      result.unknownCodes.push(foreign.name);
      continue;
    }
    const id = uniqueId(new Set([...entries.map((entry) => entry.id), ...file.codes.map((code) => code.id)]), parent ? `${parent}.${slug(foreign.name)}` : slug(foreign.name));
    file = {
      ...file,
      codes: [...file.codes, {
        id, name: foreign.name, ...(foreign.description ? { description: foreign.description } : {}),
        ...(foreign.color ? { color: foreign.color } : {}), ...(parent ? { parent } : {}), guid: foreign.guid,
        ...(foreign.codable ? {} : { codable: false }),
      }],
    };
    ids.set(foreign.guid, id);
    result.addedCodes.push(id);
  }
  if (result.addedCodes.length) result.codebook = file;
  return ids;
}

/** The same name and text first (copies of one session coded apart keep apart), then the same text, then the same
 * name, then the same name without its extension (other tools often drop it). A source named by a path matches the
 * transcript whose path is the longest ending of it. */
function matchTranscript(source: ForeignSource, workspace: readonly WorkspaceTranscript[], plainOf: (transcript: WorkspaceTranscript) => string): WorkspaceTranscript | null {
  const plain = new PlainTextPositions(source.text).plain;
  const baseName = source.name.split('/').pop()!;
  const nameScore = (transcript: WorkspaceTranscript): number => {
    const relative = transcript.path ?? transcript.name;
    if (source.name === relative) return Number.MAX_SAFE_INTEGER;
    if (source.name.endsWith(`/${relative}`)) return relative.length;
    return transcript.name === baseName ? 0 : -1;
  };
  const bestByName = (candidates: readonly WorkspaceTranscript[]) => {
    let best: WorkspaceTranscript | null = null;
    let bestScore = -1;
    for (const candidate of candidates) {
      const score = nameScore(candidate);
      if (score > bestScore) [best, bestScore] = [candidate, score];
    }
    return best;
  };
  const stem = (file: string) => file.replace(/\.[^./]+$/, '').toLowerCase();
  const sameText = workspace.filter((transcript) => plainOf(transcript) === plain);
  return bestByName(sameText)
    ?? sameText[0]
    ?? bestByName(workspace)
    ?? workspace.find((transcript) => stem(transcript.name) === stem(baseName))
    ?? null;
}

type Placement = { ok: true; anchor: Anchor } | { ok: false; why: string };

/** Places a selection's character positions on the transcript: read in the source's own text, then found again in
 * the transcript by its quote and context (exactly where the texts are the same, line endings aside). */
function placer(source: ForeignSource, transcript: WorkspaceTranscript): (selection: ForeignSelection) => Placement {
  const raw = new PlainTextPositions(source.text, { keepLineEndings: true });
  const foreign = new PlainTextPositions(source.text);
  const target = new PlainTextPositions(transcript.text);
  return (selection) => {
    const from = raw.toOriginal(selection.start);
    const to = raw.toOriginal(selection.end);
    if (from === null || to === null || to <= from) return { ok: false, why: `has positions outside the source's ${raw.length} characters` };
    const start = foreign.toPlainOffset(from);
    const end = foreign.toPlainOffset(to);
    const text = foreign.plain;
    const quote: Anchor = {
      utterance: -1, start, end, exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start), suffix: text.slice(end, end + CONTEXT_LENGTH),
    };
    if (!quote.exact.trim()) return { ok: false, why: 'selects only white space' };
    const placed = reanchor(quote, target.plain, []);
    if (placed.orphaned) return { ok: false, why: `could not be placed: "${truncate(quote.exact)}" is not in ${transcript.name}` };
    return { ok: true, anchor: createAnchor(transcript.text, target.fromPlainOffset(placed.anchor.start), target.fromPlainOffset(placed.anchor.end), transcript.utterances) };
  };
}

function sameSpan(a: Anchor, b: Anchor): boolean {
  return a.start === b.start && a.end === b.end;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}

function validDate(value: string | null): string | null {
  return value && !Number.isNaN(Date.parse(value)) ? new Date(Date.parse(value)).toISOString() : null;
}

function truncate(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}
