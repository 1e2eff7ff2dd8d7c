// Reading and writing beside a document through vscode.workspace.fs, so it works in virtual workspaces too. Writes
// go to a temporary file that is then renamed over the target, so a crash never leaves half a sidecar. On local
// disks Node does the whole write (rename(2) replaces the target in one step; vscode.workspace.fs.rename with
// overwrite deletes the target first, leaving a moment with no file at all).
import * as vscode from 'vscode';
import { writeFileAtomically as writeLocalFileAtomically } from '../../shared/atomic-write';
import { decodeUtf8 } from '../../core/annotations/json-location';

/** The file's text, or undefined when there is none. Invalid UTF-8 throws (with the line of the first bad byte)
 * rather than being replaced by U+FFFD: a sidecar or codebook read that way and saved again would lose text. */
export async function readTextFile(uri: vscode.Uri): Promise<string | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
    throw error;
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) throw new Error(decoded.problem.message);
  return decoded.text;
}

export async function writeTextFileAtomically(uri: vscode.Uri, text: string): Promise<void> {
  await writeFileAtomically(uri, new TextEncoder().encode(text));
}

export async function writeFileAtomically(uri: vscode.Uri, bytes: Uint8Array): Promise<void> {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const folder = vscode.Uri.joinPath(uri, '..');
  await vscode.workspace.fs.createDirectory(folder);
  // On a local disk: flushed, renamed over the target, the target's mode kept, a symbolic link written through,
  // temporary files of killed processes cleaned up (src/shared/atomic-write.ts).
  if (uri.scheme === 'file') return writeLocalFileAtomically(uri.fsPath, bytes);
  const temporary = vscode.Uri.joinPath(folder, `.${name}.${Date.now().toString(36)}.tmp`);
  await vscode.workspace.fs.writeFile(temporary, bytes);
  try {
    await vscode.workspace.fs.rename(temporary, uri, { overwrite: true });
  } catch (error) {
    await vscode.workspace.fs.delete(temporary).then(undefined, () => undefined);
    throw error;
  }
}
