// The editor's side of configuration discovery: core finds the nearest .alliance-lens files exactly as the CLI
// does; this only says where a document sits in the workspace and reads through vscode.workspace.fs.
import * as vscode from 'vscode';
import { discoverConfiguration, parentFolder, type TranscriptConfiguration } from '../../core/configuration/discover';
import { readTextFile } from '../annotations/fileAccess';

/** The folder whose configuration applies to `uri`, and the workspace root the search stops at. */
export function configurationScope(uri: vscode.Uri): { base: vscode.Uri; folder: string; root?: string } {
  const workspaceFolder = vscode.workspace.getWorkspaceFolder(uri);
  if (workspaceFolder) {
    const isRoot = workspaceFolder.uri.path === uri.path;
    return { base: uri, folder: isRoot ? uri.path : parentFolder(uri.path) ?? uri.path, root: workspaceFolder.uri.path };
  }
  // An untitled document belongs to no folder: it gets the first workspace folder's configuration.
  const first = vscode.workspace.workspaceFolders?.[0];
  if (uri.scheme === 'untitled' && first) return { base: first.uri, folder: first.uri.path, root: first.uri.path };
  return { base: uri, folder: parentFolder(uri.path) ?? uri.path };
}

/** The configuration (rules file, codebook) of the transcript at `uri`, or of a workspace folder's root. */
export async function configurationOf(uri: vscode.Uri): Promise<TranscriptConfiguration & { scope: ReturnType<typeof configurationScope> }> {
  const scope = configurationScope(uri);
  const readFile = (path: string) => readTextFile(scope.base.with({ path })).catch(() => undefined);
  return { ...await discoverConfiguration(scope.folder, { root: scope.root, readFile }), scope };
}
