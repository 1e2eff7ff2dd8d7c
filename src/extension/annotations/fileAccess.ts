// Reading and writing beside a document through vscode.workspace.fs, so it works in virtual workspaces too. Writes
// are atomic (a temporary file, then a rename over the target), so a crash never leaves half a sidecar.
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
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const folder = vscode.Uri.joinPath(uri, '..');
  await vscode.workspace.fs.createDirectory(folder);
  const temporary = vscode.Uri.joinPath(folder, `.${name}.${Date.now().toString(36)}.tmp`);
  await vscode.workspace.fs.writeFile(temporary, new TextEncoder().encode(text));
  try {
    await vscode.workspace.fs.rename(temporary, uri, { overwrite: true });
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
