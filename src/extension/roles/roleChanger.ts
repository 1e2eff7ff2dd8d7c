// Changing a speaker's role writes the transcript's front matter, so it always asks first and goes through a
// WorkspaceEdit: the change is undoable and the user's unsaved text is never replaced wholesale. A transcript locked
// for review is unlocked for this one confirmed edit, saved, and locked again.
import * as vscode from 'vscode';
import { notify } from '../notify';
import type { DocumentAnalyses } from '../documentAnalyses';
import type { WriteAccess } from '../review/reviewLock';
import type { RoleChanger } from '../summary/summaryViewProvider';
import { setRoleEdit, type AssignableRole } from '../../core/transcript/front-matter';

export class FrontMatterRoleChanger implements RoleChanger {
  constructor(private readonly analyses: DocumentAnalyses, private readonly access: WriteAccess) {}

  async changeRole(document: vscode.TextDocument, speaker: string, role: AssignableRole): Promise<boolean> {
    const confirm = 'Write front matter';
    const afterwards = this.access.isLocked(document.uri)
      ? 'The transcript is locked for review: it is unlocked for this one change, saved, and locked again.'
      : 'You can undo it like any edit.';
    const answer = await vscode.window.showWarningMessage(
      `Make "${speaker}" the ${role} in ${vscode.workspace.asRelativePath(document.uri)}?`,
      { modal: true, detail: `Alliance Lens will add "${role}: ${speaker}" to the front matter block at the top of the file (creating it if needed). ${afterwards}` },
      confirm,
    );
    if (answer !== confirm) return false;
    const applied = await this.access.withWriteAccess(document, () => {
      const edit = setRoleEdit(document.getText(), speaker, role);
      const workspaceEdit = new vscode.WorkspaceEdit();
      workspaceEdit.replace(document.uri, new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end)), edit.newText);
      return Promise.resolve(vscode.workspace.applyEdit(workspaceEdit));
    });
    if (!applied) void notify('error', 'the front matter could not be updated; the file is unchanged.');
    return applied;
  }

  /** "Set Speaker Role": pick a speaker of the active transcript, then a role. */
  async pickAndChange(document: vscode.TextDocument | undefined): Promise<boolean> {
    const analysis = document && this.analyses.latest(document);
    if (!document || !analysis || analysis.speakers.length === 0) {
      void vscode.window.showInformationMessage('Alliance Lens: open an analysed transcript with speakers first.');
      return false;
    }
    const speaker = await vscode.window.showQuickPick(
      analysis.speakers.map((candidate) => ({ label: candidate.label, description: `${candidate.role} · ${candidate.turns} turns` })),
      { title: 'Set Speaker Role', placeHolder: 'Which speaker?' },
    );
    if (!speaker) return false;
    const roles: AssignableRole[] = ['therapist', 'client'];
    const role = await vscode.window.showQuickPick(roles, { title: `Role of ${speaker.label}` }) as AssignableRole | undefined;
    if (!role) return false;
    return this.changeRole(document, speaker.label, role);
  }
}
