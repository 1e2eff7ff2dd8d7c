// Problems in the files Alliance Lens reads beside the transcripts (workspace rules, the codebook, sidecars) go
// to one place: the Problems panel, at their line, so they stay visible after a notification is gone, and the
// "Alliance Lens" output channel, which also keeps a log of what was read and written.
import * as vscode from 'vscode';

export interface FileProblem {
  /** 1-based. */
  line: number;
  /** 1-based; the whole line when absent. */
  column?: number;
  /** The JSON field at fault, e.g. "annotations[0].codes". */
  field?: string;
  message: string;
}

export class FileProblems implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('allianceLens');
  readonly log = vscode.window.createOutputChannel('Alliance Lens', { log: true });

  /** Replaces the problems shown for the file at `uri`; none clears them. `what` names the file's kind in the log,
   * e.g. "rules file". */
  reportFileProblems(uri: vscode.Uri, what: string, problems: readonly FileProblem[]): void {
    const had = (this.diagnostics.get(uri)?.length ?? 0) > 0;
    this.diagnostics.set(uri, problems.map((problem) => {
      const line = Math.max(0, problem.line - 1);
      const column = Math.max(0, (problem.column ?? 1) - 1);
      const range = new vscode.Range(line, problem.column === undefined ? 0 : column, line, Number.MAX_SAFE_INTEGER);
      const diagnostic = new vscode.Diagnostic(range, problem.field ? `${problem.field}: ${problem.message}` : problem.message, vscode.DiagnosticSeverity.Error);
      diagnostic.source = 'Alliance Lens';
      return diagnostic;
    }));
    const where = vscode.workspace.asRelativePath(uri);
    for (const problem of problems) {
      this.log.warn(`${what} ${where}:${problem.line}: ${problem.field ? `${problem.field}: ` : ''}${problem.message}`);
    }
    if (had && problems.length === 0) this.log.info(`${what} ${where}: no problems any more`);
  }

  /** The problems shown now for `uri` (for tests). */
  shown(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.diagnostics.get(uri) ?? [];
  }

  dispose(): void {
    this.diagnostics.dispose();
    this.log.dispose();
  }
}
