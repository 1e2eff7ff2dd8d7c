// Which format a transcript is in, from its first lines (the file name only breaks a tie).
import type { TranscriptFormat } from '../types';
import { matchLabel } from './labels';
import { isBlank, type Lines } from './lines';
import { matchOtterHeader } from './otter';

const SRT_TIMING = /^[ \t]*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}[ \t]*-->/;
const CUE_NUMBER = /^[ \t]*\d+[ \t]*$/;
/** Enough lines to see a format's shape without reading a whole large file twice. */
const SAMPLE_LINES = 400;

export function detectFormat(text: string, lines: Lines, bodyLine: number, fileName = ''): TranscriptFormat {
  const count = lines.starts.length;
  const lineText = (i: number) => text.slice(lines.starts[i], lines.ends[i]);
  let first = bodyLine;
  while (first < count && isBlank(text, lines.starts[first], lines.ends[first])) first++;
  if (first >= count) return fromExtension(fileName) ?? 'labeled';
  const firstLine = lineText(first);
  if (/^[ \t]*WEBVTT(?:[ \t]|$)/.test(firstLine)) return 'webvtt';
  if (SRT_TIMING.test(firstLine) || (CUE_NUMBER.test(firstLine) && first + 1 < count && SRT_TIMING.test(lineText(first + 1)))) return 'srt';
  let labels = 0;
  let otterHeaders = 0;
  for (let i = first; i < count && i < first + SAMPLE_LINES; i++) {
    if (matchOtterHeader(text, lines.starts[i], lines.ends[i])) otterHeaders++;
    else if (matchLabel(text, lines.starts[i], lines.ends[i])) labels++;
  }
  if (otterHeaders > 0 && otterHeaders >= labels) return 'otter';
  const hinted = fromExtension(fileName);
  return labels === 0 && hinted ? hinted : 'labeled';
}

function fromExtension(fileName: string): TranscriptFormat | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.vtt')) return 'webvtt';
  if (lower.endsWith('.srt')) return 'srt';
  return null;
}
