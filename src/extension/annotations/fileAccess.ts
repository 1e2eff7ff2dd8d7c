// Reading and writing beside a document through vscode.workspace.fs, so it works in virtual workspaces too. Writes
// go to a temporary file that is then renamed over the target, so a crash never leaves half a sidecar. On local
// disks the rename is Node's rename(2), which replaces the target in one step; vscode.workspace.fs.rename with
// overwrite deletes the target first, leaving a moment with no file at all.
import * as fs from 'fs';
import * as vscode from 'vscode';

export async function readTextFile(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
    throw error;
  }
}

export async function writeTextFileAtomically(uri: vscode.Uri, text: string): Promise<void> {
  await writeFileAtomically(uri, new TextEncoder().encode(text));
}

export async function writeFileAtomically(uri: vscode.Uri, bytes: Uint8Array): Promise<void> {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const folder = vscode.Uri.joinPath(uri, '..');
  await vscode.workspace.fs.createDirectory(folder);
  const temporary = vscode.Uri.joinPath(folder, `.${name}.${Date.now().toString(36)}.tmp`);
  await vscode.workspace.fs.writeFile(temporary, bytes);
  try {
    if (uri.scheme === 'file') await fs.promises.rename(temporary.fsPath, uri.fsPath);
    else await vscode.workspace.fs.rename(temporary, uri, { overwrite: true });
  } catch (error) {
    await vscode.workspace.fs.delete(temporary).then(undefined, () => undefined);
    throw error;
  }
}

/** Opens a file at a 1-based line, for the "Open" action of a problem message. */
export async function openAtLine(uri: vscode.Uri, line: number): Promise<void> {
  const position = new vscode.Position(Math.max(0, line - 1), 0);
  await vscode.window.showTextDocument(uri, { selection: new vscode.Range(position, position) });
}
