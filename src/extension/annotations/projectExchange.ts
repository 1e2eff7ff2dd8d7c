// "Export REFI-QDA Project…" and "Import REFI-QDA Project…". The export: every coded transcript of the workspace (each one with a sidecar, and the transcript
// in the active editor) with its human codes, memos and comments, as a .qdpx project for NVivo, MAXQDA, ATLAS.ti or
// QualCoder. It reads through the sidecar store, so a broken sidecar stops the export instead of being left out,
// and it does not load the coding engine: speakers and front matter come from the parser. The automatic codes are
// the command line's `export --format qdpx --auto`.
import * as vscode from 'vscode';
import { notify } from '../notify';
import { parseCodebookFile, serializeCodebookFile } from '../../core/annotations/codebook';
import { exportQdpx, type QdpxAnalysis, type QdpxTranscript } from '../../core/annotations/qdpx-export';
import { importQdpxProject, type WorkspaceTranscript } from '../../core/annotations/qdpx-import';
import { readQdpx } from '../../core/annotations/qdpx-read';
import { QDPX_LIMITS } from '../../core/annotations/qdpx-zip';
import { SIDECAR_SUFFIX, type Sidecar } from '../../core/annotations/sidecar';
import { parseTranscript } from '../../core/transcript/parse';
import type { Analysis } from '../../core/types';
import type { CodebookService } from './codebookService';
import { readTextFile, writeFileAtomically, writeTextFileAtomically } from './fileAccess';
import type { SidecarStore } from './sidecarStore';

export const EXPORT_PROJECT_COMMAND = 'allianceLens.exportProject';
const EXCLUDED = '**/{node_modules,.git,.vscode,.alliance-lens}/**';
const MAX_SIDECARS = 1000;

export interface ProjectExportContext {
  store: SidecarStore;
  codebooks: CodebookService;
  analysisOf(document: vscode.TextDocument): Analysis | undefined;
}

export async function exportProject(context: ProjectExportContext, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const documents = await codedDocuments();
  if (documents.length === 0) {
    void vscode.window.showInformationMessage('Alliance Lens: no coded transcript to export. Code a transcript first; its codes are kept in a <transcript>.alliance.json beside it.');
    return undefined;
  }
  const transcripts: QdpxTranscript[] = [];
  for (const document of documents) {
    const sidecar = await context.store.get(document);
    if (!sidecar) {
      void notify('error', `the sidecar of ${vscode.workspace.asRelativePath(document.uri)} cannot be read; fix it first. Nothing was exported.`);
      return undefined;
    }
    const text = document.getText();
    const name = vscode.workspace.asRelativePath(document.uri, false);
    transcripts.push({ name, text, sidecar, analysis: context.analysisOf(document) ?? speakersAndMetadata(text, name) });
  }
  const { entries, broken } = await context.codebooks.codebook(documents[0]!.uri);
  if (broken) return undefined;
  const folder = vscode.workspace.workspaceFolders?.[0];
  const destination = target ?? await vscode.window.showSaveDialog({
    title: 'Export REFI-QDA project', filters: { 'REFI-QDA project': ['qdpx'] },
    defaultUri: folder && vscode.Uri.joinPath(folder.uri, `${folder.name}.qdpx`),
  });
  if (!destination) return undefined;
  if (documents.some((document) => document.uri.toString() === destination.toString() || vscode.Uri.parse(`${document.uri.toString()}${SIDECAR_SUFFIX}`).toString() === destination.toString())) {
    void notify('error', 'that file is a transcript or a sidecar; choose another name. Nothing was exported.');
    return undefined;
  }
  const projectName = destination.path.slice(destination.path.lastIndexOf('/') + 1).replace(/\.qdpx$/i, '');
  const { bytes, skipped } = exportQdpx(transcripts, { projectName, codebook: entries });
  await writeFileAtomically(destination, bytes);
  if (!target) {
    const note = skipped.length ? ` ${skipped.length} orphaned item(s) whose text is no longer in their transcript were left out.` : '';
    void vscode.window.showInformationMessage(`Alliance Lens: ${transcripts.length} transcript(s) exported to ${vscode.workspace.asRelativePath(destination)}.${note}`);
  }
  return destination;
}

function speakersAndMetadata(text: string, fileName: string): QdpxAnalysis {
  const parsed = parseTranscript(text, { fileName });
  return { speakers: parsed.speakers, metadata: parsed.metadata, utterances: [] };
}

/** Transcripts with a sidecar, sorted, and the active editor's transcript. */
async function codedDocuments(): Promise<vscode.TextDocument[]> {
  const sidecars = await vscode.workspace.findFiles(`**/*${SIDECAR_SUFFIX}`, EXCLUDED, MAX_SIDECARS);
  const uris = new Map<string, vscode.Uri>();
  for (const sidecar of sidecars) {
    const transcript = sidecar.with({ path: sidecar.path.slice(0, -SIDECAR_SUFFIX.length) });
    try {
      await vscode.workspace.fs.stat(transcript);
      uris.set(transcript.toString(), transcript);
    } catch {
      // A sidecar whose transcript was moved away: nothing to export it with.
    }
  }
  const active = vscode.window.activeTextEditor?.document;
  if (active && active.uri.scheme === 'file' && !active.isUntitled && active.languageId === 'transcript') uris.set(active.uri.toString(), active.uri);
  const sorted = [...uris.values()].sort((a, b) => (a.toString() < b.toString() ? -1 : a.toString() > b.toString() ? 1 : 0));
  return Promise.all(sorted.map((uri) => vscode.workspace.openTextDocument(uri)));
}

export const IMPORT_PROJECT_COMMAND = 'allianceLens.importProject';
const TRANSCRIPT_GLOB = '**/*.{transcript,txt,vtt,srt}';
const MAX_TRANSCRIPTS = 500;

/** What the import did; also returned to tests. */
export interface ProjectImportOutcome {
  codes: number;
  comments: number;
  addedCodes: string[];
  /** Every coding, note or source that was not imported, with why. */
  notImported: string[];
}

/** "Import REFI-QDA Project…": the project's codings and notes into the sidecars of the workspace transcripts its
 * sources match, through the sidecar store (which never writes over a broken sidecar). Codes the codebook lacks
 * are added only after asking; `addCodes` answers for tests. What cannot be imported is shown, never dropped. */
export async function importProject(context: ProjectExportContext, source?: vscode.Uri, addCodes?: boolean): Promise<ProjectImportOutcome | undefined> {
  const file = source ?? (await vscode.window.showOpenDialog({ title: 'Import REFI-QDA project', canSelectMany: false, filters: { 'REFI-QDA project': ['qdpx'] } }))?.[0];
  if (!file) return undefined;
  const refuse = (message: string) => {
    void notify('error', `${message} Nothing was imported.`);
    return undefined;
  };
  if ((await vscode.workspace.fs.stat(file)).size > QDPX_LIMITS.totalBytes) return refuse(`${vscode.workspace.asRelativePath(file)} is larger than a project Alliance Lens reads.`);
  const read = readQdpx(await vscode.workspace.fs.readFile(file));
  if (!read.ok) return refuse(`${vscode.workspace.asRelativePath(file)} is refused: ${read.problems[0]}${read.problems.length > 1 ? ` (and ${read.problems.length - 1} more problem(s))` : ''}.`);

  // First on the files as they are on disk, to learn which transcripts the sources match and which codes are new;
  // then again on just those documents, as open in the editor, with their sidecars.
  const candidates = await workspaceTranscripts();
  const matching = importQdpxProject(read.project, candidates.map((candidate) => candidate.transcript), { codebook: null, addCodes: false });
  const firstMatch = candidates.find((candidate) => matching.sidecars.some((entry) => entry.transcript === candidate.transcript));
  // The codebook of the transcripts that receive the coding (a transcript outside the workspace has its own).
  const codebookUri = await context.codebooks.codebookUri(firstMatch?.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri ?? file);
  const codebookText = await readTextFile(codebookUri);
  const codebook = codebookText === undefined ? null : parseCodebookFile(codebookText);
  if (codebook && !codebook.ok) return refuse(`fix ${vscode.workspace.asRelativePath(codebookUri)} first (line ${codebook.problems[0]!.line}: ${codebook.problems[0]!.message}).`);
  const codebookFile = codebook?.ok ? codebook.file : null;
  const trial = importQdpxProject(read.project, candidates.map((candidate) => candidate.transcript), { codebook: codebookFile, addCodes: true });
  let add = addCodes;
  if (add === undefined && trial.addedCodes.length) {
    const names = trial.addedCodes.slice(0, 8).join(', ') + (trial.addedCodes.length > 8 ? ', …' : '');
    const choice = await vscode.window.showWarningMessage(
      `The project has ${trial.addedCodes.length} code(s) your codebook lacks: ${names}. Add them to ${vscode.workspace.asRelativePath(codebookUri)}?`,
      { modal: true }, 'Add Codes', 'Import Without Them');
    if (!choice) return undefined;
    add = choice === 'Add Codes';
  }
  const matched = candidates.filter((candidate) => trial.sidecars.some((entry) => entry.transcript === candidate.transcript)
    || matching.sidecars.some((entry) => entry.transcript === candidate.transcript));
  const documents: Array<{ document: vscode.TextDocument; transcript: WorkspaceTranscript; before: Sidecar }> = [];
  for (const candidate of matched) {
    const document = await vscode.workspace.openTextDocument(candidate.uri);
    const sidecar = await context.store.get(document);
    if (!sidecar) return refuse(`the sidecar of ${vscode.workspace.asRelativePath(candidate.uri)} cannot be read; fix it first.`);
    const text = document.getText();
    documents.push({ document, before: sidecar, transcript: { name: candidate.transcript.name, path: candidate.transcript.path, text, sidecar, utterances: context.analysisOf(document)?.utterances ?? parseTranscript(text).utterances } });
  }
  const result = importQdpxProject(read.project, [...documents.map((entry) => entry.transcript), ...candidates.filter((candidate) => !matched.includes(candidate)).map((candidate) => candidate.transcript)],
    { codebook: codebookFile, addCodes: add ?? false });
  if (result.codebook) {
    if (await readTextFile(codebookUri) !== codebookText) return refuse(`${vscode.workspace.asRelativePath(codebookUri)} changed meanwhile; try again.`);
    await writeTextFileAtomically(codebookUri, serializeCodebookFile(result.codebook));
  }
  for (const entry of result.sidecars) {
    const target = documents.find((candidate) => candidate.transcript === entry.transcript);
    if (!target) continue;
    // The import appends; hand the store only the new items, so an edit made meanwhile is kept.
    const annotations = entry.sidecar.annotations.slice(target.before.annotations.length);
    const threads = entry.sidecar.comments.slice(target.before.comments.length);
    await context.store.update(target.document, (current) => ({ ...current, annotations: [...current.annotations, ...annotations], comments: [...current.comments, ...threads] }));
  }
  const outcome: ProjectImportOutcome = {
    codes: result.sidecars.reduce((sum, entry) => sum + entry.codes, 0),
    comments: result.sidecars.reduce((sum, entry) => sum + entry.comments, 0),
    addedCodes: result.addedCodes,
    notImported: [
      ...read.project.ignored.map((kind) => `${kind} (only text sources are read)`),
      ...result.unmatchedSources.map((line) => `source ${line}`),
      ...result.unplaced,
      ...(result.automaticSkipped ? [`${result.automaticSkipped} coding(s) of "Alliance Lens (automatic)": the engine recomputes them`] : []),
    ],
  };
  const summary = `Alliance Lens: imported ${outcome.codes} coded segment(s) and ${outcome.comments} comment thread(s) into ${result.sidecars.length} transcript(s)`
    + `${outcome.addedCodes.length ? `, and ${outcome.addedCodes.length} code(s) into the codebook` : ''}.`;
  if (outcome.notImported.length) {
    void vscode.window.showWarningMessage(`${summary} ${outcome.notImported.length} item(s) were not imported.`, 'Show List').then(async (choice) => {
      if (choice !== 'Show List') return;
      const content = [`# Not imported from ${vscode.workspace.asRelativePath(file)}`, '', ...outcome.notImported.map((line) => `- ${line.replace(/[\\`*_[\]<>]/g, '\\$&')}`), ''].join('\n');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown', content }));
    });
  } else if (!source) {
    void vscode.window.showInformationMessage(summary);
  }
  return outcome;
}

/** The workspace's transcripts as read from disk, and transcripts open in the editor from elsewhere, with the
 * parser's utterances (no coding engine). */
async function workspaceTranscripts(): Promise<Array<{ uri: vscode.Uri; transcript: WorkspaceTranscript }>> {
  const found = await vscode.workspace.findFiles(TRANSCRIPT_GLOB, EXCLUDED, MAX_TRANSCRIPTS);
  found.sort((a, b) => (a.toString() < b.toString() ? -1 : a.toString() > b.toString() ? 1 : 0));
  const known = new Set(found.map((uri) => uri.toString()));
  for (const document of vscode.workspace.textDocuments) {
    if (document.uri.scheme === 'file' && /\.(transcript|txt|vtt|srt)$/i.test(document.uri.path) && !known.has(document.uri.toString())) found.push(document.uri);
  }
  const transcripts: Array<{ uri: vscode.Uri; transcript: WorkspaceTranscript }> = [];
  for (const uri of found) {
    const text = await readTextFile(uri);
    if (text === undefined || text.includes('\u0000')) continue;
    transcripts.push({ uri, transcript: { name: uri.path.slice(uri.path.lastIndexOf('/') + 1), path: vscode.workspace.asRelativePath(uri, false), text, utterances: parseTranscript(text).utterances, sidecar: null } });
  }
  return transcripts;
}
