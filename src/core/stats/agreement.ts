// Agreement statistics shared by the AnnoMI evaluation and by human-vs-human coder comparisons. Pure functions
// over parallel label arrays; no I/O, no dependency on where the labels came from.

/** Counts of (reference, predicted) label pairs. `labels` lists every label seen, in first-seen order unless
 * the caller fixes the order. counts[i][j] = items whose reference is labels[i] and prediction labels[j]. */
export interface ConfusionMatrix {
  labels: string[];
  counts: number[][];
  total: number;
}

export interface ClassScores {
  label: string;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  /** How many reference items carry this label. */
  support: number;
}

function assertSameLength(reference: readonly string[], predicted: readonly string[]): void {
  if (reference.length !== predicted.length) {
    throw new RangeError(`agreement: ${reference.length} reference labels but ${predicted.length} predicted labels`);
  }
}

/** Builds the confusion matrix. Labels named in `labelOrder` come first, in that order; any other label seen is
 * appended in first-seen order, so no pair is ever dropped. */
export function confusionMatrix(
  reference: readonly string[],
  predicted: readonly string[],
  labelOrder: readonly string[] = [],
): ConfusionMatrix {
  assertSameLength(reference, predicted);
  const labels = [...labelOrder];
  const indexOf = new Map(labels.map((label, index) => [label, index]));
  const ensure = (label: string): number => {
    let index = indexOf.get(label);
    if (index === undefined) {
      index = labels.length;
      labels.push(label);
      indexOf.set(label, index);
    }
    return index;
  };
  const pairs = reference.map((label, i) => [ensure(label), ensure(predicted[i])] as const);
  const counts = labels.map(() => labels.map(() => 0));
  for (const [row, column] of pairs) counts[row][column]++;
  return { labels, counts, total: reference.length };
}

/** Cohen's kappa from a confusion matrix: (observed − expected agreement) / (1 − expected). Returns null where
 * kappa is undefined: no items, or both coders used one and the same single label throughout (expected
 * agreement is then 1 and the formula divides by zero). */
export function kappaFromMatrix(matrix: ConfusionMatrix): number | null {
  const { counts, total } = matrix;
  if (total === 0) return null;
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < counts.length; i++) {
    observed += counts[i][i];
    const rowTotal = counts[i].reduce((sum, value) => sum + value, 0);
    const columnTotal = counts.reduce((sum, row) => sum + row[i], 0);
    expected += rowTotal * columnTotal;
  }
  // Scaled by total² so the arithmetic stays in integers and only the final division rounds.
  const chance = total * total - expected;
  if (chance === 0) return null;
  return (observed * total - expected) / chance;
}

/** Cohen's kappa between two coders' labels for the same items. */
export function cohensKappa(reference: readonly string[], predicted: readonly string[]): number | null {
  return kappaFromMatrix(confusionMatrix(reference, predicted));
}

/** Per-class precision, recall and F1 (null where the denominator is zero). */
export function classScores(matrix: ConfusionMatrix): ClassScores[] {
  const { labels, counts } = matrix;
  return labels.map((label, i) => {
    const truePositive = counts[i][i];
    const support = counts[i].reduce((sum, value) => sum + value, 0);
    const predictedCount = counts.reduce((sum, row) => sum + row[i], 0);
    const precision = predictedCount === 0 ? null : truePositive / predictedCount;
    const recall = support === 0 ? null : truePositive / support;
    const f1 = precision === null || recall === null || precision + recall === 0
      ? (precision === null && recall === null ? null : 0)
      : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support };
  });
}

/** Binary precision/recall/F1 for "is `positive`" (one label or a set of labels counted as one class). */
export function binaryScores(
  reference: readonly string[],
  predicted: readonly string[],
  positive: string | readonly string[],
): ClassScores {
  assertSameLength(reference, predicted);
  const positives = new Set(typeof positive === 'string' ? [positive] : positive);
  const collapse = (label: string) => (positives.has(label) ? 'positive' : 'negative');
  const matrix = confusionMatrix(reference.map(collapse), predicted.map(collapse), ['positive', 'negative']);
  const scores = classScores(matrix)[0];
  return { ...scores, label: [...positives].join('+') };
}

/** Unweighted mean of the per-class F1 over the given labels (classes with undefined F1 count as 0). */
export function macroF1(reference: readonly string[], predicted: readonly string[], labels: readonly string[]): number {
  const matrix = confusionMatrix(reference, predicted, labels);
  const scores = classScores(matrix).filter((score) => labels.includes(score.label));
  if (scores.length === 0) return 0;
  return scores.reduce((sum, score) => sum + (score.f1 ?? 0), 0) / scores.length;
}
