// Otter.ai exports: a header line "Name  m:ss" (name, two or more spaces or a tab, a time), then the text lines
// up to the next header. Otter's closing "Transcribed by https://otter.ai" line is not speech.
import type { Role } from '../types';
import type { TranscriptBuilder } from './builder';
import { speakerKey } from './labels';
import { skipSpace, trimEnd, type Lines } from './lines';

const WORD = String.raw`[@#]?[\p{L}\p{N}][\p{L}\p{N}\p{M}.'’_&()\-]{0,39}`;
const HEADER = new RegExp(
  String.raw`[ \t\u200E\u200F]*(${WORD}(?: ${WORD}){0,3})(?: {2,}| *\t)[ \t]*(\d{1,2}:\d{2}(?::\d{2})?)[ \t]*(?=\r|\n|$)`, 'uy');
const OTTER_FOOTER = /^[ \t]*Transcribed by https:\/\/otter\.ai[ \t]*$/i;

export interface OtterHeader {
  label: string;
  time: string;
}

export function matchOtterHeader(text: string, start: number, end: number): OtterHeader | null {
  HEADER.lastIndex = start;
  const match = HEADER.exec(text);
  return match && HEADER.lastIndex <= end ? { label: match[1], time: match[2] } : null;
}

export function parseOtter(
  text: string, lines: Lines, bodyLine: number, _declared: ReadonlyMap<string, Role>, builder: TranscriptBuilder,
): void {
  let lastLine = lines.starts.length - 1;
  while (lastLine >= bodyLine && trimEnd(text, lines.starts[lastLine], lines.ends[lastLine]) === lines.starts[lastLine]) lastLine--;
  if (lastLine >= bodyLine && OTTER_FOOTER.test(text.slice(lines.starts[lastLine], lines.ends[lastLine]))) lastLine--;
  const headers: Array<{ line: number; header: OtterHeader }> = [];
  for (let i = bodyLine; i <= lastLine; i++) {
    const header = matchOtterHeader(text, lines.starts[i], lines.ends[i]);
    if (header) headers.push({ line: i, header });
  }
  headers.forEach(({ line, header }, n) => {
    const regionStart = line + 1 < lines.starts.length ? lines.starts[line + 1] : lines.ends[line];
    const regionEnd = n + 1 < headers.length ? lines.starts[headers[n + 1].line] : lines.ends[lastLine];
    let start = skipSpace(text, Math.min(regionStart, regionEnd), regionEnd);
    let end = trimEnd(text, start, regionEnd);
    if (start === end) start = end = lines.ends[line];
    builder.add({
      label: header.label, key: speakerKey(header.label), line: line + 1, clock: builder.clock(header.time, line + 1),
      text: text.slice(start, end), start, end, spans: end > start ? [{ textStart: 0, fileStart: start, length: end - start }] : [],
    });
  });
}
