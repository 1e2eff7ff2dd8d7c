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
  const open = (toSide: boolean) => void vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${WALKTHROUGH_ID}`, toSide);
  // Beside the transcript whose opening activated the extension, so the walkthrough does not cover it. The extension
  // can start before that editor is shown; then the walkthrough waits for it (a few seconds at most), since opening
  // first would put the transcript on top of it in the same group.
  if (vscode.window.activeTextEditor) return open(true);
  let settled = false;
  const settle = (toSide: boolean) => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    listener.dispose();
    open(toSide);
  };
  const listener = vscode.window.onDidChangeActiveTextEditor((editor) => editor && settle(true));
  const timer = setTimeout(() => settle(false), EDITOR_WAIT_MS);
  context.subscriptions.push(listener);
}

/** How long the walkthrough waits for the first editor before it opens on its own. */
const EDITOR_WAIT_MS = 5000;
