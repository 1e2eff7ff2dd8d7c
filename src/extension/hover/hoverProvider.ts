// Explains a highlight on hover: what code fired, why, from which guideline, and how to switch the rule off.
import * as vscode from 'vscode';
import type { AnalysisService } from '../engine/analysisService';
import type { DocumentAnalyses } from '../documentAnalyses';
import type { Decorator } from '../decorations/decorator';
import { findingCategory, findingsAt, utteranceAt } from '../decorations/categories';
import { DISABLE_RULE_COMMAND, hoverMarkdown, utteranceActMarkdown } from './hoverContent';

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
    if (hits.length === 0) return this.utteranceActHover(document, offset, painted);
    const helpers = await this.service.helpers();
    const contents = hits.map(({ finding, utterance }) => {
      const markdown = new vscode.MarkdownString(hoverMarkdown(finding, utterance, helpers));
      markdown.isTrusted = { enabledCommands: [DISABLE_RULE_COMMAND] };
      return markdown;
    });
    const first = hits[0].finding;
    return new vscode.Hover(contents, new vscode.Range(document.positionAt(first.start), document.positionAt(first.end)));
  }

  /** Questions and reflections (when their highlight is on) are marked over the whole turn: explain those too. */
  private async utteranceActHover(document: vscode.TextDocument, offset: number, painted: NonNullable<ReturnType<Decorator['appliedRanges']>>): Promise<vscode.Hover | undefined> {
    const analysis = this.analyses.get(document);
    const utterance = analysis && utteranceAt(analysis, offset);
    if (!utterance) return undefined;
    const acts = (['question', 'reflection'] as const).filter((act) =>
      painted[act].some((range) => range.start === utterance.start && range.end === utterance.end));
    if (acts.length === 0) return undefined;
    const helpers = await this.service.helpers();
    const range = new vscode.Range(document.positionAt(utterance.start), document.positionAt(utterance.end));
    return new vscode.Hover(acts.map((act) => new vscode.MarkdownString(utteranceActMarkdown(utterance, act, helpers))), range);
  }
}
