// What WebVTT and SRT share: cues with a start time and text lines; a speaker from a <v Name> voice tag or a
// "Name:" prefix (same rule as labelled text) at the start of a cue line; markup stripped; consecutive cues of one
// speaker merged into one utterance whose text joins the cue lines with "\n". Every verbatim run of text keeps a
// span into the file.
import type { Role } from '../types';
import type { TranscriptBuilder } from './builder';
import { cachedSpeakerKey, matchLabel, roleWordOf } from './labels';
import { isBlank, skipSpace, trimEnd, type Lines } from './lines';
import { TextBuilder } from './text-builder';
import { isCueClock, readCueClock, type Clock } from './timestamp';
import type { WarningList } from './warnings';

export interface Cue {
  clock: Clock | null;
  /** Line indexes of the cue text. */
  textLines: number[];
}

export interface Block {
  first: number;
  /** One past the last line index. */
  end: number;
}

/** Runs of non-blank lines from `from` on. */
export function blocksOf(text: string, lines: Lines, from: number): Block[] {
  const blocks: Block[] = [];
  let i = from;
  const count = lines.starts.length;
  while (i < count) {
    while (i < count && isBlank(text, lines.starts[i], lines.ends[i])) i++;
    if (i >= count) break;
    const first = i;
    while (i < count && !isBlank(text, lines.starts[i], lines.ends[i])) i++;
    blocks.push({ first, end: i });
  }
  return blocks;
}

const TIMING = /^[ \t]*(\S+)[ \t]+-->[ \t]+(\S+)/;

/** Turns a block into a cue: an optional id line, a timing line, text lines. A block with no timing line is kept
 * (its text still counts) and reported. */
export function cueOf(text: string, lines: Lines, block: Block, isId: (line: string) => boolean, builder: TranscriptBuilder, warnings: WarningList): Cue {
  const lineText = (i: number) => text.slice(lines.starts[i], lines.ends[i]);
  let timing = -1;
  if (lineText(block.first).includes('-->')) timing = block.first;
  else if (block.first + 1 < block.end && isId(lineText(block.first)) && lineText(block.first + 1).includes('-->')) timing = block.first + 1;
  if (timing === -1) {
    warnings.add('malformed cue', block.first + 1, 'This cue has no timing line ("00:00:01.000 --> 00:00:04.000"); its text was kept without a time.');
    return { clock: null, textLines: range(block.first, block.end) };
  }
  const times = TIMING.exec(lineText(timing));
  let clock = times ? readCueClock(times[1]) : null;
  if (!times || !clock || !isCueClock(times[2])) {
    warnings.add('malformed cue', timing + 1, `Malformed cue timing "${lineText(timing).trim().slice(0, 60)}"; its text was kept without a time.`);
    clock = null;
  } else if (clock.normalised === null) {
    warnings.add('impossible timestamp', timing + 1, `Impossible timestamp ${clock.written}: minutes and seconds must be below 60. It was ignored.`);
    clock = null;
  } else {
    builder.checkOrder(clock, timing + 1);
  }
  return { clock, textLines: range(timing + 1, block.end) };
}

function range(from: number, to: number): number[] {
  const result: number[] = [];
  for (let i = from; i < to; i++) result.push(i);
  return result;
}

const VOICE = /[ \t]*<v(?:\.[^\s>]*)?[ \t]+([^>\r\n]{1,100})>/y;
const ENTITY = /&(amp|lt|gt|nbsp|quot|apos|lrm|rlm|#\d{1,6}|#x[0-9a-f]{1,6});/iy;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', nbsp: '\u00a0', quot: '"', apos: "'", lrm: '\u200e', rlm: '\u200f' };
const UNNAMED_KEY = '\u0000unnamed';
const UNNAMED_LABEL = '(no name)';

interface LineSpeaker {
  label: string;
  key: string;
  /** Where the line's text continues after the voice tag or label. */
  textStart: number;
  fromLabel: boolean;
}

export function mergeCues(
  text: string, lines: Lines, cues: readonly Cue[], declared: ReadonlyMap<string, Role>,
  builder: TranscriptBuilder, warnings: WarningList,
): void {
  // Any cue line may name a speaker: a cue sometimes holds two voices ("<v A>Hi</v>" then "<v B>Hello</v>").
  const named = new Map<number, LineSpeaker>();
  const labelUses = new Map<string, number>();
  for (const cue of cues) {
    for (const lineIndex of cue.textLines) {
      const speaker = speakerOfLine(text, lines, lineIndex);
      if (!speaker) continue;
      named.set(lineIndex, speaker);
      if (speaker.fromLabel) labelUses.set(speaker.key, (labelUses.get(speaker.key) ?? 0) + 1);
    }
  }
  const counts = (speaker: LineSpeaker) =>
    !speaker.fromLabel || (labelUses.get(speaker.key) ?? 0) >= 2 || declared.has(speaker.key) || roleWordOf(speaker.key) !== null;

  let current: { key: string; label: string; line: number; clock: Clock | null; body: TextBuilder } | null = null;
  const flush = () => {
    if (!current || current.body.isEmpty) return;
    const { text: utteranceText, spans } = current.body.build();
    const last = spans[spans.length - 1];
    const start = spans.length ? spans[0].fileStart : lines.starts[current.line - 1];
    builder.add({
      label: current.label, key: current.key, unnamed: current.key === UNNAMED_KEY, line: current.line, clock: current.clock,
      text: utteranceText, start, end: last ? last.fileStart + last.length : start, spans,
    });
  };
  for (const cue of cues) {
    for (const lineIndex of cue.textLines) {
      let speaker = named.get(lineIndex) ?? null;
      if (speaker && !counts(speaker)) {
        warnings.add('label used once', lineIndex + 1, `"${speaker.label}:" looks like a speaker label but starts a cue line only once, so it was read as ordinary text.`);
        speaker = null;
      }
      if (!current || (speaker && speaker.key !== current.key)) {
        flush();
        if (!speaker) {
          warnings.add('unnamed cue', lineIndex + 1, 'This cue names no speaker (no "<v Name>" voice tag or "Name:" prefix), '
            + `so its text was kept under "${UNNAMED_LABEL}" with the role other until a cue names someone.`);
        }
        current = {
          key: speaker?.key ?? UNNAMED_KEY, label: speaker?.label ?? UNNAMED_LABEL, line: lineIndex + 1, clock: cue.clock, body: new TextBuilder(),
        };
      } else if (!current.body.isEmpty) {
        current.body.inserted('\n');
      }
      const from = speaker ? speaker.textStart : lines.starts[lineIndex];
      appendStripped(text, skipSpace(text, from, lines.ends[lineIndex]), trimEnd(text, from, lines.ends[lineIndex]), current.body);
    }
  }
  flush();
}

function speakerOfLine(text: string, lines: Lines, lineIndex: number): LineSpeaker | null {
  const end = lines.ends[lineIndex];
  const start = afterLeadingMarkup(text, lines.starts[lineIndex], end);
  VOICE.lastIndex = start;
  const voice = VOICE.exec(text);
  if (voice && VOICE.lastIndex <= end && voice[1].trim()) {
    const label = voice[1].trim();
    return { label, key: cachedSpeakerKey(label), textStart: VOICE.lastIndex, fromLabel: false };
  }
  const label = matchLabel(text, start, end);
  return label ? { label: label.label, key: label.key, textStart: label.textStart, fromLabel: true } : null;
}

/** Skips styling before a speaker name: "<font color=…>Therapist:", "{\\an8}Client:", "<i><v Sam>". */
function afterLeadingMarkup(text: string, start: number, end: number): number {
  let at = skipSpace(text, start, end);
  for (;;) {
    const isTag = text.charCodeAt(at) === 60 /* < */ && text.charCodeAt(at + 1) !== 118 /* v */;
    const isOverride = text.charCodeAt(at) === 123 /* { */ && text.charCodeAt(at + 1) === 92 /* \\ */;
    if (!isTag && !isOverride) return at;
    const close = indexWithin(text, isTag ? '>' : '}', at, end);
    if (close === end) return at;
    at = skipSpace(text, close + 1, end);
  }
}

const MARKUP_START = /[<{&\r\n]/g;

/** Appends text[start, end) without markup: <tags> and SRT's {\override} codes are dropped, entities decoded. */
function appendStripped(text: string, start: number, end: number, body: TextBuilder): void {
  let run = start;
  let nextClose = -1;
  let nextBrace = -1;
  for (let i = start; i < end; i++) {
    // Jump to the next character that may open markup; the search stops at the line break, so it stays linear.
    MARKUP_START.lastIndex = i;
    const next = MARKUP_START.exec(text);
    if (!next || next.index >= end) break;
    i = next.index;
    const code = text.charCodeAt(i);
    if (code === 60 /* < */) {
      // Searching forward only once per line keeps a line full of "<" linear.
      if (nextClose < i) nextClose = indexWithin(text, '>', i, end);
      if (nextClose === end) continue;
      body.verbatim(text, run, i);
      i = nextClose;
      run = i + 1;
    } else if (code === 123 /* { */ && text.charCodeAt(i + 1) === 92 /* \ */) {
      if (nextBrace < i) nextBrace = indexWithin(text, '}', i, end);
      if (nextBrace === end) continue;
      body.verbatim(text, run, i);
      i = nextBrace;
      run = i + 1;
    } else if (code === 38 /* & */) {
      ENTITY.lastIndex = i;
      const entity = ENTITY.exec(text);
      if (!entity || ENTITY.lastIndex > end) continue;
      body.verbatim(text, run, i);
      body.inserted(decodeEntity(entity[1]));
      i = ENTITY.lastIndex - 1;
      run = i + 1;
    }
  }
  body.verbatim(text, run, end);
}

/** Index of `character` in text[from, end), or end. Bounded by the line, unlike indexOf. */
function indexWithin(text: string, character: string, from: number, end: number): number {
  const code = character.charCodeAt(0);
  for (let i = from; i < end; i++) {
    if (text.charCodeAt(i) === code) return i;
  }
  return end;
}

function decodeEntity(name: string): string {
  const lower = name.toLowerCase();
  if (lower.startsWith('#')) {
    const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
  }
  return ENTITIES[lower] ?? '';
}
