// STUB until the editor issue lands: the extension helper owns this file.
import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('allianceLens.showSummary', () =>
      vscode.commands.executeCommand('allianceLens.summary.focus')),
  );
}

export function deactivate(): void {}
