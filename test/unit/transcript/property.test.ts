// Random mutations of the fixtures (deleted, duplicated and garbled lines, random Unicode, random CR/CRLF) must
// never make the parser throw or break its offsets; long pathological stretches spliced in never make the analysis
// slow or move a finding off the words that fired.
import * as assert from 'assert';
import { analyzeTranscript } from '../../../src/core/engine';
import { parseTranscript } from '../../../src/core/transcript';
import { PATHOLOGICAL } from '../coding/pathological';
import { pick, randomInt, seededRandom } from '../annotations/random';
import { fixture, fixtureNames, offsetProblem } from './fixtures';

const MUTATIONS = 10_000;
const UNICODE = ['👋🏽', '😊', '\uD83D', '\uDE00', '\u200F', '\u200E', '\u0301', '\uFEFF', '\u00A0', '漢字', 'ß', 'ﬁ', '\u202E', '\t', '\u3000', 'é'];
const GARBAGE = [':', '：', '[', ']', '(', ')', '<', '>', '</v>', '<v X>', '-->', '#', '&amp;', '&', '{\\i1}', '0', '9', '00:', ':59', '---', ' ', '  ', 'T:', 'WEBVTT', '\n', '\r'];

function mutate(text: string, random: () => number): string {
  let lines = text.split('\n');
  const operations = randomInt(random, 1, 4);
  for (let n = 0; n < operations; n++) {
    const at = randomInt(random, 0, Math.max(0, lines.length - 1));
    switch (randomInt(random, 0, 4)) {
      case 0: lines.splice(at, 1); break;
      case 1: lines.splice(at, 0, lines[at] ?? ''); break;
      case 2: lines[at] = garble(lines[at] ?? '', random, GARBAGE); break;
      case 3: lines[at] = garble(lines[at] ?? '', random, UNICODE); break;
      default: lines = lines.map((line) => (random() < 0.5 ? line + (random() < 0.8 ? '\r' : '\r\r') : line));
    }
  }
  return lines.join('\n');
}

function garble(line: string, random: () => number, pool: readonly string[]): string {
  let result = line;
  for (let k = randomInt(random, 1, 3); k > 0; k--) {
    const at = randomInt(random, 0, result.length);
    const cut = random() < 0.3 ? randomInt(random, 0, 5) : 0;
    result = result.slice(0, at) + pick(random, pool) + result.slice(at + cut);
  }
  return result;
}

describe('transcript parser under random mutation', () => {
  it(`keeps its invariants over ${MUTATIONS} mutated fixtures`, () => {
    const sources = fixtureNames().map((name) => ({ name, text: fixture(name) }));
    const random = seededRandom(20261126);
    const formats = new Set<string>();
    let utterances = 0;
    for (let i = 0; i < MUTATIONS; i++) {
      const source = sources[i % sources.length];
      const text = mutate(source.text, random);
      const context = `mutation ${i} of ${source.name}: ${JSON.stringify(text)}`;
      let parsed;
      try {
        parsed = parseTranscript(text, { fileName: source.name });
      } catch (error) {
        assert.fail(`threw ${String(error)} on ${context}`);
      }
      const lineCount = text.split(/\r\n|\r|\n/).length;
      assert.strictEqual(offsetProblem(text, parsed), null, context);
      assert.ok(!parsed.warnings.some((w) => /could not be parsed/.test(w.message)), `internal error on ${context}`);
      parsed.utterances.forEach((u, index) => {
        assert.strictEqual(u.index, index, context);
        assert.ok(u.line >= 1 && u.line <= lineCount, `line ${u.line} of ${lineCount} in ${context}`);
        assert.ok(u.timestamp === null || /^\d\d:[0-5]\d:[0-5]\d$/.test(u.timestamp), context);
        assert.ok(parsed.speakers.some((s) => s.label === u.speaker && s.role === u.role), context);
      });
      parsed.warnings.forEach((w) => assert.ok(w.line >= 0 && w.line <= lineCount && w.message.length > 0, context));
      formats.add(parsed.format);
      utterances += parsed.utterances.length;
    }
    // The mutations must leave most transcripts readable, or the test would check nothing.
    assert.deepStrictEqual([...formats].sort(), ['labeled', 'otter', 'srt', 'webvtt']);
    assert.ok(utterances > MUTATIONS * 2, `only ${utterances} utterances over ${MUTATIONS} mutations`);
  });
});

describe('analysis under pathological mutation', () => {
  it('keeps findings on the words that fired when long pathological stretches are spliced into the fixtures', function () {
    this.timeout(120_000);
    const sources = fixtureNames().map((name) => ({ name, text: fixture(name) }));
    const families = Object.entries(PATHOLOGICAL);
    const random = seededRandom(20261207);
    let findings = 0;
    for (let i = 0; i < 60; i++) {
      const source = sources[i % sources.length];
      const [family, make] = families[i % families.length];
      const lines = source.text.split('\n');
      const at = randomInt(random, 0, lines.length - 1);
      const column = randomInt(random, 0, lines[at].length);
      // A newline would start lines the format may not allow (cues, headers): splice the family without them.
      lines[at] = lines[at].slice(0, column) + make(randomInt(random, 2_000, 8_000)).replace(/\n/g, ' ') + lines[at].slice(column);
      const text = lines.join('\n');
      const context = `${family} spliced into line ${at + 1} of ${source.name}`;
      let analysis;
      try {
        analysis = analyzeTranscript(text, { fileName: source.name });
      } catch (error) {
        assert.fail(`threw ${String(error)} on ${context}`);
      }
      for (const utterance of analysis.utterances) {
        for (const finding of utterance.findings) {
          findings++;
          assert.ok(utterance.start <= finding.start && finding.start < finding.end && finding.end <= utterance.end, `${JSON.stringify(finding)} in ${context}`);
          assert.match(text.slice(finding.start, finding.end), /^[\p{L}\p{N}]/u, `${JSON.stringify(finding)} in ${context}`);
        }
      }
    }
    assert.ok(findings > 100, `only ${findings} findings`);
  });
});
