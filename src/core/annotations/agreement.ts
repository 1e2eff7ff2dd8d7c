// Agreement between two coders over a transcript's utterances: for each code, is it present or absent in each
// utterance? Cohen's kappa and % agreement per code (kappa from the shared statistics module), a pooled overall
// figure over every (utterance, code) decision, and the disagreements with the lines to look at.
import { cohensKappa } from '../stats/agreement';

export interface CoderSide {
  name: string;
  /** utterance index → codes. */
  codes: ReadonlyMap<number, ReadonlySet<string>>;
}

export interface AgreementUnit {
  index: number;
  line: number;
}

export interface CodeAgreement {
  code: string;
  /** null where kappa is undefined (e.g. both coders marked every utterance alike). */
  kappa: number | null;
  /** 0..100 */
  percent: number;
  both: number;
  onlyA: number;
  onlyB: number;
  neither: number;
}

export interface Disagreement {
  utterance: number;
  line: number;
  code: string;
  /** Which coder applied the code the other did not. */
  codedBy: 'a' | 'b';
}

export interface AgreementReport {
  coders: [string, string];
  units: number;
  perCode: CodeAgreement[];
  /** Pooled over every (utterance, code) pair; meanKappa averages the defined per-code kappas. */
  overall: { kappa: number | null; percent: number | null; meanKappa: number | null };
  disagreements: Disagreement[];
}

/** Compares two coders. `codes` fixes which codes are compared (default: every code either coder used), in order. */
export function compareCoders(units: readonly AgreementUnit[], a: CoderSide, b: CoderSide, codes?: readonly string[]): AgreementReport {
  const has = (side: CoderSide, index: number, code: string) => side.codes.get(index)?.has(code) ?? false;
  const compared = codes ?? usedCodes(units, [a, b]);
  const pooledA: string[] = [];
  const pooledB: string[] = [];
  const disagreements: Disagreement[] = [];
  const perCode = compared.map((code): CodeAgreement => {
    const labelsA = units.map((unit) => (has(a, unit.index, code) ? 'present' : 'absent'));
    const labelsB = units.map((unit) => (has(b, unit.index, code) ? 'present' : 'absent'));
    const counts = { both: 0, onlyA: 0, onlyB: 0, neither: 0 };
    units.forEach((unit, i) => {
      const inA = labelsA[i] === 'present';
      const inB = labelsB[i] === 'present';
      if (inA && inB) counts.both++;
      else if (inA) counts.onlyA++;
      else if (inB) counts.onlyB++;
      else counts.neither++;
      if (inA !== inB) disagreements.push({ utterance: unit.index, line: unit.line, code, codedBy: inA ? 'a' : 'b' });
    });
    pooledA.push(...labelsA);
    pooledB.push(...labelsB);
    return { code, kappa: cohensKappa(labelsA, labelsB), percent: units.length ? (100 * (counts.both + counts.neither)) / units.length : 0, ...counts };
  });
  const defined = perCode.map((entry) => entry.kappa).filter((kappa): kappa is number => kappa !== null);
  const agreeing = pooledA.filter((label, i) => label === pooledB[i]).length;
  disagreements.sort((x, y) => x.utterance - y.utterance || compared.indexOf(x.code) - compared.indexOf(y.code));
  return {
    coders: [a.name, b.name],
    units: units.length,
    perCode,
    overall: {
      kappa: pooledA.length ? cohensKappa(pooledA, pooledB) : null,
      percent: pooledA.length ? (100 * agreeing) / pooledA.length : null,
      meanKappa: defined.length ? defined.reduce((sum, kappa) => sum + kappa, 0) / defined.length : null,
    },
    disagreements,
  };
}

function usedCodes(units: readonly AgreementUnit[], sides: readonly CoderSide[]): string[] {
  const codes = new Set<string>();
  for (const side of sides) for (const unit of units) for (const code of side.codes.get(unit.index) ?? []) codes.add(code);
  return [...codes].sort();
}

/** The automatic codes as a coder, so a person can see how far to trust the highlights. */
export function automaticSide(utterances: ReadonlyArray<{ index: number; codes: readonly string[] }>, name = 'automatic'): CoderSide {
  return { name, codes: new Map(utterances.map((utterance) => [utterance.index, new Set(utterance.codes)])) };
}
