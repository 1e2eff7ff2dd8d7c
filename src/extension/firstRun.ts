// The walkthrough teaches the extension, so it opens once, on the first activation after install, unless the user
// has told VS Code not to open walkthroughs on install (workbench.welcomePage.walkthroughs.openOnInstall). Never
// while tests drive the extension host: it would take the active editor from them.
import * as vscode from 'vscode';

const SHOWN_KEY = 'allianceLens.walkthroughShown';
export const WALKTHROUGH_ID = 'allianceLens.gettingStarted';

export function openWalkthroughOnFirstRun(context: vscode.ExtensionContext): void {
  if (context.extensionMode === vscode.ExtensionMode.Test || context.globalState.get<boolean>(SHOWN_KEY)) return;
  if (vscode.workspace.getConfiguration('workbench.welcomePage').get<boolean>('walkthroughs.openOnInstall') === false) return;
  void context.globalState.update(SHOWN_KEY, true);
  // Beside the transcript whose opening activated the extension, so the walkthrough does not cover it.
  const toSide = vscode.window.activeTextEditor !== undefined;
  void vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${WALKTHROUGH_ID}`, toSide);
}
