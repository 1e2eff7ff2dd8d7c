// `eval --mi-stance DIR`: stance and behaviour against counsellor sentences coded with MITI-derived labels (a
// folder of `Therapist:` transcripts plus labels.jsonl, one row per utterance). The data stays outside the project:
// this module only reads the folder it is given.
import * as fs from 'fs';
import * as path from 'path';
import { Analyzer } from '../../core/analyzer';
import { classScores, cohensKappa, confusionMatrix, macroF1, type ClassScores, type ConfusionMatrix } from '../../core/stats/agreement';
import type { Stance } from '../../core/types';
import { STANCES } from './stance';

const BEHAVIOURS = ['question', 'reflection', 'input', 'other'] as const;

export interface MiStanceLabel {
  file: string;
  index: number;
  sourceLabel: string;
  stance: Stance | null;
  behaviour: string | null;
}

export interface MiStanceItem extends MiStanceLabel {
  text: string;
  predictedStance: Stance;
  predictedBehaviour: string | null;
  /** The rules that fired, with the stance each gives. */
  cues: { rule: string; stance: Stance }[];
}

export interface MiStanceEvaluation {
  items: MiStanceItem[];
  /** Items with a stance label (Support has none). */
  stanceN: number;
  macroF1: number;
  perClass: ClassScores[];
  matrix: ConfusionMatrix;
  behaviourN: number;
  behaviourKappa: number | null;
  behaviourMatrix: ConfusionMatrix;
  /** Predicted stance per source label, so a miss can be traced to the MITI code it belongs to. */
  bySourceLabel: { label: string; counts: Record<Stance, number> }[];
}

function readLabels(directory: string): MiStanceLabel[] {
  const file = path.join(directory, 'labels.jsonl');
  if (!fs.existsSync(file)) throw new Error(`${directory}: no labels.jsonl (expected the mi-stance folder)`);
  return fs.readFileSync(file, 'utf8').split('\n').flatMap((line, lineIndex) => {
    if (!line.trim()) return [];
    let row: Record<string, unknown>;
    try {
      row = JSON.parse(line) as Record<string, unknown>;
    } catch (error) {
      throw new Error(`${file}:${lineIndex + 1}: not valid JSON (${(error as Error).message})`);
    }
    if (typeof row.file !== 'string' || typeof row.index_in_file !== 'number') {
      throw new Error(`${file}:${lineIndex + 1}: needs "file" and "index_in_file"`);
    }
    const stance = STANCES.includes(row.stance as Stance) ? (row.stance as Stance) : null;
    return [{
      file: row.file,
      index: row.index_in_file,
      sourceLabel: String(row.source_label ?? ''),
      stance,
      behaviour: typeof row.behaviour === 'string' ? row.behaviour : null,
    }];
  });
}

export function evaluateMiStance(directory: string, analyzer = new Analyzer()): MiStanceEvaluation {
  const labels = readLabels(directory);
  const analyses = new Map<string, ReturnType<Analyzer['analyze']>>();
  const items: MiStanceItem[] = labels.map((label) => {
    let analysis = analyses.get(label.file);
    if (!analysis) {
      const transcript = path.join(directory, label.file);
      if (!fs.existsSync(transcript)) throw new Error(`${transcript}: named in labels.jsonl but missing`);
      analysis = analyzer.analyze(fs.readFileSync(transcript, 'utf8'), { fileName: label.file });
      analyses.set(label.file, analysis);
    }
    const utterance = analysis.utterances[label.index];
    if (!utterance) throw new Error(`${label.file}: labels.jsonl names utterance ${label.index}, the file has ${analysis.utterances.length}`);
    const cues = [...new Map(utterance.findings.map((finding) => [finding.rule, { rule: finding.rule, stance: finding.stance }])).values()];
    return { ...label, text: utterance.text, predictedStance: utterance.stance, predictedBehaviour: utterance.behaviour, cues };
  });

  const stanced = items.filter((item) => item.stance !== null);
  const reference = stanced.map((item) => item.stance as string);
  const predicted = stanced.map((item) => item.predictedStance);
  const matrix = confusionMatrix(reference, predicted, STANCES);
  const behaved = items.filter((item) => item.behaviour !== null);
  const behaviourReference = behaved.map((item) => item.behaviour as string);
  const behaviourPredicted = behaved.map((item) => item.predictedBehaviour ?? 'other');

  const labelNames = [...new Set(items.map((item) => item.sourceLabel))].sort();
  return {
    items,
    stanceN: stanced.length,
    macroF1: macroF1(reference, predicted, STANCES),
    perClass: classScores(matrix),
    matrix,
    behaviourN: behaved.length,
    behaviourKappa: cohensKappa(behaviourReference, behaviourPredicted),
    behaviourMatrix: confusionMatrix(behaviourReference, behaviourPredicted, [...BEHAVIOURS]),
    bySourceLabel: labelNames.map((label) => {
      const counts: Record<Stance, number> = { collaborative: 0, directive: 0, neutral: 0 };
      for (const item of items) if (item.sourceLabel === label) counts[item.predictedStance] += 1;
      return { label, counts };
    }),
  };
}
