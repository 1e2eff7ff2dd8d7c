// Utterance texts that made compromise super-linear (see src/core/text-bounds.ts), shared by the cost test
// (test/unit/perf/pathological-text.test.ts) and the mutation test (test/unit/transcript/property.test.ts).

export const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
const WORDS = ['I', 'think', 'you', 'should', 'maybe', 'try', 'to', 'stop', 'drinking', 'so', 'much', 'because', 'it', 'hurts', 'your', 'health', 'and', 'we', 'could', 'talk'];

/** Pathological utterance texts, by family, of the given size. Each has a word, or the engine would skip it as wordless. */
export const PATHOLOGICAL: Record<string, (size: number) => string> = {
  'one word of dots': (size) => `so${fill('.', size - 4)}ok`,
  'one word of ellipses': (size) => `ok${fill('\u2026', size - 4)}ok`,
  'words without a full stop': (size) => fill(WORDS.join(' ') + ' ', size),
  'an acronym-like word': (size) => fill('a.', size),
  'abbreviations that never end a sentence': (size) => fill('Mr. ', size),
  'marks without letters': (size) => `${fill('!! ', size - 3)} ok`,
  'spaced dots': (size) => `${fill('. ', size - 3)} ok`,
  'brackets': (size) => `${fill('(', size - 3)} ok`,
  'mixed marks': (size) => `${fill('!?.,;:', size - 3)} ok`,
  'one-word lines': (size) => fill('ok\n', size),
  'hyphenated chains': (size) => fill('a-b-c-d-e-f-g-h-i-j ', size),
  'emoji': (size) => `${fill('\u{1F600}', size - 3)} ok`,
  'combining marks': (size) => `a${fill('\u0301', size - 1)}`,
};
