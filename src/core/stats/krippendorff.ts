// Krippendorff's alpha for nominal data, the reliability figure QualCoder, ATLAS.ti and MAXQDA users expect beside
// Cohen's kappa. Computed through the coincidence matrix of Krippendorff (2011), "Computing Krippendorff's
// Alpha-Reliability": any number of coders, missing values allowed, and only pairable values count (a unit coded by
// one coder alone says nothing about agreement). Unlike Scott's pi it corrects for small samples (the n − 1).

/** One unit's values, one per coder; null where that coder gave no value. */
export type ReliabilityUnit = ReadonlyArray<string | null>;

/** Alpha (nominal) over the units, or null where it is undefined: fewer than two pairable values, or every
 * pairable value the same (no variation, so expected disagreement is zero). */
export function krippendorffAlphaNominal(units: readonly ReliabilityUnit[]): number | null {
  const coincidences = new Map<string, Map<string, number>>();
  const add = (c: string, k: string, weight: number) => {
    let row = coincidences.get(c);
    if (!row) coincidences.set(c, (row = new Map()));
    row.set(k, (row.get(k) ?? 0) + weight);
  };
  for (const unit of units) {
    const values = unit.filter((value): value is string => value !== null);
    const pairable = values.length;
    if (pairable < 2) continue;
    for (let i = 0; i < pairable; i++) {
      for (let j = 0; j < pairable; j++) if (i !== j) add(values[i]!, values[j]!, 1 / (pairable - 1));
    }
  }
  const totals = new Map<string, number>();
  let n = 0;
  let observedDisagreement = 0;
  for (const [c, row] of coincidences) {
    for (const [k, count] of row) {
      totals.set(c, (totals.get(c) ?? 0) + count);
      n += count;
      if (c !== k) observedDisagreement += count;
    }
  }
  let expectedDisagreement = 0;
  for (const [c, nc] of totals) for (const [k, nk] of totals) if (c !== k) expectedDisagreement += nc * nk;
  if (n < 2 || expectedDisagreement === 0) return null;
  return 1 - ((n - 1) * observedDisagreement) / expectedDisagreement;
}

/** Alpha for two coders' parallel labels (no missing values), the shape agreement reports use. */
export function alphaForTwoCoders(a: readonly string[], b: readonly string[]): number | null {
  if (a.length !== b.length) throw new RangeError(`alpha: ${a.length} labels from one coder but ${b.length} from the other`);
  return krippendorffAlphaNominal(a.map((label, i) => [label, b[i]!]));
}
