// How well one session-level score agrees with experts' own counts over a set of sessions: the intraclass
// correlation ICC(2,1) (two-way random effects, absolute agreement, single rater; Shrout & Fleiss 1979), which
// punishes a systematic offset as well as scatter, and Spearman's rho, which asks only whether the order of the
// sessions agrees. Pure arithmetic, no engine.

/** Pairs where either value is missing (e.g. R:Q in a session without questions) are left out. */
function completePairs(first: readonly (number | null)[], second: readonly (number | null)[]): [number, number][] {
  if (first.length !== second.length) throw new RangeError(`${first.length} scores against ${second.length}`);
  const pairs: [number, number][] = [];
  first.forEach((value, position) => {
    const other = second[position];
    if (value !== null && other !== null && Number.isFinite(value) && Number.isFinite(other)) pairs.push([value, other]);
  });
  return pairs;
}

/** ICC(2,1) of two raters over the same sessions, or null with fewer than three complete sessions or no variance. */
export function icc21(rater: readonly (number | null)[], reference: readonly (number | null)[]): number | null {
  return iccTwoWayRandomSingle(completePairs(rater, reference));
}

/** ICC(2,1) of a complete subjects × raters table (every row the same length ≥ 2). */
export function iccTwoWayRandomSingle(table: readonly (readonly number[])[]): number | null {
  const n = table.length;
  const k = table[0]?.length ?? 0;
  if (n < 3 || k < 2) return null;
  const grand = table.reduce((sum, row) => sum + row.reduce((rowSum, value) => rowSum + value, 0), 0) / (n * k);
  const rowMeans = table.map((row) => row.reduce((sum, value) => sum + value, 0) / k);
  const columnMeans = Array.from({ length: k }, (_, column) => table.reduce((sum, row) => sum + row[column], 0) / n);
  const rowsSquares = k * rowMeans.reduce((sum, mean) => sum + (mean - grand) ** 2, 0);
  const columnsSquares = n * columnMeans.reduce((sum, mean) => sum + (mean - grand) ** 2, 0);
  const totalSquares = table.reduce((sum, row) => sum + row.reduce((rowSum, value) => rowSum + (value - grand) ** 2, 0), 0);
  const msRows = rowsSquares / (n - 1);
  const msColumns = columnsSquares / (k - 1);
  const msError = (totalSquares - rowsSquares - columnsSquares) / ((n - 1) * (k - 1));
  const denominator = msRows + (k - 1) * msError + (k * (msColumns - msError)) / n;
  return denominator > 0 ? (msRows - msError) / denominator : null;
}

/** Mid-ranks (1-based; ties share their average rank). */
function ranks(values: readonly number[]): number[] {
  const order = values.map((value, position) => ({ value, position })).sort((a, b) => a.value - b.value);
  const result = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1].value === order[start].value) end++;
    for (let k = start; k <= end; k++) result[order[k].position] = (start + end) / 2 + 1;
    start = end + 1;
  }
  return result;
}

function pearson(first: readonly number[], second: readonly number[]): number | null {
  const n = first.length;
  const meanFirst = first.reduce((sum, value) => sum + value, 0) / n;
  const meanSecond = second.reduce((sum, value) => sum + value, 0) / n;
  let products = 0;
  let squaresFirst = 0;
  let squaresSecond = 0;
  for (let i = 0; i < n; i++) {
    products += (first[i] - meanFirst) * (second[i] - meanSecond);
    squaresFirst += (first[i] - meanFirst) ** 2;
    squaresSecond += (second[i] - meanSecond) ** 2;
  }
  return squaresFirst > 0 && squaresSecond > 0 ? products / Math.sqrt(squaresFirst * squaresSecond) : null;
}

/** Spearman's rho (Pearson's r on mid-ranks, so ties are handled), or null with fewer than three sessions. */
export function spearman(first: readonly (number | null)[], second: readonly (number | null)[]): number | null {
  const pairs = completePairs(first, second);
  if (pairs.length < 3) return null;
  return pearson(ranks(pairs.map(([a]) => a)), ranks(pairs.map(([, b]) => b)));
}

/** Complete sessions behind a figure. */
export function completeSessions(first: readonly (number | null)[], second: readonly (number | null)[]): number {
  return completePairs(first, second).length;
}
