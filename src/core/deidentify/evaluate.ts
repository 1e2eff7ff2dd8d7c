// Scoring the detector on transcripts whose identifiers are marked inline as {{category:text}}. Recall asks of
// each marked identifier whether every letter and digit of it was replaced (under any category: hidden is
// hidden); precision asks of each replacement whether it touches a marked identifier. F2 weighs recall twice,
// as de-identification should.
import { CATEGORIES, type Category } from './categories';
import { emptyKey } from './key';
import { deidentifyTranscript } from './transcript';

export interface ExpectedSpan {
  start: number;
  end: number;
  category: Category;
  text: string;
}

export interface MarkedText {
  text: string;
  expected: ExpectedSpan[];
}

const MARK = /\{\{([a-z]+):([^{}]*)\}\}/g;

export function readMarked(marked: string): MarkedText {
  const expected: ExpectedSpan[] = [];
  let text = '';
  let at = 0;
  for (const match of marked.matchAll(MARK)) {
    const category = match[1] as Category;
    if (!CATEGORIES.includes(category)) throw new Error(`unknown category '${match[1]}' in ${match[0]}`);
    text += marked.slice(at, match.index);
    expected.push({ start: text.length, end: text.length + match[2].length, category, text: match[2] });
    text += match[2];
    at = match.index + match[0].length;
  }
  return { text: text + marked.slice(at), expected };
}

export interface CategoryScore {
  category: Category | 'all';
  expected: number;
  found: number;
  /** Of the marked identifiers, how many were wholly replaced. */
  recalled: number;
  /** Of the replacements, how many touch a marked identifier. */
  correct: number;
  recall: number | null;
  precision: number | null;
  f2: number | null;
}

export interface FileScore {
  file: string;
  missed: ExpectedSpan[];
  spurious: Array<{ category: Category; text: string }>;
  /** Speaker labels in the file whose names were marked: the goal is that none is ever missed. */
  speakerNamesMissed: number;
  speakerNames: number;
  /** Why the file could not be de-identified, when it could not. */
  error?: string;
}

export interface Evaluation {
  perCategory: CategoryScore[];
  files: FileScore[];
  speakerNameRecall: number | null;
}

export function evaluateMarked(files: ReadonlyArray<{ file: string; marked: string }>): Evaluation {
  const tallies = new Map<Category | 'all', { expected: number; found: number; recalled: number; correct: number }>();
  const tally = (category: Category | 'all') => {
    let entry = tallies.get(category);
    if (!entry) tallies.set(category, (entry = { expected: 0, found: 0, recalled: 0, correct: 0 }));
    return entry;
  };
  const scores: FileScore[] = [];
  let speakerNames = 0;
  let speakerNamesMissed = 0;
  for (const { file, marked } of files) {
    const { text, expected } = readMarked(marked);
    const result = deidentifyTranscript(text, { fileName: file.replace(/\.marked$/, ''), key: emptyKey() });
    // A file the de-identifier refuses counts as nothing replaced: every identifier in it is missed.
    const replaced = result.ok ? result.replacements : [];
    const covered = new Uint8Array(text.length);
    for (const replacement of replaced) covered.fill(1, replacement.start, replacement.end);
    const score: FileScore = { file, missed: [], spurious: [], speakerNamesMissed: 0, speakerNames: 0, ...(result.ok ? {} : { error: result.error }) };
    const lineStarts = new Set([0, ...[...text.matchAll(/\n/g)].map((match) => match.index + 1)]);
    for (const span of expected) {
      const hidden = [...span.text].every((character, offset) => !/[\p{L}\p{N}]/u.test(character) || covered[span.start + offset] === 1);
      for (const category of [span.category, 'all'] as const) {
        tally(category).expected++;
        if (hidden) tally(category).recalled++;
      }
      if (!hidden) score.missed.push(span);
      // A label opens a line (labelled, Otter), a voice tag, or a front-matter role ("client: "); a name later on a
      // line that opens "Client: " is what was said, not a label.
      const isLabel = lineStarts.has(span.start) || text.slice(Math.max(0, span.start - 3), span.start) === '<v ' || /^(?:therapist|client)s?: $/i.test(text.slice(text.lastIndexOf('\n', span.start - 1) + 1, span.start));
      if (span.category === 'name' && isLabel) {
        speakerNames++;
        score.speakerNames++;
        if (!hidden) {
          speakerNamesMissed++;
          score.speakerNamesMissed++;
        }
      }
    }
    for (const replacement of replaced) {
      const right = expected.some((span) => span.start < replacement.end && replacement.start < span.end);
      for (const category of [replacement.category, 'all'] as const) {
        tally(category).found++;
        if (right) tally(category).correct++;
      }
      if (!right) score.spurious.push({ category: replacement.category, text: replacement.original });
    }
    scores.push(score);
  }
  const perCategory = [...CATEGORIES, 'all' as const].filter((category) => tallies.has(category)).map((category) => {
    const { expected, found, recalled, correct } = tally(category);
    const recall = expected ? recalled / expected : null;
    const precision = found ? correct / found : null;
    const f2 = recall !== null && precision !== null && recall + precision > 0 ? (5 * precision * recall) / (4 * precision + recall) : null;
    return { category, expected, found, recalled, correct, recall, precision, f2 };
  });
  return { perCategory, files: scores, speakerNameRecall: speakerNames ? (speakerNames - speakerNamesMissed) / speakerNames : null };
}

export function formatEvaluation(evaluation: Evaluation): string {
  const figure = (value: number | null) => (value === null ? '  -  ' : value.toFixed(3));
  const lines = ['category  expected  found  recall  precision  F2', ...evaluation.perCategory.map((score) =>
    `${score.category.padEnd(8)}  ${String(score.expected).padStart(8)}  ${String(score.found).padStart(5)}  ${figure(score.recall)}   ${figure(score.precision)}    ${figure(score.f2)}`)];
  lines.push(`speaker names: recall ${figure(evaluation.speakerNameRecall)}`);
  for (const file of evaluation.files) {
    if (file.error) lines.push(`${file.file}: not de-identified: ${file.error}`);
    // Categories and counts only: the missed text is shown because this set is made up, never for user files.
    if (file.missed.length) lines.push(`${file.file}: missed ${file.missed.map((span) => `${span.category} "${span.text}"`).join(', ')}`);
    if (file.spurious.length) lines.push(`${file.file}: also replaced ${file.spurious.map((item) => `${item.category} "${item.text}"`).join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}
