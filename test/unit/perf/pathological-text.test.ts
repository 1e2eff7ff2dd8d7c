// Text that made compromise super-linear (its issues #847 and #511): one word of 40 KB of dots, one of 60 KB of
// "…" (UTF-8), 32,000 words without a full stop, and their relatives. Each costs at most 3× the CPU time of ordinary text of the
// same size, measured in the same run (a ratio, so a slow or busy machine does not matter; before the bounds of
// src/core/text-bounds.ts the first three took 4×, 10× and 20× or more).
import * as assert from 'assert';
import { analyzeTranscript } from '../../../src/core/engine';
import { parseTranscript } from '../../../src/core/transcript';
import { fixture, fixtureNames } from '../transcript/fixtures';
import { PATHOLOGICAL } from '../coding/pathological';

const MAX_RATIO = 3;

function cpuMs(work: () => void): number {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** Real therapy language from the fixtures, repeated to `size` characters: the yardstick. */
function ordinary(size: number): string {
  const sentences = fixtureNames().flatMap((name) => parseTranscript(fixture(name)).utterances.map((u) => u.text.replace(/\s+/g, ' ')))
    .filter((text) => /[a-z]/.test(text));
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const text = sentences[i % sentences.length];
    parts.push(text);
    length += text.length + 1;
  }
  return parts.join(' ').slice(0, size);
}

// The three of the report at their sizes there; the others smaller, to keep the suite quick.
const SIZES: Record<string, number> = { 'one word of dots': 40_000, 'one word of ellipses': 20_000 /* 60 KB of UTF-8 */, 'words without a full stop': 161_600 /* 32,000 words */ };

describe('pathological text costs at most 3× ordinary text of the same size (CPU time, same run)', function () {
  this.timeout(300_000);

  before(() => {
    analyzeTranscript('T: Hello, you should try it. Could you?\nC: I will not stop drinking.\n');
  });

  const transcript = (body: string) => `T: ${body}\nC: ${body}\n`;
  /** Ordinary text's cost by size, measured the first time a size is asked for. */
  const yardsticks = new Map<number, number>();
  const yardstick = (size: number) => {
    if (!yardsticks.has(size)) {
      const plain = transcript(ordinary(size));
      yardsticks.set(size, cpuMs(() => analyzeTranscript(plain)));
    }
    return yardsticks.get(size)!;
  };

  for (const [family, make] of Object.entries(PATHOLOGICAL)) {
    const size = SIZES[family] ?? 20_000;
    it(`${family} (${size.toLocaleString('en')} characters per turn)`, () => {
      const odd = transcript(make(size));
      const cost = cpuMs(() => analyzeTranscript(odd));
      const usual = yardstick(size);
      if (process.env.ALLIANCE_LENS_PRINT_RATIOS) console.log(`      ${(cost / usual).toFixed(2)}×`);
      assert.ok(cost <= MAX_RATIO * usual, `${cost.toFixed(0)} ms against ${usual.toFixed(0)} ms for ordinary text (${(cost / usual).toFixed(1)}×)`);
    });
  }
});
