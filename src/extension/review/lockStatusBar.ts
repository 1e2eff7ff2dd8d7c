// The lock in the status bar: whether the active transcript is read-only for review, and one click to change it.
// It also sets the `allianceLens.locked` context key for the palette's Lock / Unlock entries.
import * as vscode from 'vscode';
import type { ReviewLock } from './reviewLock';

export const TOGGLE_LOCK_COMMAND = 'allianceLens.review.toggleLock';

export class LockStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('allianceLens.reviewLock', vscode.StatusBarAlignment.Right, 101);
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly lock: ReviewLock) {
    this.item.name = 'Alliance Lens Review Lock';
    this.item.command = TOGGLE_LOCK_COMMAND;
    this.disposables.push(
      this.item,
      lock.onDidChange(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    );
    this.update();
  }

  private update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const shown = document !== undefined && this.lock.canLock(document);
    const locked = shown && this.lock.isLocked(document.uri);
    void vscode.commands.executeCommand('setContext', 'allianceLens.locked', locked);
    void vscode.commands.executeCommand('setContext', 'allianceLens.lockable', shown);
    if (!shown) {
      this.item.hide();
      return;
    }
    if (locked) {
      this.item.text = '$(lock) Read-only';
      this.item.tooltip = 'Alliance Lens: this transcript is read-only for review, so nothing you type can change it. Coding, comments and reviews still work (they are saved beside it). Click to unlock it for editing.';
      this.item.accessibilityInformation = { label: 'Transcript locked for review. Activate to unlock it for editing.' };
    } else {
      this.item.text = '$(unlock) Editable';
      this.item.tooltip = 'Alliance Lens: this transcript can be edited, and your changes are saved to the file. Click to lock it for review.';
      this.item.accessibilityInformation = { label: 'Transcript editable. Activate to lock it for review.' };
    }
    this.item.show();
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
