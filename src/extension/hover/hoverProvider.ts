// Explains a highlight on hover: what code fired, why, from which guideline, and how to switch the rule off.
import * as vscode from 'vscode';
import type { AnalysisService } from '../engine/analysisService';
import type { DocumentAnalyses } from '../documentAnalyses';
import type { Decorator } from '../decorations/decorator';
import { findingCategory, findingsAt } from '../decorations/categories';
import { DISABLE_RULE_COMMAND, hoverMarkdown } from './hoverContent';

export class FindingHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly analyses: DocumentAnalyses,
    private readonly decorator: Decorator,
    private readonly service: AnalysisService,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const analysis = this.analyses.get(document);
    const painted = this.decorator.appliedRanges(document);
    if (!analysis || !painted) return undefined;
    const offset = document.offsetAt(position);
    // Only explain what is actually highlighted (a category switched off has nothing to hover).
    const hits = findingsAt(analysis, offset).filter(({ finding }) => {
      const category = findingCategory(finding);
      return category !== null && painted[category].some((range) => range.start === finding.start && range.end === finding.end);
    });
    if (hits.length === 0) return undefined;
    const helpers = await this.service.helpers();
    const contents = hits.map(({ finding, utterance }) => {
      const markdown = new vscode.MarkdownString(hoverMarkdown(finding, utterance, helpers));
      markdown.isTrusted = { enabledCommands: [DISABLE_RULE_COMMAND] };
      return markdown;
    });
    const first = hits[0].finding;
    return new vscode.Hover(contents, new vscode.Range(document.positionAt(first.start), document.positionAt(first.end)));
  }
}
