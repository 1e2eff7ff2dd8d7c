// Export and import of the REFI-QDA codebook (.qdc) from the editor. Import merges into
// .alliance-lens/codebook.json; a broken .qdc or a broken existing codebook changes nothing.
import * as vscode from 'vscode';
import { parseCodebookFile, serializeCodebookFile } from '../../core/annotations/codebook';
import { exportQdc, importQdc } from '../../core/annotations/qdc';
import type { CodebookService } from './codebookService';
import { readTextFile, writeTextFileAtomically } from './fileAccess';
import { notify } from '../notify';

export const EXPORT_CODEBOOK_COMMAND = 'allianceLens.exportCodebook';
export const IMPORT_CODEBOOK_COMMAND = 'allianceLens.importCodebook';

export async function exportCodebook(codebooks: CodebookService, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const context = vscode.window.activeTextEditor?.document.uri;
  const { entries, broken } = await codebooks.codebook(context);
  if (broken) return undefined;
  const destination = target ?? await vscode.window.showSaveDialog({
    title: 'Export codebook (REFI-QDA)', filters: { 'REFI-QDA codebook': ['qdc'] },
    defaultUri: vscode.workspace.workspaceFolders?.[0] && vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'codebook.qdc'),
  });
  if (!destination) return undefined;
  await writeTextFileAtomically(destination, exportQdc(entries));
  if (!target) void vscode.window.showInformationMessage(`Alliance Lens: codebook exported to ${vscode.workspace.asRelativePath(destination)}.`);
  return destination;
}

export async function importCodebook(codebooks: CodebookService, source?: vscode.Uri): Promise<{ added: string[]; updated: string[] } | undefined> {
  const file = source ?? (await vscode.window.showOpenDialog({ title: 'Import codebook (REFI-QDA)', canSelectMany: false, filters: { 'REFI-QDA codebook': ['qdc', 'xml'] } }))?.[0];
  if (!file) return undefined;
  const contextUri = vscode.window.activeTextEditor?.document.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri ?? file;
  const codebookUri = await codebooks.codebookUri(contextUri);
  const existingText = await readTextFile(codebookUri);
  let existing = null;
  if (existingText !== undefined) {
    const parsed = parseCodebookFile(existingText);
    if (!parsed.ok) {
      const first = parsed.problems[0]!;
      void notify('error', `fix ${vscode.workspace.asRelativePath(codebookUri)} first (line ${first.line}: ${first.message}); nothing was imported.`, { open: { uri: codebookUri, line: first.line } });
      return undefined;
    }
    existing = parsed.file;
  }
  // Bytes, not text: the importer reads UTF-16 too and refuses Latin-1 with a message that says so.
  const result = importQdc(await vscode.workspace.fs.readFile(file), existing);
  if (!result.ok) {
    const first = result.problems[0]!;
    void notify('error', `${vscode.workspace.asRelativePath(file)} is not a REFI-QDA codebook Alliance Lens can read (${first.message}). Nothing was imported.`, { open: { uri: file, line: first.line } });
    return undefined;
  }
  await writeTextFileAtomically(codebookUri, serializeCodebookFile(result.file));
  void vscode.window.showInformationMessage(`Alliance Lens: imported ${result.added.length} new and ${result.updated.length} updated code(s) into ${vscode.workspace.asRelativePath(codebookUri)}.`);
  return { added: result.added, updated: result.updated };
}
