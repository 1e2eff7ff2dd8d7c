// Helpers shared by the editor suites: fixtures, the engine's own view of a file, and polling for async updates.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type * as Core from '../../src/core/engine';
import type { Analysis } from '../../src/core/types';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const EXTENSION_ID = 'alliance-lens.alliance-lens';

export function fixtureUri(name: string): vscode.Uri {
  return vscode.Uri.file(path.join(REPO_ROOT, 'test', 'fixtures', 'editor', name));
}

export function fixtureText(name: string): string {
  return fs.readFileSync(fixtureUri(name).fsPath, 'utf8');
}

/** The same engine bundle the extension loads (dist/core.js), run directly by the test. */
export function engine(): typeof Core {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(REPO_ROOT, 'dist', 'core.js')) as typeof Core;
}

export function analyseWithEngine(document: vscode.TextDocument): Analysis {
  return new (engine().Analyzer)().analyze(document.getText(), { fileName: document.fileName });
}

export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface PaintedRange {
  start: number;
  end: number;
  startLine: number;
  startCharacter: number;
  endLine: number;
  endCharacter: number;
}

export interface DecorationsReport {
  uri: string;
  enabled: boolean;
  ranges?: Record<'collaborative' | 'directive' | 'rupture' | 'question' | 'reflection', PaintedRange[]>;
}

export function decorations(uri: vscode.Uri): Thenable<DecorationsReport | undefined> {
  return vscode.commands.executeCommand<DecorationsReport | undefined>('allianceLens._getDecorations', uri.toString());
}

/** Waits until the document is analysed and painted, and returns what is painted. */
export function paintedRanges(uri: vscode.Uri, what = 'highlights'): Promise<NonNullable<DecorationsReport['ranges']>> {
  return waitFor(async () => (await decorations(uri))?.ranges, `${what} in ${path.basename(uri.fsPath)}`);
}

export async function openFixture(name: string): Promise<vscode.TextEditor> {
  await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  const document = await vscode.workspace.openTextDocument(fixtureUri(name));
  return vscode.window.showTextDocument(document, { preview: false });
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  // Global (user) scope: the harness's throwaway user-data folder, never the samples/ workspace.
  await vscode.workspace.getConfiguration().update(key, value, vscode.ConfigurationTarget.Global);
}
