// What the extension tells the user, worded one way: "Alliance Lens: " first; a file named relative to the
// workspace with its line; and, for a problem in a file, an Open button that shows that line.
import * as vscode from 'vscode';

export type Severity = 'error' | 'warning' | 'information';

/** A line of a file the message is about (1-based). */
export interface FileLine {
  uri: vscode.Uri;
  line: number;
}

export interface NotifyOptions {
  /** Adds an Open button (or `openLabel`) that opens the file at the line. */
  open?: FileLine;
  openLabel?: string;
  /** Further buttons; the chosen one is returned. */
  actions?: readonly string[];
}

function show(severity: Severity, message: string, buttons: string[]): Thenable<string | undefined> {
  if (severity === 'error') return vscode.window.showErrorMessage(message, ...buttons);
  if (severity === 'warning') return vscode.window.showWarningMessage(message, ...buttons);
  return vscode.window.showInformationMessage(message, ...buttons);
}

/** The message of a thrown value. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** "path, line N: field: message": a problem in a file, as every notification and the log name it. */
export function problemText(uri: vscode.Uri, problem: { line: number; field?: string; message: string }): string {
  return `${vscode.workspace.asRelativePath(uri)}, line ${problem.line}: ${problem.field ? `${problem.field}: ` : ''}${problem.message}`;
}

export async function openAtLine(uri: vscode.Uri, line: number): Promise<void> {
  const position = new vscode.Position(Math.max(0, line - 1), 0);
  await vscode.window.showTextDocument(uri, { selection: new vscode.Range(position, position) });
}

/** Shows `message` (without the product name: it is added) and resolves to the button chosen, if any. The Open
 * button opens its file itself. Never rejects: a notification that cannot be shown must not fail its caller. */
export async function notify(severity: Severity, message: string, options: NotifyOptions = {}): Promise<string | undefined> {
  const open = options.open ? options.openLabel ?? 'Open' : undefined;
  const buttons = [...(open ? [open] : []), ...(options.actions ?? [])];
  try {
    const choice = await show(severity, `Alliance Lens: ${message}`, buttons);
    if (choice !== undefined && choice === open && options.open) await openAtLine(options.open.uri, options.open.line);
    return choice;
  } catch {
    return undefined;
  }
}
