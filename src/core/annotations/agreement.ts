// Agreement between two coders over a transcript's utterances: for each code, is it present or absent in each
// utterance? Cohen's kappa, Krippendorff's alpha and % agreement per code, a pooled overall figure over every
// (utterance, code) decision, and the disagreements with the lines to look at. Each code is compared only over the
// utterances it can describe (a therapist code over therapist turns), and, when asked, only over the utterances a
// person actually reviewed: an utterance they never looked at is not a "no".
import type { Role } from '../types';
import { builtInCodeName } from './codebook';
import { cohensKappa } from '../stats/agreement';
import { alphaForTwoCoders } from '../stats/krippendorff';

export interface CoderSide {
  name: string;
  /** utterance index → codes. */
  codes: ReadonlyMap<number, ReadonlySet<string>>;
}

export interface AgreementUnit {
  index: number;
  line: number;
  /** The speaker's role; without it the unit counts for every code. */
  role?: Role;
}

export interface CompareOptions {
  /** Which codes are compared, in order (default: every code either coder used in the compared units). */
  codes?: readonly string[];
  /** The role a code applies to (null: any); see code-roles.ts. Default: every code applies to every unit. */
  roleOf?: (code: string) => Role | null;
  /** Only these utterance indices are compared (what a person reviewed); default: all units. */
  reviewed?: ReadonlySet<number>;
}

/** Below this many compared utterances a kappa or alpha says little: one disagreement more or less swings it. */
export const MIN_UNITS_FOR_RELIABILITY = 20;

export interface CodeAgreement {
  code: string;
  /** How many utterances this code was compared over (its role's, within the reviewed ones). */
  units: number;
  /** null where kappa is undefined (e.g. both coders marked every utterance alike). */
  kappa: number | null;
  /** Krippendorff's alpha (nominal); null where undefined, as for kappa. */
  alpha: number | null;
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
  /** Utterances compared (for at least one code). */
  units: number;
  /** What was compared out of what there is: `scope` 'reviewed' when limited to what a person reviewed. */
  coverage: { compared: number; total: number; scope: 'all' | 'reviewed' };
  perCode: CodeAgreement[];
  /** Pooled over every (utterance, code) pair; meanKappa averages the defined per-code kappas. */
  overall: { kappa: number | null; alpha: number | null; percent: number | null; meanKappa: number | null };
  disagreements: Disagreement[];
  /** Plain-language cautions: too few utterances compared, codes compared over too few. */
  warnings: string[];
}

/** Compares two coders over `units` (all of the transcript's utterances). */
export function compareCoders(units: readonly AgreementUnit[], a: CoderSide, b: CoderSide, options: CompareOptions = {}): AgreementReport {
  const has = (side: CoderSide, index: number, code: string) => side.codes.get(index)?.has(code) ?? false;
  const inScope = options.reviewed ? units.filter((unit) => options.reviewed!.has(unit.index)) : [...units];
  const unitsFor = (code: string) => {
    const role = options.roleOf?.(code) ?? null;
    return role === null ? inScope : inScope.filter((unit) => unit.role === undefined || unit.role === role);
  };
  const compared = options.codes ?? usedCodes(inScope, [a, b]);
  const pooledA: string[] = [];
  const pooledB: string[] = [];
  const comparedUnits = new Set<number>();
  const disagreements: Disagreement[] = [];
  const perCode = compared.map((code): CodeAgreement => {
    const codeUnits = unitsFor(code);
    const labelsA = codeUnits.map((unit) => (has(a, unit.index, code) ? 'present' : 'absent'));
    const labelsB = codeUnits.map((unit) => (has(b, unit.index, code) ? 'present' : 'absent'));
    const counts = { both: 0, onlyA: 0, onlyB: 0, neither: 0 };
    codeUnits.forEach((unit, i) => {
      comparedUnits.add(unit.index);
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
    return {
      code,
      units: codeUnits.length,
      kappa: cohensKappa(labelsA, labelsB),
      alpha: alphaForTwoCoders(labelsA, labelsB),
      percent: codeUnits.length ? (100 * (counts.both + counts.neither)) / codeUnits.length : 0,
      ...counts,
    };
  });
  const defined = perCode.map((entry) => entry.kappa).filter((kappa): kappa is number => kappa !== null);
  const agreeing = pooledA.filter((label, i) => label === pooledB[i]).length;
  disagreements.sort((x, y) => x.utterance - y.utterance || compared.indexOf(x.code) - compared.indexOf(y.code));
  const coverage = { compared: comparedUnits.size, total: units.length, scope: options.reviewed ? 'reviewed' as const : 'all' as const };
  return {
    coders: [a.name, b.name],
    units: comparedUnits.size,
    coverage,
    perCode,
    overall: {
      kappa: pooledA.length ? cohensKappa(pooledA, pooledB) : null,
      alpha: pooledA.length ? alphaForTwoCoders(pooledA, pooledB) : null,
      percent: pooledA.length ? (100 * agreeing) / pooledA.length : null,
      meanKappa: defined.length ? defined.reduce((sum, kappa) => sum + kappa, 0) / defined.length : null,
    },
    disagreements,
    warnings: reliabilityWarnings(coverage, perCode),
  };
}

function reliabilityWarnings(coverage: AgreementReport['coverage'], perCode: readonly CodeAgreement[]): string[] {
  const warnings: string[] = [];
  const plural = (count: number) => `${count} utterance${count === 1 ? '' : 's'}`;
  if (coverage.compared < MIN_UNITS_FOR_RELIABILITY) {
    const reviewed = coverage.scope === 'reviewed' ? ' reviewed' : '';
    warnings.push(`Only ${plural(coverage.compared)}${reviewed} out of ${coverage.total} were compared: too few for kappa or alpha to mean anything (at least ${MIN_UNITS_FOR_RELIABILITY} are needed). Read the disagreements one by one instead.`);
  }
  const thin = perCode.filter((entry) => entry.units < MIN_UNITS_FOR_RELIABILITY);
  if (thin.length && coverage.compared >= MIN_UNITS_FOR_RELIABILITY) {
    const names = thin.map((entry) => builtInCodeName(entry.code)).join(', ');
    warnings.push(`Compared over fewer than ${MIN_UNITS_FOR_RELIABILITY} utterances of the role they apply to, so their kappa and alpha say little: ${names}.`);
  }
  return warnings;
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
