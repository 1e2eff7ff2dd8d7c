// Plain-text report of `alliance-lens eval --ruptures`.
import { formatMatrix, table } from './report';
import type { RepairItem, RuptureEvaluation, RuptureItem } from './ruptures';

const figure = (value: number | null, digits = 2) => (value === null ? 'n/a' : value.toFixed(digits));
const percent = (part: number, whole: number) => (whole === 0 ? 'n/a' : `${part}/${whole} (${((100 * part) / whole).toFixed(0)} %)`);

const tags = (item: RuptureItem) => [
  ...(item.context?.length ? [`context: ${item.context.join(', ')}`] : []),
  ...(item.userReport ? ['user report'] : []),
].join('; ');

function describeMiss(item: RuptureItem): string {
  const extra = tags(item);
  return `  ${item.file}:${item.line}  expected ${item.expected}, got ${item.predicted}${extra ? ` [${extra}]` : ''}: ${item.text}`;
}

function describeRepairMiss(repair: RepairItem): string {
  const label = repair.labelRepaired ? `repaired by ${repair.labelMoves.join(' or ')}` : 'not repaired';
  const engine = repair.engineRepaired ? `repaired by ${repair.engineMove}` : repair.engineStatus;
  return `  ${repair.file}:${repair.line}  ${repair.kind}: label ${label}, engine ${engine}: ${repair.text}`;
}

/** Misses that depend on what the label marks as context (the previous therapist turn, a sigh): a coder that reads one
 * utterance's words cannot get them right, so they are counted apart. */
export const needsContext = (item: RuptureItem) => (item.context?.length ?? 0) > 0;

export function formatRuptures(evaluation: RuptureEvaluation, source: string, maxMisses = 40): string {
  const misses = evaluation.items.filter((item) => item.predicted !== item.expected);
  const repairMisses = evaluation.repairs.filter((repair) => repair.labelRepaired !== repair.engineRepaired
    || (repair.labelRepaired && repair.engineRepaired && !repair.labelMoves.includes(repair.engineMove ?? '')));
  const labelledRuptures = evaluation.items.filter((item) => item.expected !== 'none').length;
  const shown = [...misses.filter((item) => !needsContext(item)), ...misses.filter(needsContext)].slice(0, maxMisses);
  return [
    `== 3RS rupture markers on ${evaluation.n} labelled client utterances in ${evaluation.files} transcripts (${source}) ==`,
    `rupture vs none: F1 ${figure(evaluation.rupture.f1, 3)} (P ${figure(evaluation.rupture.precision)} R ${figure(evaluation.rupture.recall)}, ${evaluation.rupture.support} labelled ruptures)`,
    table([['marker', 'support', 'precision', 'recall', 'F1'], ...evaluation.perClass.map((scores) => [scores.label, String(scores.support), figure(scores.precision), figure(scores.recall), figure(scores.f1)])]),
    formatMatrix('Confusion: rupture marker (rows: label, columns: engine)', evaluation.matrix).replace('expert \\ coder', 'label \\ engine'),
    '',
    `Repair within three therapist turns, on the ${evaluation.repairs.length} labelled ruptures: accuracy ${figure(evaluation.repairAccuracy, 3)}`
      + ` (${evaluation.repairs.filter((repair) => repair.labelRepaired).length} labelled repaired, ${evaluation.repairs.filter((repair) => !repair.labelRepaired).length} not)`,
    `  repair move agrees with the label where both say repaired: ${figure(evaluation.moveAccuracy, 3)} on ${evaluation.moveN}`,
    `  end to end: the coder found ${percent(evaluation.endToEnd.found, labelledRuptures)} labelled ruptures with the right kind;`
      + ` repair status right on ${percent(evaluation.endToEnd.repairRight, evaluation.endToEnd.found)} of those`,
    '',
    `Marker misses: ${misses.length} (${misses.filter(needsContext).length} on replies whose label depends on context the words do not carry)`,
    ...shown.map(describeMiss),
    misses.length > shown.length ? `  … and ${misses.length - shown.length} more` : '',
    `Repair misses: ${repairMisses.length}`,
    ...repairMisses.slice(0, maxMisses).map(describeRepairMiss),
    repairMisses.length > maxMisses ? `  … and ${repairMisses.length - maxMisses} more` : '',
    '',
  ].filter((line, i, lines) => line !== '' || lines[i - 1] !== '').join('\n');
}
