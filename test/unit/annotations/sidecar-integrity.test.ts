// A sidecar is someone's work: duplicate ids are refused (an edit by id would change both), invalid UTF-8 is never
// read as U+FFFD (saving would then lose those bytes), and a field named "__proto__" is kept like any other.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseCodebookFile, serializeCodebookFile } from '../../../src/core/annotations/codebook';
import { decodeUtf8 } from '../../../src/core/annotations/json-location';
import { parseSidecar, serializeSidecar } from '../../../src/core/annotations/sidecar';
import { ensureBuiltCli, ROOT, runCli, tempDirectory } from '../cli/run-cli';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'annotations');
const TRANSCRIPT = path.join(FIXTURES, 'coded-session.transcript');
const SIDECAR = `${TRANSCRIPT}.alliance.json`;

const anchor = { utterance: 0, start: 3, end: 8, exact: 'Hello', prefix: '', suffix: '' };
const annotation = (id: string, code: string) => ({ id, coder: 'ana', codes: [code], memo: '', anchor, created: '2026-01-01T00:00:00.000Z' });
const sidecarText = (extra: Record<string, unknown>) => `${JSON.stringify({ schema: 'alliance-lens/sidecar', version: 1, transcript: 's.transcript', ...extra }, null, 2)}\n`;

describe('annotations: sidecar integrity', function () {
  this.timeout(60_000);

  describe('duplicate ids', () => {
    it('refuses two annotations with one id, naming the second and the first', () => {
      const text = sidecarText({ annotations: [annotation('a-1', 'talk.change'), annotation('a-2', 'talk.change'), annotation('a-1', 'talk.sustain')] });
      const parsed = parseSidecar(text);
      assert.ok(!parsed.ok);
      assert.strictEqual(parsed.problems.length, 1);
      assert.strictEqual(parsed.problems[0]!.field, 'annotations[2].id');
      assert.match(parsed.problems[0]!.message, /duplicate id "a-1" \(annotations\[0\] has it too\)/);
      const lines = text.split('\n');
      const third = lines.findIndex((line, i) => line.includes('"id": "a-1"') && i > lines.findIndex((l) => l.includes('"id": "a-2"'))) + 1;
      assert.strictEqual(parsed.problems[0]!.line, third);
    });

    it('refuses an annotation and a decision sharing an id, and two threads sharing one', () => {
      const decision = { id: 'x', coder: 'ana', rule: 'r', code: 'c', verdict: 'accept', anchor, created: '' };
      const both = parseSidecar(sidecarText({ annotations: [annotation('x', 'talk.change')], decisions: [decision] }));
      assert.ok(!both.ok && both.problems[0]!.field === 'decisions[0].id', JSON.stringify(both));
      const thread = { id: 't', anchor, resolved: false, comments: [{ id: 'c1', author: 'sup', body: 'hi', created: '' }] };
      const threads = parseSidecar(sidecarText({ comments: [thread, thread] }));
      assert.ok(!threads.ok && threads.problems[0]!.field === 'comments[1].id', JSON.stringify(threads));
    });

    describe('alliance-lens export and agree (built dist/cli.js)', () => {
      before(ensureBuiltCli);

      it('refuse a sidecar with a duplicate id with its file, line and problem, and leave it untouched', () => {
        const original = JSON.parse(fs.readFileSync(SIDECAR, 'utf8')) as { annotations: { id: string }[] };
        original.annotations[1]!.id = original.annotations[0]!.id;
        const text = `${JSON.stringify(original, null, 2)}\n`;
        const directory = tempDirectory({ 's.transcript': fs.readFileSync(TRANSCRIPT, 'utf8'), 's.transcript.alliance.json': text });
        for (const command of [['export', path.join(directory, 's.transcript')], ['agree', path.join(directory, 's.transcript.alliance.json')]]) {
          const run = runCli(command);
          assert.strictEqual(run.status, 1, run.stderr);
          assert.match(run.stderr, /s\.transcript\.alliance\.json:\d+:1: annotations\[1\]\.id: duplicate id/);
        }
        assert.strictEqual(fs.readFileSync(path.join(directory, 's.transcript.alliance.json'), 'utf8'), text);
      });

      it('refuse a sidecar that is not valid UTF-8, saying where and why', () => {
        const text = fs.readFileSync(SIDECAR, 'utf8').replace('"memo": ""', '"memo": "caf\u00e9"');
        assert.ok(text.includes('café'), 'the fixture has an empty memo to fill');
        const latin1 = Buffer.from(text, 'latin1');
        const directory = tempDirectory({ 's.transcript': fs.readFileSync(TRANSCRIPT, 'utf8'), 's.transcript.alliance.json': latin1 });
        const run = runCli(['export', path.join(directory, 's.transcript')]);
        assert.strictEqual(run.status, 1);
        const line = text.split('\n').findIndex((l) => l.includes('café')) + 1;
        assert.match(run.stderr, new RegExp(`s\\.transcript\\.alliance\\.json:${line}:\\d+: not valid UTF-8 \\(byte 0xe9`));
        assert.ok(!run.stdout.includes('\uFFFD'));
        assert.deepStrictEqual(fs.readFileSync(path.join(directory, 's.transcript.alliance.json')), latin1);
      });
    });
  });

  describe('invalid UTF-8', () => {
    it('decodeUtf8 refuses it with the line and column of the first bad byte, and reads valid UTF-8 as it is', () => {
      const bad = decodeUtf8(Buffer.concat([Buffer.from('{\n  "memo": "caf'), Buffer.from([0xe9]), Buffer.from('"\n}')]));
      assert.ok(!bad.ok);
      assert.deepStrictEqual([bad.problem.line, bad.problem.column], [2, 15]);
      assert.match(bad.problem.message, /not valid UTF-8 \(byte 0xe9 at line 2, column 15.*never saved over/);
      for (const bytes of [[0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]]) {
        assert.ok(!decodeUtf8(Uint8Array.from(bytes)).ok, `${bytes.map((b) => b.toString(16))} is not UTF-8`);
      }
      const good = decodeUtf8(Buffer.from('\uFEFF{"memo": "café 😀 \u2028"}'));
      assert.ok(good.ok && good.text === '{"memo": "café 😀 \u2028"}', 'the byte-order mark goes, as before');
    });
  });

  describe('a field named "__proto__"', () => {
    it('is kept at every level of a sidecar, in place among the unknown fields, and survives a second round', () => {
      const thread = { id: 't', anchor: { ...anchor, __proto__x: 1 }, resolved: false, comments: [{ id: 'c1', author: 'sup', body: 'hi', created: '', __proto__x: 2 }] };
      const text = sidecarText({ __proto__x: { top: true }, annotations: [{ ...annotation('a', 'talk.change'), zz: 1, __proto__x: [3] }], comments: [thread] })
        .replace(/"__proto__x"/g, '"__proto__"');
      const parsed = parseSidecar(text);
      assert.ok(parsed.ok, JSON.stringify(parsed));
      const written = serializeSidecar(parsed.sidecar);
      const raw = JSON.parse(written) as Record<string, unknown>;
      const own = (value: unknown) => Object.getOwnPropertyDescriptor(value, '__proto__')?.value as unknown;
      assert.deepStrictEqual(own(raw), { top: true });
      const written0 = (raw.annotations as Record<string, unknown>[])[0]!;
      assert.deepStrictEqual(own(written0), [3]);
      assert.deepStrictEqual(Object.keys(written0).slice(-2), ['__proto__', 'zz']);
      const writtenThread = (raw.comments as Record<string, unknown>[])[0]!;
      assert.strictEqual(own(writtenThread.anchor), 1);
      assert.strictEqual(own((writtenThread.comments as unknown[])[0]), 2);
      const again = parseSidecar(written);
      assert.ok(again.ok);
      assert.strictEqual(serializeSidecar(again.sidecar), written);
    });

    it('is kept in a codebook file too', () => {
      const text = '{\n  "version": 1,\n  "codes": [\n    {\n      "id": "mine",\n      "name": "Mine",\n      "__proto__": "x"\n    }\n  ],\n  "__proto__": 5\n}\n';
      const parsed = parseCodebookFile(text);
      assert.ok(parsed.ok, JSON.stringify(parsed));
      const written = serializeCodebookFile(parsed.file);
      assert.strictEqual(written, text);
    });
  });
});
