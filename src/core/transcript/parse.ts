// Transcript parsing: format detection, then one parser per format (labeled, webvtt, srt, otter), roles, and
// warnings for whatever looks wrong. Never throws: suspicious input gives warnings, binary input is refused.
import type { ParsedTranscript, Role, TranscriptFormat } from '../types';
import { TranscriptBuilder } from './builder';
import { detectFormat } from './detect';
import { readFrontMatter } from './front-matter';
import { parseLabeled } from './labeled';
import { splitLines, type Lines } from './lines';
import { parseOtter } from './otter';
import { parseSrt } from './srt';
import { WarningList } from './warnings';
import { parseWebVtt } from './webvtt';

export interface ParseOptions {
  fileName?: string;
}

type FormatParser = (text: string, lines: Lines, bodyLine: number, declared: ReadonlyMap<string, Role>,
  builder: TranscriptBuilder, warnings: WarningList) => void;

const PARSERS: Record<TranscriptFormat, FormatParser> = {
  labeled: parseLabeled,
  webvtt: parseWebVtt,
  srt: parseSrt,
  otter: parseOtter,
};

const NO_TURNS_HELP = {
  labeled: 'Start each turn with a speaker label and a colon, e.g. "Therapist: How was your week?" or "C: Better."',
  webvtt: 'Name speakers with voice tags ("<v Dr. Lee>How was your week?") or a "Name:" prefix in each cue.',
  srt: 'Name speakers with a "Name:" prefix in each cue, e.g. "Therapist: How was your week?".',
  otter: 'Each turn starts with a header line "Name  0:05" (name, two spaces, time).',
} satisfies Record<TranscriptFormat, string>;

export function parseTranscript(text: string, options: ParseOptions = {}): ParsedTranscript {
  const warnings = new WarningList();
  // dist/core.js is also called from plain JavaScript, where nothing checks the argument's type.
  if (typeof text !== 'string') {
    return { format: 'labeled', speakers: [], utterances: [], metadata: {}, warnings: [], refused: `Expected the transcript as text, got ${typeof text}.` };
  }
  if (text.indexOf('\u0000') !== -1) {
    return {
      format: 'labeled', speakers: [], utterances: [], metadata: {}, warnings: [],
      refused: 'This file contains NUL bytes, so it looks binary (or is UTF-16 encoded) rather than a text transcript; it was not read.',
    };
  }
  if (!/\S/.test(text)) {
    warnings.add('empty', 0, 'The transcript is empty.');
    return { format: 'labeled', speakers: [], utterances: [], metadata: {}, warnings: warnings.toArray() };
  }
  try {
    return parseText(text, options, warnings);
  } catch (error) {
    // A bug must not take the editor or a batch run down: report it as a warning and return what is known.
    warnings.add('internal', 0, `The transcript could not be parsed (${error instanceof Error ? error.message : String(error)}); please report this.`);
    return { format: 'labeled', speakers: [], utterances: [], metadata: {}, warnings: warnings.toArray() };
  }
}

function parseText(text: string, options: ParseOptions, warnings: WarningList): ParsedTranscript {
  const lines = splitLines(text);
  const frontMatter = readFrontMatter(text, lines, warnings);
  const format = detectFormat(text, lines, frontMatter.bodyLine, options.fileName);
  const builder = new TranscriptBuilder(warnings);
  PARSERS[format](text, lines, frontMatter.bodyLine, frontMatter.roles, builder, warnings);
  const { speakers, utterances } = builder.finish(frontMatter.roles);
  if (utterances.length === 0) warnings.add('no turns', 0, `No speaker turns found. ${NO_TURNS_HELP[format]}`);
  return { format, speakers, utterances, metadata: frontMatter.metadata, warnings: warnings.toArray() };
}
