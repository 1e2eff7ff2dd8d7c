// Review mode's wiring: the lock, its status-bar item and the Lock / Unlock / Toggle commands.
import * as vscode from 'vscode';
import type { Configuration } from '../configuration';
import { LockStatusBar, TOGGLE_LOCK_COMMAND } from './lockStatusBar';
import { ReviewLock } from './reviewLock';

export const LOCK_COMMAND = 'allianceLens.review.lock';
export const UNLOCK_COMMAND = 'allianceLens.review.unlock';

export function activateReview(
  configuration: Configuration,
  analyses: { isEligible(document: vscode.TextDocument): boolean },
): { lock: ReviewLock; disposables: vscode.Disposable[] } {
  const lock = new ReviewLock({
    isTranscript: (document) => analyses.isEligible(document),
    readOnlyByDefault: () => configuration.settings['allianceLens.review.readOnly'],
  });
  /** The given transcript (a URI from a menu or test), else the active editor's. */
  const withTranscript = (action: (document: vscode.TextDocument) => Promise<boolean>) => async (uri?: vscode.Uri) => {
    const document = uri instanceof vscode.Uri
      ? vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString())
      : vscode.window.activeTextEditor?.document;
    if (!document || !lock.canLock(document)) {
      void vscode.window.showInformationMessage('Alliance Lens: open a transcript file first.');
      return false;
    }
    return action(document);
  };
  const disposables: vscode.Disposable[] = [
    lock,
    new LockStatusBar(lock),
    vscode.commands.registerCommand(LOCK_COMMAND, withTranscript((document) => lock.lock(document))),
    vscode.commands.registerCommand(UNLOCK_COMMAND, withTranscript((document) => lock.unlock(document))),
    vscode.commands.registerCommand(TOGGLE_LOCK_COMMAND, withTranscript((document) => lock.toggle(document))),
  ];
  return { lock, disposables };
}
