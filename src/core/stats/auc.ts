// Area under the ROC curve, computed as the Mann-Whitney probability that a randomly chosen positive case scores
// higher than a randomly chosen negative one (ties count one half). Exact, no curve interpolation.

/** AUC of `scores` for separating positives (labels true) from negatives, or null when either class is empty.
 * Cases whose score is null (undefined for that session) are left out. */
export function auc(scores: readonly (number | null)[], labels: readonly boolean[]): number | null {
  if (scores.length !== labels.length) throw new RangeError(`auc: ${scores.length} scores but ${labels.length} labels`);
  const ranked = scores
    .map((score, position) => ({ score, positive: labels[position] }))
    .filter((item): item is { score: number; positive: boolean } => item.score !== null && Number.isFinite(item.score))
    .sort((a, b) => a.score - b.score);
  const positives = ranked.filter((item) => item.positive).length;
  const negatives = ranked.length - positives;
  if (positives === 0 || negatives === 0) return null;
  // Sum of the positives' mid-ranks (tied scores share the average rank), then Mann-Whitney U.
  let positiveRankSum = 0;
  for (let start = 0; start < ranked.length; ) {
    let end = start;
    while (end + 1 < ranked.length && ranked[end + 1].score === ranked[start].score) end++;
    const midRank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) if (ranked[k].positive) positiveRankSum += midRank;
    start = end + 1;
  }
  const u = positiveRankSum - (positives * (positives + 1)) / 2;
  return u / (positives * negatives);
}
