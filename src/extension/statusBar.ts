// The status-bar summary of the active transcript (clicking it focuses the Summary view), and the context key
// that tells menus whether the active editor is an analysed transcript.
import * as vscode from 'vscode';
import type { Analysis } from '../core/types';
import type { DocumentAnalyses } from './documentAnalyses';

export function statusText(analysis: Analysis): string {
  const { allianceIndex, collaborative, directive } = analysis.summary;
  return `Alliance ${Math.round(allianceIndex)} · ${collaborative} collab / ${directive} directive`;
}

export class AllianceStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('allianceLens.status', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly analyses: DocumentAnalyses) {
    this.item.name = 'Alliance Lens';
    this.item.command = 'allianceLens.showSummary';
    this.disposables.push(
      this.item,
      analyses.onDidAnalyze(() => this.update()),
      analyses.onDidClear(() => this.update()),
      analyses.onDidFail(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    );
    this.update();
  }

  private update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const analysis = document && this.analyses.latest(document);
    // Drives the `when` clauses of the editor context menu and the palette (package.json menus).
    void vscode.commands.executeCommand('setContext', 'allianceLens.analysed', analysis !== undefined);
    const failure = document && this.analyses.failure(document);
    if (failure) {
      // E.g. an analysis stopped at its time budget: said here as long as the transcript is on show.
      this.item.text = '$(warning) Alliance Lens: not analysed';
      this.item.tooltip = `Alliance Lens: ${failure}`;
      this.item.accessibilityInformation = { label: `Alliance Lens could not analyse this transcript: ${failure}` };
      this.item.show();
      return;
    }
    if (!analysis) {
      this.item.hide();
      return;
    }
    this.item.text = `$(pulse) ${statusText(analysis)}`;
    this.item.tooltip = 'Alliance Lens: alliance index (0–100) and counts of collaborative and directive therapist utterances. Click to open the Summary.';
    this.item.accessibilityInformation = { label: `Alliance index ${Math.round(analysis.summary.allianceIndex)}, ${analysis.summary.collaborative} collaborative, ${analysis.summary.directive} directive. Open the Alliance Lens summary.` };
    this.item.show();
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
