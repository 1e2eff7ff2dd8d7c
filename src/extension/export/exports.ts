// "Export Report (Markdown)" and "Export Utterances (CSV)". The documents themselves come from the shared pure
// writers (the CLI's supervision report, the per-utterance table); this module only adds what other features
// contribute (human coding adds its sidecar and supervisor comments), asks where to save, and writes the file.
import * as vscode from 'vscode';
import { errorMessage, notify } from '../notify';
import type { Analysis } from '../../core/types';
import type { Sidecar } from '../../core/annotations/sidecar';
import { utteranceTable } from '../../core/annotations/utterance-table';
import { toCsv } from '../../core/csv';
import { markdownReport, type ReportSection } from '../../core/reports/markdown';
import type { DocumentAnalyses } from '../documentAnalyses';

/** What another feature adds to the exports of a document. */
export interface ExportContributor {
  /** Extra report sections, e.g. supervisor comments. */
  reportSections?(document: vscode.TextDocument): ReportSection[] | Promise<ReportSection[]>;
  /** The sidecar whose human codes, reviews and comments go into the CSV. */
  sidecar?(document: vscode.TextDocument): Sidecar | null | undefined | Promise<Sidecar | null | undefined>;
}

type ExportKind = 'report' | 'utterances';

const KINDS: Record<ExportKind, { suffix: string; filter: Record<string, string[]>; title: string }> = {
  report: { suffix: '.report.md', filter: { Markdown: ['md'] }, title: 'Export Report (Markdown)' },
  utterances: { suffix: '.utterances.csv', filter: { CSV: ['csv'] }, title: 'Export Utterances (CSV)' },
};

export class Exporter {
  private readonly contributors: ExportContributor[] = [];

  constructor(private readonly analyses: DocumentAnalyses) {}

  addContributor(contributor: ExportContributor): vscode.Disposable {
    this.contributors.push(contributor);
    return new vscode.Disposable(() => {
      const index = this.contributors.indexOf(contributor);
      if (index >= 0) this.contributors.splice(index, 1);
    });
  }

  async reportText(document: vscode.TextDocument, analysis: Analysis): Promise<string> {
    const sections: ReportSection[] = [];
    for (const contributor of this.contributors) sections.push(...(await contributor.reportSections?.(document) ?? []));
    return markdownReport(titledByWorkspacePath(document, analysis), sections);
  }

  async utterancesText(document: vscode.TextDocument, analysis: Analysis): Promise<string> {
    let sidecar: Sidecar | null = null;
    for (const contributor of this.contributors) sidecar ??= (await contributor.sidecar?.(document)) ?? null;
    const table = utteranceTable(titledByWorkspacePath(document, analysis), sidecar);
    return toCsv(table.header, table.rows);
  }

  /** Runs an export of the active transcript. `target` skips the save dialog (tests, scripted use). */
  async export(kind: ExportKind, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const document = vscode.window.activeTextEditor?.document;
    let analysis = document && this.analyses.latest(document);
    if (document && !analysis) analysis = await this.analyses.choose(document);
    if (!document || !analysis) {
      void vscode.window.showInformationMessage('Alliance Lens: open a transcript to export first.');
      return undefined;
    }
    const { suffix, filter, title } = KINDS[kind];
    const destination = target ?? await vscode.window.showSaveDialog({ defaultUri: defaultTarget(document, suffix), filters: filter, title });
    if (!destination) return undefined;
    const text = kind === 'report' ? await this.reportText(document, analysis) : await this.utterancesText(document, analysis);
    try {
      await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(text));
    } catch (error) {
      void notify('error', `could not write ${destination.fsPath}: ${errorMessage(error)}`);
      return undefined;
    }
    if (!target) {
      const open = 'Open';
      void vscode.window.showInformationMessage(`Alliance Lens: exported ${vscode.workspace.asRelativePath(destination)}.`, open)
        .then((choice) => (choice === open ? vscode.window.showTextDocument(destination) : undefined));
    }
    return destination;
  }
}

/** Reports and tables name the session by its path in the workspace, not the absolute path of this machine. */
function titledByWorkspacePath(document: vscode.TextDocument, analysis: Analysis): Analysis {
  return { ...analysis, file: vscode.workspace.asRelativePath(document.uri, false) };
}

function defaultTarget(document: vscode.TextDocument, suffix: string): vscode.Uri | undefined {
  if (document.isUntitled) return vscode.workspace.workspaceFolders?.[0]?.uri;
  const base = document.uri.path.replace(/\.[^./]+$/, '');
  return document.uri.with({ path: `${base}${suffix}` });
}
