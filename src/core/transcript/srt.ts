// SRT subtitles: numbered cues, "hh:mm:ss,mmm --> hh:mm:ss,mmm", then the text.
import type { Role } from '../types';
import type { TranscriptBuilder } from './builder';
import { blocksOf, cueOf, mergeCues } from './cues';
import type { Lines } from './lines';
import type { WarningList } from './warnings';

const CUE_NUMBER = /^[ \t]*\d+[ \t]*$/;

export function parseSrt(
  text: string, lines: Lines, bodyLine: number, declared: ReadonlyMap<string, Role>,
  builder: TranscriptBuilder, warnings: WarningList,
): void {
  const cues = blocksOf(text, lines, bodyLine).map((block) => cueOf(text, lines, block, (line) => CUE_NUMBER.test(line), builder, warnings));
  mergeCues(text, lines, cues, declared, builder, warnings);
}
