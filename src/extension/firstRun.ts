// The walkthrough teaches the extension, so it opens once, on the first activation after install, unless switched
// off (allianceLens.walkthrough.openOnFirstRun; the test harness does, as it would take the active editor from the
// scenarios). Never while integration tests drive the extension host.
import * as vscode from 'vscode';

const SHOWN_KEY = 'allianceLens.walkthroughShown';
export const WALKTHROUGH_ID = 'allianceLens.gettingStarted';

export function openWalkthroughOnFirstRun(context: vscode.ExtensionContext): void {
  if (context.extensionMode === vscode.ExtensionMode.Test || context.globalState.get<boolean>(SHOWN_KEY)) return;
  if (vscode.workspace.getConfiguration('allianceLens').get<boolean>('walkthrough.openOnFirstRun') === false) return;
  void context.globalState.update(SHOWN_KEY, true);
  // Beside the transcript whose opening activated the extension, so the walkthrough does not cover it.
  const toSide = vscode.window.activeTextEditor !== undefined;
  void vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${WALKTHROUGH_ID}`, toSide);
}
