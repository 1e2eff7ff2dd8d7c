// WebVTT (Zoom, Teams): a WEBVTT header block, then cues; NOTE, STYLE and REGION blocks carry no speech.
import type { Role } from '../types';
import type { TranscriptBuilder } from './builder';
import { blocksOf, cueOf, mergeCues, type Cue } from './cues';
import type { Lines } from './lines';
import type { WarningList } from './warnings';

const NON_CUE_BLOCK = /^[ \t]*(?:NOTE|STYLE|REGION)(?:[ \t]|$)/;

export function parseWebVtt(
  text: string, lines: Lines, headerLine: number, declared: ReadonlyMap<string, Role>,
  builder: TranscriptBuilder, warnings: WarningList,
): void {
  const [header, ...blocks] = blocksOf(text, lines, headerLine);
  const cues: Cue[] = [];
  // The header block is "WEBVTT" and optional header lines; a cue written right under it still counts.
  if (header) {
    const timing = findTiming(text, lines, header.first, header.end);
    if (timing !== -1) blocks.unshift({ first: timing > header.first + 1 ? timing - 1 : timing, end: header.end });
  }
  for (const block of blocks) {
    if (NON_CUE_BLOCK.test(text.slice(lines.starts[block.first], lines.ends[block.first]))) continue;
    cues.push(cueOf(text, lines, block, () => true, builder, warnings));
  }
  mergeCues(text, lines, cues, declared, builder, warnings);
}

function findTiming(text: string, lines: Lines, from: number, to: number): number {
  for (let i = from + 1; i < to; i++) {
    if (text.slice(lines.starts[i], lines.ends[i]).includes('-->')) return i;
  }
  return -1;
}
