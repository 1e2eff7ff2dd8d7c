// The one place that runs the pipeline: parse → code each utterance (cached) → summarise. Every front end
// (extension, CLI, worker, bench) analyses through an Analyzer, so they all see the same Analysis.
import { createCoder, type Coder, type CoderOptions } from './coding';
import { contextKey, ConversationContext, NO_CONTEXT, therapistTurnOf, type UtteranceContext } from './coding/context';
import { sessionMetadata } from './session-metadata';
import { findRepairMove } from './coding/repair-moves';
import { SummaryTally } from './summary';
import { wholeAnalysis, type AnalysisInPieces } from './analysis-in-pieces';
import { countWords, parseTranscript } from './transcript';
import type { AnalysedUtterance, Analysis, ParsedUtterance, SpeakerSummary, TextSpan, UtteranceCoding } from './types';

export { wholeAnalysis, type AnalysisInPieces } from './analysis-in-pieces';

export type AnalyzerOptions = CoderOptions;

export interface AnalyzeOptions {
  fileName?: string;
}

/** A range of the file in UTF-16 offsets, end exclusive (e.g. what an editor shows). */
export interface FileRange {
  start: number;
  end: number;
}

export interface PriorityOptions extends AnalyzeOptions {
  ranges: readonly FileRange[];
}

/** The coded utterances that overlap the requested ranges, exactly as the full analysis will have them. No summary:
 * that needs every utterance. */
export interface PriorityAnalysis {
  file: string;
  utterances: AnalysedUtterance[];
}

/** Maps an offset in an utterance's text to the file. Text between spans (joins of merged cues) maps to the
 * start of the next span, so a finding never points outside the utterance. */
export function textOffsetToFile(spans: readonly TextSpan[], textOffset: number, fallback: number): number {
  for (const span of spans) {
    if (textOffset < span.textStart) return span.fileStart;
    if (textOffset <= span.textStart + span.length) return span.fileStart + (textOffset - span.textStart);
  }
  const last = spans[spans.length - 1];
  return last ? last.fileStart + last.length : fallback;
}

export class Analyzer {
  private readonly coder: Coder;
  /** By text, then role and context (see contextKey), so an edit re-codes only the utterances it touched and the
   * replies whose context it changed. Looked up by the text alone first: a key joining the texts of two turns would
   * be built and hashed for every utterance of every analysis, a good part of an edit's cost. The
   * coder's rules never change, so its version need not be part of the key. */
  private cache: CodingCache = new Map();
  private codedSinceLastAnalysis = 0;

  constructor(options: AnalyzerOptions = {}) {
    this.coder = createCoder(options);
  }

  get ruleErrors(): Coder['ruleErrors'] {
    return this.coder.ruleErrors;
  }

  describeRule(ruleId: string): ReturnType<Coder['describeRule']> {
    return this.coder.describeRule(ruleId);
  }

  /** How many utterances the last analyze() call had to code afresh (the rest came from the cache). */
  get lastCodedCount(): number {
    return this.codedSinceLastAnalysis;
  }

  analyze(text: string, options: AnalyzeOptions = {}): Analysis {
    return wholeAnalysis(this.analyzeInPieces(text, options));
  }

  /** The same Analysis, its utterances coded one at a time as they are read and its summary kept as running totals,
   * so none of it need be held: a huge transcript can be written utterance by utterance in bounded memory. The
   * fields come in the contract's order (utterances and summary where an Analysis has them); read `utterances` once,
   * then call `summary`. `cacheLimit` caps the texts whose coding is kept for the next analysis (by default all:
   * an editor re-analysing after an edit wants them; a one-pass run over a huge file must not hold them all). */
  analyzeInPieces(text: string, options: AnalyzeOptions & { cacheLimit?: number } = {}): AnalysisInPieces {
    const parsed = parseTranscript(text, options);
    const tally = new SummaryTally(parsed.utterances, findRepairMove);
    let finished = false;
    const utterances = this.codeInOrder(parsed.utterances, options.cacheLimit ?? Infinity, (utterance) => tally.add(utterance), () => {
      finished = true;
    });
    return {
      file: options.fileName ?? '',
      format: parsed.format,
      metadata: sessionMetadata(parsed.metadata, options.fileName),
      speakers: summariseSpeakers(parsed.speakers, parsed.utterances),
      utterances,
      summary: () => {
        if (!finished) throw new Error('the summary needs every utterance: read them all first');
        return tally.finish();
      },
      warnings: parsed.refused ? [{ line: 0, message: parsed.refused }, ...parsed.warnings] : parsed.warnings,
    };
  }

  /** Codes the utterances one at a time as they are read, each in the context of the ones before it. */
  private *codeInOrder(parsed: readonly ParsedUtterance[], cacheLimit: number, onCoded: (utterance: AnalysedUtterance) => void, onDone: () => void): Generator<AnalysedUtterance> {
    const previousCache = this.cache;
    const nextCache: CodingCache = new Map();
    this.codedSinceLastAnalysis = 0;
    const conversation = new ConversationContext();
    for (const utterance of parsed) {
      const coding = this.coding(utterance, conversation.contextFor(utterance.role), previousCache, nextCache.size < cacheLimit ? nextCache : null);
      conversation.record(utterance.role, utterance.text, coding);
      const analysed = placeInFile(utterance, coding);
      onCoded(analysed);
      yield analysed;
    }
    // Keeping only this document's utterances bounds the cache by the document's size.
    this.cache = nextCache;
    onDone();
  }

  /** Codes first what the user is looking at in a large file. The whole text is parsed (roles depend on all of it:
   * front matter, question rates), but only the utterances overlapping `ranges` are coded, into the same cache, so
   * the next analyze() of this text re-codes only the rest. */
  analyzePriority(text: string, options: PriorityOptions): PriorityAnalysis {
    const parsed = parseTranscript(text, options);
    // Adds to the cache without pruning it: the full analysis that follows prunes it to this document.
    const cache = this.cache;
    this.codedSinceLastAnalysis = 0;
    const utterances = parsed.utterances
      .filter((utterance) => options.ranges.some((range) => overlaps(utterance, range)))
      .map((utterance) => placeInFile(utterance, this.coding(utterance, this.contextBefore(parsed.utterances, utterance.index, cache), cache, cache)));
    return { file: options.fileName ?? '', utterances };
  }

  /** The context of one utterance without walking the whole file: the client text before a therapist turn, or the
   * coding of the therapist turn before a client's (coded now if it was not, with its own context). */
  private contextBefore(utterances: readonly ParsedUtterance[], index: number, cache: CodingCache): UtteranceContext {
    const role = utterances[index].role;
    if (role === 'therapist') return { previousClientText: previousOf(utterances, index, 'client')?.text ?? null, previousTherapist: null };
    if (role !== 'client') return NO_CONTEXT;
    const therapist = previousOf(utterances, index, 'therapist');
    if (!therapist) return NO_CONTEXT;
    const coding = this.coding(therapist, { previousClientText: previousOf(utterances, therapist.index, 'client')?.text ?? null, previousTherapist: null }, cache, cache);
    return { previousClientText: null, previousTherapist: therapistTurnOf(coding) };
  }

  /** The utterance's coding from either cache, or coded now; recorded in `nextCache` either way (unless it is null:
   * full). */
  private coding(utterance: ParsedUtterance, context: UtteranceContext, previousCache: CodingCache, nextCache: CodingCache | null): UtteranceCoding {
    const key = contextKey(utterance.role, context);
    let coding = (nextCache && cached(nextCache, utterance, key)) ?? cached(previousCache, utterance, key);
    if (!coding) {
      coding = this.coder.codeUtterance(utterance.text, utterance.role, context);
      this.codedSinceLastAnalysis++;
    }
    if (nextCache) remember(nextCache, utterance, key, coding);
    return coding;
  }
}

interface CachedCoding {
  role: ParsedUtterance['role'];
  context: string;
  coding: UtteranceCoding;
}

type CodingCache = Map<string, CachedCoding[]>;

function cached(cache: CodingCache, utterance: ParsedUtterance, context: string): UtteranceCoding | undefined {
  const entries = cache.get(utterance.text);
  if (!entries) return undefined;
  for (const entry of entries) if (entry.role === utterance.role && entry.context === context) return entry.coding;
  return undefined;
}

function remember(cache: CodingCache, utterance: ParsedUtterance, context: string, coding: UtteranceCoding): void {
  const entries = cache.get(utterance.text);
  if (!entries) cache.set(utterance.text, [{ role: utterance.role, context, coding }]);
  else if (!entries.some((entry) => entry.role === utterance.role && entry.context === context)) entries.push({ role: utterance.role, context, coding });
}

function previousOf(utterances: readonly ParsedUtterance[], index: number, role: 'therapist' | 'client'): ParsedUtterance | undefined {
  for (let i = index - 1; i >= 0; i--) if (utterances[i].role === role) return utterances[i];
  return undefined;
}

/** Touching counts as overlapping, so an empty range (a caret) still selects the utterance it sits in. */
function overlaps(utterance: ParsedUtterance, range: FileRange): boolean {
  return range.start <= utterance.end && range.end >= utterance.start;
}

function placeInFile(utterance: ParsedUtterance, coding: UtteranceCoding): AnalysedUtterance {
  const toFile = (offset: number) => textOffsetToFile(utterance.spans, offset, utterance.start);
  return {
    index: utterance.index,
    speaker: utterance.speaker,
    role: utterance.role,
    line: utterance.line,
    timestamp: utterance.timestamp,
    text: utterance.text,
    ...coding,
    codes: [...coding.codes],
    findings: coding.findings.map((finding) => ({ ...finding, start: toFile(finding.start), end: toFile(finding.end) })),
    start: utterance.start,
    end: utterance.end,
  };
}

function summariseSpeakers(speakers: ParsedTranscriptSpeakers, utterances: readonly ParsedUtterance[]): SpeakerSummary[] {
  // One pass over the utterances: filtering them per speaker is quadratic when a file has thousands of speakers.
  const tallies = new Map<string, { turns: number; words: number }>();
  for (const utterance of utterances) {
    const tally = tallies.get(utterance.speaker) ?? { turns: 0, words: 0 };
    tally.turns++;
    tally.words += countWords(utterance.text);
    tallies.set(utterance.speaker, tally);
  }
  return speakers.map(({ label, role }) => ({ label, role, turns: tallies.get(label)?.turns ?? 0, words: tallies.get(label)?.words ?? 0 }));
}

type ParsedTranscriptSpeakers = ReturnType<typeof parseTranscript>['speakers'];

/** One-shot form of Analyzer.analyze. */
export function analyzeTranscript(text: string, options: AnalyzerOptions & AnalyzeOptions = {}): Analysis {
  return new Analyzer(options).analyze(text, options);
}
