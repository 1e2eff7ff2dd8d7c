// The labelled format: "T: …", "[00:01:05] Dr. Lee: …". A label counts as a speaker when it is a role word, is
// declared in front matter, or starts a line at least twice; other lines continue the current utterance, blank
// lines included; lines before the first utterance are a preamble. Each utterance's text is the exact slice of the
// file after its label and timestamp, trimmed, so continuation lines keep their own line breaks.
import type { Role } from '../types';
import type { TranscriptBuilder } from './builder';
import { matchLabel, roleWordOf, type LabelMatch } from './labels';
import { skipSpace, trimEnd, type Lines } from './lines';
import type { WarningList } from './warnings';

export function parseLabeled(
  text: string, lines: Lines, bodyLine: number, declared: ReadonlyMap<string, Role>,
  builder: TranscriptBuilder, warnings: WarningList,
): void {
  const candidateLines: number[] = [];
  const candidates: LabelMatch[] = [];
  const uses = new Map<string, number>();
  for (let i = bodyLine; i < lines.starts.length; i++) {
    const match = matchLabel(text, lines.starts[i], lines.ends[i]);
    if (!match) continue;
    candidateLines.push(i);
    candidates.push(match);
    uses.set(match.key, (uses.get(match.key) ?? 0) + 1);
  }
  const speakerKeys = new Set<string>();
  for (const [key, count] of uses) {
    if (count >= 2 || declared.has(key) || roleWordOf(key) !== null) speakerKeys.add(key);
  }

  const turnLines: number[] = [];
  const turns: LabelMatch[] = [];
  candidates.forEach((match, n) => {
    if (speakerKeys.has(match.key)) {
      turnLines.push(candidateLines[n]);
      turns.push(match);
    } else {
      warnings.add('label used once', candidateLines[n] + 1, () => `"${match.label}:" looks like a speaker label but starts a line only `
        + 'once, so it was read as ordinary text. Declare it in front matter if it is a speaker.');
    }
  });

  turns.forEach((turn, n) => {
    const lineIndex = turnLines[n];
    const regionEnd = n + 1 < turns.length ? lines.starts[turnLines[n + 1]] : text.length;
    let start = skipSpace(text, turn.textStart, regionEnd);
    let end = trimEnd(text, start, regionEnd);
    if (start === end) start = end = turn.textStart;
    builder.add({
      label: turn.label, key: turn.key, line: lineIndex + 1, clock: builder.clock(turn.timestamp, lineIndex + 1),
      text: text.slice(start, end), start, end, spans: end > start ? [{ textStart: 0, fileStart: start, length: end - start }] : [],
    });
  });
}
