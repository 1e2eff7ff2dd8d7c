// Which file ranges get which highlight. Pure, so the mapping from the engine's Analysis to highlights is
// unit-tested without VS Code and the integration test can compare the editor's decorations with it.
import type { AnalysedUtterance, Analysis, Finding } from '../../core/types';

export const HIGHLIGHT_CATEGORIES = ['collaborative', 'directive', 'rupture', 'question', 'reflection'] as const;
export type HighlightCategory = (typeof HIGHLIGHT_CATEGORIES)[number];

/** The themable colours of each category (package.json contributes.colors declares exactly these). Questions and
 * reflections get no background: they are marks on whole turns and must not drown the stance highlights. */
export const CATEGORY_COLORS: Record<HighlightCategory, { border: string; background?: string }> = {
  collaborative: { border: 'allianceLens.collaborativeBorder', background: 'allianceLens.collaborativeBackground' },
  directive: { border: 'allianceLens.directiveBorder', background: 'allianceLens.directiveBackground' },
  rupture: { border: 'allianceLens.ruptureBorder', background: 'allianceLens.ruptureBackground' },
  question: { border: 'allianceLens.questionBorder' },
  reflection: { border: 'allianceLens.reflectionBorder' },
};

export interface OffsetRange {
  start: number;
  end: number;
}

export interface HighlightToggles {
  collaborative: boolean;
  directive: boolean;
  rupture: boolean;
  question: boolean;
  reflection: boolean;
}

export function isRuptureFinding(finding: Finding): boolean {
  return finding.code.startsWith('rupture.');
}

/** The category a finding is highlighted in, or null for findings that have no highlight of their own. */
export function findingCategory(finding: Finding): HighlightCategory | null {
  if (isRuptureFinding(finding)) return 'rupture';
  if (finding.stance === 'collaborative') return 'collaborative';
  if (finding.stance === 'directive') return 'directive';
  if (finding.code.startsWith('question.')) return 'question';
  if (finding.code.startsWith('reflection.')) return 'reflection';
  return null;
}

/** Utterance-level categories: a question or reflection is marked over its whole text (they are acts of the
 * whole turn, not of a few words), and a rupture code without a located finding marks the whole turn too. */
function utteranceCategories(utterance: AnalysedUtterance): HighlightCategory[] {
  const categories: HighlightCategory[] = [];
  if (utterance.question) categories.push('question');
  if (utterance.reflection) categories.push('reflection');
  const hasRuptureFinding = utterance.findings.some(isRuptureFinding);
  if (!hasRuptureFinding && utterance.codes.some((code) => code.startsWith('rupture.'))) categories.push('rupture');
  return categories;
}

/** Every range to highlight, by category, sorted by start. Categories switched off come back empty. */
/** Takes any set of analysed utterances: a full Analysis, or the preliminary one of a large file's visible range. */
export function highlightRanges(analysis: Pick<Analysis, 'utterances'>, toggles: HighlightToggles): Record<HighlightCategory, OffsetRange[]> {
  const ranges: Record<HighlightCategory, OffsetRange[]> = {
    collaborative: [], directive: [], rupture: [], question: [], reflection: [],
  };
  for (const utterance of analysis.utterances) {
    for (const finding of utterance.findings) {
      const category = findingCategory(finding);
      // Questions and reflections are marked per utterance below; their findings would only duplicate that.
      if (category && category !== 'question' && category !== 'reflection' && finding.end > finding.start) {
        ranges[category].push({ start: finding.start, end: finding.end });
      }
    }
    for (const category of utteranceCategories(utterance)) {
      if (utterance.end > utterance.start) ranges[category].push({ start: utterance.start, end: utterance.end });
    }
  }
  for (const category of HIGHLIGHT_CATEGORIES) {
    if (!toggles[category]) ranges[category] = [];
    ranges[category].sort((a, b) => a.start - b.start || a.end - b.end);
  }
  return ranges;
}

/** The findings whose range contains the offset (a hover can sit on overlapping findings). */
export function findingsAt(analysis: Analysis, offset: number): { utterance: AnalysedUtterance; finding: Finding }[] {
  const hits: { utterance: AnalysedUtterance; finding: Finding }[] = [];
  for (const utterance of analysis.utterances) {
    if (offset < utterance.start || offset > utterance.end) continue;
    for (const finding of utterance.findings) {
      if (offset >= finding.start && offset <= finding.end && findingCategory(finding)) hits.push({ utterance, finding });
    }
  }
  return hits;
}

/** The utterance whose text contains the offset. */
export function utteranceAt(analysis: Analysis, offset: number): AnalysedUtterance | undefined {
  return analysis.utterances.find((utterance) => offset >= utterance.start && offset <= utterance.end);
}
