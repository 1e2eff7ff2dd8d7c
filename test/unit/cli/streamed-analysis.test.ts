// A transcript too large to hold its analysis is coded and written utterance by utterance, its summary kept as
// running totals. What users get must not change: the same bytes in every format, the same messages.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Analyzer } from '../../../src/core/analyzer';
import type { AnalysedUtterance } from '../../../src/core/types';
import type { AnalysisSource } from '../../../src/cli/analysis-source';
import { analyseAndWrite } from '../../../src/cli/collect-analyses';
import { OUTPUT_FORMATS } from '../../../src/cli/formats';
import { writeJsonArray } from '../../../src/cli/formats/json';
import { ROOT, tempDirectory } from './run-cli';

const SOURCES = [path.join(ROOT, 'samples'), path.join(ROOT, 'test', 'fixtures', 'transcripts')];

/** Every format's output and messages for the sources, with files of at least `streamFromBytes` streamed. */
async function analyse(format: string, streamFromBytes: number | undefined, extra: string[] = []) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const write = OUTPUT_FORMATS.find((candidate) => candidate.name === format)?.write;
  assert.ok(write, format);
  const status = await analyseAndWrite({ inputs: [...SOURCES, ...extra], jobs: 1, prefix: 'test', engine: {}, streamFromBytes },
    { stdout: (text) => stdout.push(text), stderr: (text) => stderr.push(text) }, (analyses, sink) => write(analyses, sink), { one: 'analysis', many: 'analyses' });
  return { status, stdout: stdout.join(''), stderr: stderr.join('') };
}

/** A long session of made-up turns, varied enough that its JSON is many write buffers long. */
function longSession(turns: number): string {
  const lines: string[] = [];
  for (let turn = 0; turn < turns; turn++) {
    lines.push(turn % 2 === 0 ? `Therapist: What would make week ${turn} go a little better for you?` : `Client: Maybe walking to work on day ${turn}, I guess.`);
  }
  return `${lines.join('\n')}\n`;
}

describe('analysing a huge transcript utterance by utterance', function () {
  this.timeout(60_000);

  for (const format of OUTPUT_FORMATS.map((candidate) => candidate.name)) {
    it(`writes the same ${format} output and messages as holding every analysis`, async () => {
      // A missing path makes the run fail the same way both times; every file streamed is the most that can differ.
      const missing = [path.join(ROOT, 'no-such-transcript.txt')];
      const held = await analyse(format, undefined, missing);
      const streamed = await analyse(format, 0, missing);
      assert.ok(held.stdout.length > 0 && held.stderr.includes(': '), 'the sources should give output and warnings');
      assert.deepStrictEqual(streamed, held);
    });
  }

  it('reports a streamed file that vanished before its turn came, and fails', async () => {
    const folder = tempDirectory({ 'a.transcript': 'T: How are you?\nC: Fine.\n' });
    const file = path.join(folder, 'a.transcript');
    const stderr: string[] = [];
    const status = await analyseAndWrite({ inputs: [file], jobs: 1, prefix: 'test', engine: {}, streamFromBytes: 0 },
      { stdout: () => undefined, stderr: (text) => stderr.push(text) }, (analyses, sink) => {
        fs.rmSync(file);
        writeJsonArray(analyses, sink);
      }, { one: 'analysis', many: 'analyses' });
    assert.strictEqual(status, 1);
    assert.match(stderr.join(''), /cannot read .*a\.transcript/);
  });

  it('writes JSON before the last utterance is coded, byte for byte what the whole analysis gives', () => {
    const text = longSession(3000);
    let coded = 0;
    const codedAtFirstWrite: number[] = [];
    const source: AnalysisSource = {
      streamed: true,
      file: 'long.transcript',
      open: () => {
        const pieces = new Analyzer().analyzeInPieces(text, { fileName: 'long.transcript' });
        const counted = function* (utterances: Iterable<AnalysedUtterance>) {
          for (const utterance of utterances) {
            coded++;
            yield utterance;
          }
        };
        return { ...pieces, utterances: counted(pieces.utterances) };
      },
    };
    const written: string[] = [];
    writeJsonArray([source], (piece) => {
      if (written.length === 0) codedAtFirstWrite.push(coded);
      written.push(piece);
    });
    assert.strictEqual(coded, 3000);
    assert.ok(codedAtFirstWrite[0] < 3000 / 2, `the first piece came after ${codedAtFirstWrite[0]} of 3000 utterances`);
    assert.strictEqual(written.join(''), `${JSON.stringify([new Analyzer().analyze(text, { fileName: 'long.transcript' })], null, 2)}\n`);
  });

  it('keeps at most cacheLimit codings for the next analysis', () => {
    const text = longSession(40);
    const bounded = new Analyzer();
    for (const _ of bounded.analyzeInPieces(text, { cacheLimit: 10 }).utterances) void _;
    bounded.analyze(text);
    const unbounded = new Analyzer();
    for (const _ of unbounded.analyzeInPieces(text).utterances) void _;
    unbounded.analyze(text);
    assert.strictEqual(unbounded.lastCodedCount, 0);
    assert.strictEqual(bounded.lastCodedCount, 30);
  });

  it('gives no summary before every utterance has been read', () => {
    const pieces = new Analyzer().analyzeInPieces(longSession(4));
    assert.throws(() => pieces.summary(), /every utterance/);
  });
});
