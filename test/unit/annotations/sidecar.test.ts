import * as assert from 'assert';
import { createAnchor } from '../../../src/core/annotations/anchor';
import { addAnnotation, addThread, decide, removeCode, reply, setResolved } from '../../../src/core/annotations/sidecar-edits';
import { emptySidecar, parseSidecar, serializeSidecar, sidecarPathFor, transcriptPathFor } from '../../../src/core/annotations/sidecar';

const TEXT = 'T: What would you like to talk about?\nC: My drinking, I guess.\n';
const NOW = new Date('2026-01-02T03:04:05.000Z');

function sample() {
  const anchor = createAnchor(TEXT, 3, 37, [{ index: 0, start: 3, end: 37 }]);
  let sidecar = addAnnotation(emptySidecar('s.transcript'), { coder: 'ana', codes: ['question.open', 'question.open'], memo: 'good start', anchor, now: NOW });
  sidecar = decide(sidecar, { coder: 'ana', rule: 'question.open.wh', code: 'question.open', verdict: 'accept', anchor, now: NOW });
  const added = addThread(sidecar, { author: 'sup', body: 'Nice open question', anchor, now: NOW });
  sidecar = setResolved(reply(added.sidecar, added.thread.id, { author: 'ana', body: 'Thanks', now: NOW }), added.thread.id, true);
  return sidecar;
}

describe('annotations: sidecar', () => {
  it('names the sidecar after its transcript and back', () => {
    assert.strictEqual(sidecarPathFor('a/s1.transcript'), 'a/s1.transcript.alliance.json');
    assert.strictEqual(transcriptPathFor('a/s1.transcript.alliance.json'), 'a/s1.transcript');
    assert.strictEqual(transcriptPathFor('a/s1.json'), null);
  });

  it('round-trips through pretty, stably ordered text', () => {
    const sidecar = sample();
    const text = serializeSidecar(sidecar);
    assert.ok(text.endsWith('}\n'));
    assert.ok(text.includes('\n  "annotations": [\n'), 'pretty-printed with two spaces');
    const parsed = parseSidecar(text);
    assert.ok(parsed.ok);
    assert.strictEqual(serializeSidecar(parsed.sidecar), text, 'serialising again changes nothing');
    assert.deepStrictEqual(parsed.sidecar.annotations[0]!.codes, ['question.open'], 'duplicate codes collapse');
    assert.strictEqual(parsed.sidecar.comments[0]!.comments.length, 2);
    assert.strictEqual(parsed.sidecar.comments[0]!.resolved, true);
    assert.deepStrictEqual(Object.keys(JSON.parse(text)), ['schema', 'version', 'transcript', 'annotations', 'comments', 'decisions']);
    assert.deepStrictEqual(Object.keys(JSON.parse(text).annotations[0]), ['id', 'coder', 'codes', 'memo', 'anchor', 'created']);
  });

  it('keeps fields it does not know, after the known ones, at every level', () => {
    const document = JSON.parse(serializeSidecar(sample()));
    document.zeta = { keep: true };
    document.alpha = 1;
    document.annotations[0].colourTag = 'blue';
    document.annotations[0].anchor.page = 3;
    document.comments[0].comments[0].reactions = ['+1'];
    const parsed = parseSidecar(JSON.stringify(document));
    assert.ok(parsed.ok);
    const again = JSON.parse(serializeSidecar(parsed.sidecar));
    assert.deepStrictEqual(Object.keys(again).slice(-2), ['alpha', 'zeta']);
    assert.deepStrictEqual(again.zeta, { keep: true });
    assert.strictEqual(again.annotations[0].colourTag, 'blue');
    assert.strictEqual(again.annotations[0].anchor.page, 3);
    assert.deepStrictEqual(again.comments[0].comments[0].reactions, ['+1']);
  });

  it('replaces a coder\'s earlier verdict on the same finding, not another coder\'s', () => {
    const anchor = createAnchor(TEXT, 3, 37, []);
    let sidecar = decide(emptySidecar('s'), { coder: 'ana', rule: 'r', code: 'question.open', verdict: 'accept', anchor });
    sidecar = decide(sidecar, { coder: 'ben', rule: 'r', code: 'question.open', verdict: 'accept', anchor });
    sidecar = decide(sidecar, { coder: 'ana', rule: 'r', code: 'question.open', verdict: 'replace', replacement: ['question.closed'], anchor });
    assert.deepStrictEqual(sidecar.decisions.map((d) => [d.coder, d.verdict, d.replacement ?? null]), [['ben', 'accept', null], ['ana', 'replace', ['question.closed']]]);
  });

  it('removes one code from a segment, the segment with its last code, and withdraws a review', () => {
    const anchor = createAnchor(TEXT, 3, 37, []);
    let sidecar = addAnnotation(emptySidecar('s'), { coder: 'ana', codes: ['question.open', 'collaborative.seek'], anchor });
    sidecar = decide(sidecar, { coder: 'ana', rule: 'r', code: 'question.open', verdict: 'reject', anchor });
    const [annotation] = sidecar.annotations;
    const once = removeCode(sidecar, annotation!.id, 'question.open');
    assert.deepStrictEqual(once.annotations[0]!.codes, ['collaborative.seek']);
    assert.strictEqual(removeCode(once, annotation!.id, 'collaborative.seek').annotations.length, 0);
    assert.strictEqual(removeCode(sidecar, sidecar.decisions[0]!.id, 'question.open').decisions.length, 0);
    assert.deepStrictEqual(removeCode(sidecar, 'no-such-id', 'question.open'), sidecar, 'an unknown id changes nothing');
  });

  it('reads a sidecar saved with a byte-order mark', () => {
    const parsed = parseSidecar(`\uFEFF${serializeSidecar(sample())}`);
    assert.ok(parsed.ok);
    assert.strictEqual(parsed.sidecar.annotations.length, 1);
  });

  it('reports a JSON syntax error with its line', () => {
    const text = serializeSidecar(sample()).replace('"coder": "ana",', '"coder": "ana"');
    const parsed = parseSidecar(text);
    assert.ok(!parsed.ok);
    const line = text.split('\n').findIndex((l) => l.includes('"coder": "ana"')) + 1;
    assert.ok(parsed.problems[0]!.line === line || parsed.problems[0]!.line === line + 1, `line ${parsed.problems[0]!.line}, expected about ${line}`);
    assert.match(parsed.problems[0]!.message, /invalid JSON/);
  });

  it('reports a schema problem with the field and the line of the field', () => {
    const document = JSON.parse(serializeSidecar(sample()));
    document.annotations[0].codes = [];
    const text = JSON.stringify(document, null, 2);
    const parsed = parseSidecar(text);
    assert.ok(!parsed.ok);
    assert.strictEqual(parsed.problems[0]!.field, 'annotations[0].codes');
    assert.strictEqual(parsed.problems[0]!.line, text.split('\n').findIndex((l) => l.includes('"codes": []')) + 1);
  });

  it('words schema problems in English, not zod/mini\'s bare "Invalid input"', () => {
    const document = JSON.parse(serializeSidecar(sample()));
    document.annotations[0].codes = [];
    document.annotations[0].anchor.start = 1.5;
    const parsed = parseSidecar(JSON.stringify(document, null, 2));
    assert.ok(!parsed.ok);
    assert.deepStrictEqual(parsed.problems.map((problem) => [problem.field, problem.message]), [
      ['annotations[0].codes', 'Too small: expected array to have >=1 items'],
      ['annotations[0].anchor.start', 'Invalid input: expected int, received number'],
    ]);
  });

  it('refuses a sidecar from a newer version, a wrong schema id and a missing field, naming each', () => {
    const newer = JSON.parse(serializeSidecar(sample()));
    newer.version = 2;
    const parsedNewer = parseSidecar(JSON.stringify(newer));
    assert.ok(!parsedNewer.ok);
    assert.match(parsedNewer.problems[0]!.message, /newer Alliance Lens/);
    const missing = JSON.parse(serializeSidecar(sample()));
    delete missing.annotations[0].anchor.exact;
    const parsedMissing = parseSidecar(JSON.stringify(missing, null, 2));
    assert.ok(!parsedMissing.ok);
    assert.strictEqual(parsedMissing.problems[0]!.field, 'annotations[0].anchor.exact');
    assert.ok(!parseSidecar('{"schema":"other","version":1,"transcript":""}').ok);
    assert.ok(!parseSidecar('').ok, 'an empty file is a problem, never silently replaced');
  });
});
