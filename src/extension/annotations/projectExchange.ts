// "Export REFI-QDA Project…": every coded transcript of the workspace (each one with a sidecar, and the transcript
// in the active editor) with its human codes, memos and comments, as a .qdpx project for NVivo, MAXQDA, ATLAS.ti or
// QualCoder. It reads through the sidecar store, so a broken sidecar stops the export instead of being left out,
// and it does not load the coding engine: speakers and front matter come from the parser. The automatic codes are
// the command line's `export --format qdpx --auto`.
import * as vscode from 'vscode';
import { exportQdpx, type QdpxAnalysis, type QdpxTranscript } from '../../core/annotations/qdpx-export';
import { SIDECAR_SUFFIX } from '../../core/annotations/sidecar';
import { parseTranscript } from '../../core/transcript/parse';
import type { Analysis } from '../../core/types';
import type { CodebookService } from './codebookService';
import { writeFileAtomically } from './fileAccess';
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
      void vscode.window.showErrorMessage(`Alliance Lens: the sidecar of ${vscode.workspace.asRelativePath(document.uri)} cannot be read; fix it first. Nothing was exported.`);
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
    void vscode.window.showErrorMessage('Alliance Lens: that file is a transcript or a sidecar; choose another name. Nothing was exported.');
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
