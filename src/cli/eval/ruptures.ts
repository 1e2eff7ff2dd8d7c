// `eval --ruptures [DIR]`: 3RS rupture markers and their repair against hand-labelled transcripts. A folder holds
// NAME.transcript files and, beside each, NAME.labels.json: for every client utterance the expected marker
// (none | withdrawal | confrontation) and, for each rupture, whether the therapist repaired it within three therapist
// turns and by which 3RS move. The built-in set is test/fixtures/ruptures (written for this project).
import * as fs from 'fs';
import * as path from 'path';
import { Analyzer } from '../../core/analyzer';
import { findRepairMove } from '../../core/coding/repair-moves';
import { binaryScores, classScores, confusionMatrix, type ClassScores, type ConfusionMatrix } from '../../core/stats/agreement';
import { RUPTURE_CODES } from '../../core/summary/counts';
import { REPAIR_MOVE_NAMES } from '../../core/summary/repair-move-list';
import { linkRuptures } from '../../core/summary/ruptures';
import type { Analysis, AnalysedUtterance } from '../../core/types';

export const RUPTURE_CLASSES = ['withdrawal', 'confrontation', 'none'] as const;
export type RuptureClass = (typeof RUPTURE_CLASSES)[number];
type RuptureKind = Exclude<RuptureClass, 'none'>;

export interface RuptureLabel {
  /** Index of the utterance in the Analysis (0-based, all speakers). */
  utterance: number;
  /** The client's words, checked against the transcript so a label can never point at the wrong turn. */
  text: string;
  expected: RuptureClass;
  /** For a rupture: the 3RS moves that repaired it within three therapist turns (any of them is right), or null
   * when it was not repaired. Absent for none. */
  repair?: string[] | null;
  /** What the label depends on beyond the words: "permission" / "closed" (answers such a question), "push" (follows
   * a directive turn), "nonverbal" (a sigh or a trailing "..."), "information", "greeting", "closing". A coder that
   * reads one utterance at a time cannot see these. */
  context?: string[];
  /** One of the cases users reported. */
  userReport?: boolean;
  note?: string;
}

export interface RuptureLabelFile {
  transcript: string;
  client: RuptureLabel[];
}

export interface RuptureItem extends RuptureLabel {
  file: string;
  line: number;
  predicted: RuptureClass;
  /** Every rupture code the engine gave the utterance. */
  codes: RuptureKind[];
}

export interface RepairItem {
  file: string;
  line: number;
  text: string;
  kind: RuptureKind;
  labelRepaired: boolean;
  labelMoves: string[];
  engineRepaired: boolean;
  engineStatus: string;
  engineMove: string | null;
}

export interface RuptureEvaluation {
  files: number;
  n: number;
  perClass: ClassScores[];
  /** Rupture (either kind) against none. */
  rupture: ClassScores;
  matrix: ConfusionMatrix;
  items: RuptureItem[];
  /** Repair, judged on the labelled ruptures (the engine's repair linking fed the labelled markers, so a rupture
   * the coder missed is still scored on its repair). */
  repairs: RepairItem[];
  repairAccuracy: number | null;
  /** Of the ruptures both the label and the engine call repaired, how often the engine's move is one of the
   * labelled moves. */
  moveAccuracy: number | null;
  moveN: number;
  /** End to end: labelled ruptures the coder found with the right kind, and of those how many got the labelled
   * repair status in the engine's own summary. */
  endToEnd: { found: number; repairRight: number };
}

const MOVE_IDS = new Set(REPAIR_MOVE_NAMES.map((move) => move.id));
const CONTEXTS = new Set(['permission', 'closed', 'push', 'nonverbal', 'information', 'greeting', 'closing', 'suggestion']);

/** Reads and checks one labels file; every problem names the file and the item. */
export function parseRuptureLabels(json: string, source: string): RuptureLabelFile {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new Error(`${source}: not valid JSON (${(error as Error).message})`);
  }
  const file = data as Partial<RuptureLabelFile> | null;
  if (!file || typeof file.transcript !== 'string' || !Array.isArray(file.client)) {
    throw new Error(`${source}: expected {"transcript": "NAME.transcript", "client": [...]}`);
  }
  const client = file.client.map((raw, i) => {
    const item = raw as Partial<RuptureLabel> | null;
    const where = `${source}: item ${i + 1}`;
    if (!item || typeof item.utterance !== 'number' || typeof item.text !== 'string') throw new Error(`${where} needs "utterance" (a number) and "text"`);
    if (!RUPTURE_CLASSES.includes(item.expected as RuptureClass)) throw new Error(`${where}: "expected" must be one of ${RUPTURE_CLASSES.join(', ')}`);
    if (item.expected !== 'none') {
      if (item.repair === undefined) throw new Error(`${where}: a rupture needs "repair" (a list of moves, or null when not repaired)`);
      if (item.repair !== null && (!Array.isArray(item.repair) || item.repair.length === 0 || item.repair.some((move) => !MOVE_IDS.has(move)))) {
        throw new Error(`${where}: "repair" must be null or a list of ${[...MOVE_IDS].join(', ')}`);
      }
    } else if (item.repair !== undefined) {
      throw new Error(`${where}: only a rupture has a "repair"`);
    }
    for (const context of item.context ?? []) if (!CONTEXTS.has(context)) throw new Error(`${where}: unknown context "${context}"`);
    return item as RuptureLabel;
  });
  return { transcript: file.transcript, client };
}

export interface LabelledTranscript {
  name: string;
  text: string;
  labels: RuptureLabelFile;
}

/** NAME.labels.json and the transcript it names, for every labels file of the folder (sorted by name). */
export function readRuptureFolder(directory: string): LabelledTranscript[] {
  if (!fs.existsSync(directory) || !fs.statSync(directory).isDirectory()) throw new Error(`${directory}: no such directory`);
  const labelFiles = fs.readdirSync(directory).filter((name) => name.endsWith('.labels.json')).sort();
  if (labelFiles.length === 0) throw new Error(`${directory}: no *.labels.json files`);
  return labelFiles.map((name) => {
    const labels = parseRuptureLabels(fs.readFileSync(path.join(directory, name), 'utf8'), name);
    const transcript = path.join(directory, labels.transcript);
    if (!fs.existsSync(transcript)) throw new Error(`${name}: names ${labels.transcript}, which is missing`);
    return { name: labels.transcript, text: fs.readFileSync(transcript, 'utf8'), labels };
  });
}

function engineKinds(utterance: AnalysedUtterance): RuptureKind[] {
  return (['withdrawal', 'confrontation'] as const).filter((kind) => utterance.codes.includes(RUPTURE_CODES[kind]));
}

/** One class per utterance: the labelled kind when the engine gave it (an utterance may carry both codes), else
 * the first code the engine gave, else none. */
function predictedClass(kinds: readonly RuptureKind[], expected: RuptureClass): RuptureClass {
  if (expected !== 'none' && kinds.includes(expected)) return expected;
  return kinds[0] ?? 'none';
}

function checkedUtterance(analysis: Analysis, label: RuptureLabel, file: string): AnalysedUtterance {
  const utterance = analysis.utterances[label.utterance];
  if (!utterance) throw new Error(`${file}: the labels name utterance ${label.utterance}, the file has ${analysis.utterances.length}`);
  if (utterance.role !== 'client' || utterance.text.trim() !== label.text.trim()) {
    throw new Error(`${file}: utterance ${label.utterance} is "${utterance.text}" (${utterance.role}), the labels expect the client's "${label.text}"`);
  }
  return utterance;
}

/** The session as the engine coded it, but with the labelled rupture markers in place of the coder's, so that repair
 * linking is judged on its own. */
function withLabelledMarkers(analysis: Analysis, labels: readonly RuptureLabel[]): AnalysedUtterance[] {
  const byIndex = new Map(labels.map((label) => [label.utterance, label.expected]));
  const ruptureCodes = new Set<string>(Object.values(RUPTURE_CODES));
  return analysis.utterances.map((utterance) => {
    if (utterance.role !== 'client') return utterance;
    const expected = byIndex.get(utterance.index);
    const codes = utterance.codes.filter((code) => !ruptureCodes.has(code));
    if (expected && expected !== 'none') codes.push(RUPTURE_CODES[expected]);
    return { ...utterance, codes };
  });
}

export function evaluateRuptures(transcripts: readonly LabelledTranscript[], analyzer = new Analyzer()): RuptureEvaluation {
  const items: RuptureItem[] = [];
  const repairs: RepairItem[] = [];
  let found = 0;
  let repairRight = 0;
  for (const transcript of transcripts) {
    const analysis = analyzer.analyze(transcript.text, { fileName: transcript.name });
    const labelled = transcript.labels.client;
    const linked = linkRuptures(withLabelledMarkers(analysis, labelled), findRepairMove);
    for (const label of labelled) {
      const utterance = checkedUtterance(analysis, label, transcript.name);
      const kinds = engineKinds(utterance);
      items.push({ ...label, file: transcript.name, line: utterance.line, predicted: predictedClass(kinds, label.expected), codes: kinds });
      if (label.expected === 'none') continue;
      const kind = label.expected;
      const event = linked.find((candidate) => candidate.utteranceIndex === label.utterance && candidate.kind === kind);
      const labelRepaired = Array.isArray(label.repair);
      const engineRepaired = event?.status === 'repaired';
      repairs.push({
        file: transcript.name, line: utterance.line, text: label.text, kind, labelRepaired, labelMoves: label.repair ?? [],
        engineRepaired, engineStatus: event?.status ?? 'none', engineMove: event?.repairMove ?? null,
      });
      const own = analysis.summary.ruptureEvents.find((candidate) => candidate.utteranceIndex === label.utterance && candidate.kind === kind);
      if (own) {
        found++;
        if ((own.status === 'repaired') === labelRepaired) repairRight++;
      }
    }
  }
  const reference = items.map((item) => item.expected);
  const predicted = items.map((item) => item.predicted);
  const matrix = confusionMatrix(reference, predicted, [...RUPTURE_CLASSES]);
  const bothRepaired = repairs.filter((repair) => repair.labelRepaired && repair.engineRepaired);
  return {
    files: transcripts.length,
    n: items.length,
    perClass: classScores(matrix),
    rupture: binaryScores(reference, predicted, ['withdrawal', 'confrontation']),
    matrix,
    items,
    repairs,
    repairAccuracy: repairs.length === 0 ? null : repairs.filter((repair) => repair.labelRepaired === repair.engineRepaired).length / repairs.length,
    moveAccuracy: bothRepaired.length === 0 ? null : bothRepaired.filter((repair) => repair.labelMoves.includes(repair.engineMove ?? '')).length / bothRepaired.length,
    moveN: bothRepaired.length,
    endToEnd: { found, repairRight },
  };
}

/** The built-in labelled set, found from dist/cli.js or from the source tree. */
export function builtinRuptureDirectory(): string {
  const candidates = [path.resolve(__dirname, '..', 'test', 'fixtures', 'ruptures'), path.resolve('test', 'fixtures', 'ruptures')];
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (!found) throw new Error(`the built-in rupture set was not found (looked in ${candidates.join(', ')})`);
  return found;
}
