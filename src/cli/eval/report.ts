// Plain-text tables for `alliance-lens eval`.
import type { ConfusionMatrix } from '../../core/stats/agreement';
import type { MiStanceEvaluation } from './mi-stance';
import type { StanceEvaluation } from './stance';
import type { SplitEvaluation } from './utterance-eval';

const figure = (value: number | null, digits = 2) => (value === null ? 'n/a' : value.toFixed(digits));

export function table(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((cells) => (cells[column] ?? '').length)));
  return rows.map((cells) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd()).join('\n');
}

export function formatMatrix(title: string, matrix: ConfusionMatrix): string {
  const header = ['expert \\ coder', ...matrix.labels];
  const rows = matrix.labels.map((label, i) => [label, ...matrix.counts[i].map(String)]);
  return `${title}\n${table([header, ...rows]).split('\n').map((line) => `  ${line}`).join('\n')}`;
}

export function formatSplit(evaluation: SplitEvaluation): string {
  const kappaRows = evaluation.kappas.map((measure) => [
    measure.label, String(measure.n), figure(measure.kappa), `≥ ${figure(measure.goal)}`,
    measure.kappa !== null && measure.kappa >= measure.goal ? 'met' : 'NOT met',
    measure.human === null ? 'n/a' : `${figure(measure.human)} (${measure.humanSource})`,
  ]);
  const f1Rows = evaluation.f1s.map((measure) => [
    `F1 ${measure.label}`, String(measure.support), figure(measure.f1), `≥ ${figure(measure.goal)}`,
    measure.f1 !== null && measure.f1 >= measure.goal ? 'met' : 'NOT met',
    `P ${figure(measure.precision)} R ${figure(measure.recall)} · human input-subtype kappa 0.50 (AnnoMI README)`,
  ]);
  return [
    `== ${evaluation.split} split: ${evaluation.therapistRows} therapist and ${evaluation.clientRows} client utterances ==`,
    table([['measure', 'n', 'kappa', 'goal', 'status', 'human-human'], ...kappaRows, ...f1Rows]),
    '',
    ...evaluation.kappas.map((measure) => formatMatrix(`Confusion: ${measure.label}`, measure.matrix)),
    formatMatrix('Confusion: therapist input subtype', evaluation.inputMatrix),
    '',
  ].join('\n');
}

export function formatStance(evaluation: StanceEvaluation, source: string, maxMisses = 15): string {
  return [
    `== stance on ${evaluation.n} hand-labelled therapist utterances (${source}) ==`,
    `macro-F1 ${figure(evaluation.macroF1, 3)} (goal ≥ 0.85)`,
    table([['stance', 'support', 'precision', 'recall', 'F1'], ...evaluation.perClass.map((scores) => [scores.label, String(scores.support), figure(scores.precision), figure(scores.recall), figure(scores.f1)])]),
    formatMatrix('Confusion: stance', evaluation.matrix),
    ...evaluation.misses.slice(0, maxMisses).map((miss) => `  miss: expected ${miss.expected}, got ${miss.got}: ${miss.text}`),
    evaluation.misses.length > maxMisses ? `  … and ${evaluation.misses.length - maxMisses} more` : '',
    '',
  ].join('\n');
}

export function formatMiStance(evaluation: MiStanceEvaluation, source: string, maxMisses = 15): string {
  const misses = evaluation.items.filter((item) => item.stance !== null && item.stance !== item.predictedStance);
  return [
    `== stance on ${evaluation.stanceN} MITI-coded counsellor sentences (${source}) ==`,
    `macro-F1 ${figure(evaluation.macroF1, 3)} (goal ≥ 0.75) · behaviour kappa ${figure(evaluation.behaviourKappa)} on ${evaluation.behaviourN}`,
    table([['stance', 'support', 'precision', 'recall', 'F1'], ...evaluation.perClass.map((scores) => [scores.label, String(scores.support), figure(scores.precision), figure(scores.recall), figure(scores.f1)])]),
    formatMatrix('Confusion: stance', evaluation.matrix),
    formatMatrix('Confusion: behaviour', evaluation.behaviourMatrix),
    'Coder stance by source label:',
    table([['label', 'collaborative', 'directive', 'neutral'], ...evaluation.bySourceLabel.map((row) => [row.label, String(row.counts.collaborative), String(row.counts.directive), String(row.counts.neutral)])]).split('\n').map((line) => `  ${line}`).join('\n'),
    ...misses.slice(0, maxMisses).map((miss) => `  miss (${miss.sourceLabel}): expected ${miss.stance}, got ${miss.predictedStance}: ${miss.text}`),
    misses.length > maxMisses ? `  … and ${misses.length - maxMisses} more` : '',
    '',
  ].join('\n');
}
