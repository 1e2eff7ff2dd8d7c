// Turns an Analysis into what the Summary panel shows. Pure, so every number on the panel is unit-tested.
import { describeThresholds } from '../../core/summary/bands';
import { bandIsTrusted, estimateBrief, estimateNote, type ScoreTrust, type SessionScoreId } from '../../core/summary/score-agreement';
import type { IndexBreakdown } from '../../core/summary/alliance-index';
import type { Analysis } from '../../core/types';
import type { EngineHelpers } from '../engine/analysisService';
import type { SummaryModel } from '../../shared/protocol';

const MOMENTS_PER_STANCE = 3;
const MOMENT_TEXT_LIMIT = 160;

function formatRatio(value: number | null): string | null {
  return value === null ? null : `${value.toFixed(1)}:1`;
}

/** The engine's percentages run 0..100. */
function formatPercent(value: number | null): string | null {
  return value === null ? null : `${Math.round(value)}%`;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MOMENT_TEXT_LIMIT ? `${flat.slice(0, MOMENT_TEXT_LIMIT - 1)}…` : flat;
}


/** Components as the formula reads them, two decimals, signed where they can go below zero. */
function indexParts(breakdown: IndexBreakdown): NonNullable<SummaryModel['allianceIndexParts']> {
  const tenth = (value: number) => Math.round(value * 10) / 10 || 0;
  return {
    base: breakdown.base,
    terms: breakdown.contributions.map(({ label, value, weight, points }) => ({
      label, weight, points: tenth(points), value: (Math.round(value * 100) / 100 || 0).toFixed(2),
    })),
    raw: tenth(breakdown.raw),
    min: breakdown.min,
    max: breakdown.max,
  };
}

export function fileBaseName(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts[parts.length - 1] || file;
}

/** `trusted` says which scores agree with experts well enough to carry a band (the measured table, unless a test
 * says otherwise); the others are marked as estimates. */
export function buildSummaryModel(
  analysis: Analysis, helpers: Pick<EngineHelpers, 'topMoments' | 'allianceIndexFormula' | 'indexBreakdown'>, trusted: ScoreTrust = bandIsTrusted,
): SummaryModel {
  const { summary } = analysis;
  const bandIf = <T>(id: SessionScoreId, band: T | null | undefined) => (trusted(id) ? band ?? null : null);
  const estimateIf = (id: SessionScoreId) => (trusted(id) ? { estimate: null, estimateBrief: null } : { estimate: estimateNote(id), estimateBrief: estimateBrief(id) });
  const moments = helpers.topMoments(analysis.utterances, MOMENTS_PER_STANCE);
  const toMoment = (moment: { utteranceIndex: number; line: number; text: string }) =>
    ({ utteranceIndex: moment.utteranceIndex, line: moment.line, text: shorten(moment.text) });
  return {
    fileName: fileBaseName(analysis.file),
    format: analysis.format,
    speakers: analysis.speakers.map(({ label, role, turns, words }) => ({ label, role, turns, words })),
    allianceIndex: Math.round(summary.allianceIndex),
    allianceIndexFormula: helpers.allianceIndexFormula,
    allianceIndexParts: indexParts(helpers.indexBreakdown(analysis.utterances, summary.ruptureEvents ?? [])),
    scores: [
      {
        id: 'reflectionToQuestion', name: 'Reflection-to-question ratio', value: formatRatio(summary.reflectionToQuestion),
        band: bandIf('reflectionToQuestion', summary.bands?.reflectionToQuestion),
        thresholds: `MITI 4.2.1: ${describeThresholds('reflectionToQuestion')}`, ...estimateIf('reflectionToQuestion'),
      },
      {
        id: 'percentComplexReflections', name: 'Complex reflections', value: formatPercent(summary.percentComplexReflections),
        band: bandIf('percentComplexReflections', summary.bands?.percentComplexReflections),
        thresholds: `MITI 4.2.1: ${describeThresholds('percentComplexReflections')}`, ...estimateIf('percentComplexReflections'),
      },
      {
        id: 'percentOpenQuestions', name: 'Open questions', value: formatPercent(summary.percentOpenQuestions),
        band: null, thresholds: 'share of all questions (no MITI 4.2.1 band)', ...estimateIf('percentOpenQuestions'),
      },
    ],
    talk: { therapistWords: summary.therapistWords, clientWords: summary.clientWords, clientTalkShare: summary.clientTalkShare },
    balance: { collaborative: summary.collaborative, directive: summary.directive },
    timeline: summary.timeline.map(({ startLine, endLine, collaborative, directive, allianceIndex }) =>
      ({ startLine, endLine, collaborative, directive, allianceIndex })),
    ruptures: (summary.ruptureEvents ?? []).map(({ kind, line, status, responseLine }) => ({ kind, line, status, responseLine })),
    moments: { collaborative: moments.collaborative.map(toMoment), directive: moments.directive.map(toMoment) },
    warnings: analysis.warnings.slice(0, 20),
  };
}
