import * as assert from 'assert';
import { anchorHolds, createAnchor, type UtteranceRange } from '../../../src/core/annotations/anchor';
import { findQuote, moveAnchor, reanchor, shiftThroughEdits, type TextEdit } from '../../../src/core/annotations/reanchor';
import { reanchorSidecar } from '../../../src/core/annotations/sidecar-edits';
import { emptySidecar, type Sidecar } from '../../../src/core/annotations/sidecar';
import { pick, randomInt, seededRandom } from './random';

const TEXT = 'T: How are you today?\nC: I am fine. I am tired.\nT: You are tired.\n';
const UTTERANCES: UtteranceRange[] = [
  { index: 0, start: 3, end: 21 },
  { index: 1, start: 25, end: 47 },
  { index: 2, start: 51, end: 66 },
];

function applyEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

describe('annotations: anchoring', () => {
  it('stores the quote, a few characters of context and the utterance', () => {
    const start = TEXT.indexOf('tired');
    const anchor = createAnchor(TEXT, start, start + 5, UTTERANCES);
    assert.deepStrictEqual(anchor, {
      utterance: 1, start, end: start + 5, exact: 'tired', prefix: TEXT.slice(start - 24, start), suffix: TEXT.slice(start + 5, start + 29),
    });
    assert.strictEqual(createAnchor(TEXT, 0, 2, UTTERANCES).utterance, -1, 'a label outside every utterance');
  });

  it('shifts past an insertion before the quote and ignores one after it', () => {
    const start = TEXT.indexOf('fine');
    const anchor = createAnchor(TEXT, start, start + 4, UTTERANCES);
    const edits: TextEdit[] = [{ start: 0, end: 0, text: 'Hello\n' }, { start: 200, end: 200, text: 'x' }];
    const moved = shiftThroughEdits(anchor, edits);
    assert.strictEqual(moved.touched, false);
    assert.strictEqual(moved.anchor.start, start + 6);
  });

  it('prefers the occurrence whose context matches when the quote repeats', () => {
    const second = TEXT.lastIndexOf('tired');
    const anchor = createAnchor(TEXT, second, second + 5, UTTERANCES);
    // On disk, a line was added at the top: offsets are stale, the quote occurs twice.
    const changed = `Session 4\n${TEXT}`;
    const placed = reanchor(anchor, changed, []);
    assert.strictEqual(placed.orphaned, false);
    assert.strictEqual(placed.anchor.start, changed.lastIndexOf('tired'));
    assert.strictEqual(findQuote({ ...anchor, prefix: 'I am ', suffix: '.\nT: You' }, changed), changed.indexOf('tired'));
  });

  it('finds a quote that moved further than the nearby search window, and the nearest of two in context', () => {
    const start = TEXT.indexOf('fine');
    const anchor = createAnchor(TEXT, start, start + 4, UTTERANCES);
    const far = `${'x'.repeat(70_000)}\n${TEXT}`;
    assert.strictEqual(reanchor(anchor, far, []).anchor.start, far.indexOf('fine'));
    const twice = `${TEXT}${TEXT}`;
    assert.strictEqual(reanchor({ ...anchor, start: TEXT.length + start - 3 }, twice, []).anchor.start, TEXT.length + start);
  });

  it('orphans an annotation whose quote is gone, keeping every field', () => {
    const start = TEXT.indexOf('fine');
    const anchor = createAnchor(TEXT, start, start + 4, UTTERANCES);
    const edit: TextEdit = { start, end: start + 4, text: 'okay' };
    const placed = moveAnchor(anchor, [edit], applyEdit(TEXT, edit), UTTERANCES);
    assert.strictEqual(placed.orphaned, true);
    assert.strictEqual(placed.anchor.exact, 'fine');
    assert.strictEqual(placed.anchor.prefix, anchor.prefix);
    // Undo brings the text back: the orphan re-attaches.
    const back = reanchor(placed.anchor, TEXT, UTTERANCES);
    assert.deepStrictEqual(back, { anchor, orphaned: false });
  });
});

/** An independent model of where untouched text goes: every original character keeps an id through edits. */
interface ModelChar { char: string; id: number }

const WORDS = ['I', 'am', 'tired', 'you', 'feel', 'T:', 'C:', 'okay', 'so', 'what', '\n', 'really', 'tired.', 'é', '😀'];

function randomWords(random: () => number, count: number): string {
  return Array.from({ length: count }, () => pick(random, WORDS)).join(' ');
}

describe('annotations: property: 1,000 random edit sequences lose no annotation', () => {
  it('re-anchors each annotation to exactly its quote or flags it orphaned, and never moves an untouched one', () => {
    let orphanedTotal = 0;
    let placedTotal = 0;
    for (let seed = 1; seed <= 1000; seed++) {
      const random = seededRandom(seed);
      const original = randomWords(random, randomInt(random, 20, 120));
      // UTF-16 units, as offsets count them (the emoji is two units, which edits may split).
      let model: ModelChar[] = original.split('').map((char, id) => ({ char, id }));
      const modelText = () => model.map((c) => c.char).join('');
      assert.strictEqual(modelText().length, original.length);
      let sidecar: Sidecar = emptySidecar('t');
      for (let k = 0; k < 5; k++) {
        const start = randomInt(random, 0, original.length - 2);
        const end = randomInt(random, start + 1, Math.min(original.length, start + 15));
        sidecar = { ...sidecar, annotations: [...sidecar.annotations, {
          id: `a${k}`, coder: 'x', codes: ['talk.change'], memo: '', created: '', anchor: createAnchor(original, start, end, []),
        }] };
      }
      const originalIds = sidecar.annotations.map((annotation) => ({ id: annotation.id, exact: annotation.anchor.exact, ids: model.slice(annotation.anchor.start, annotation.anchor.end).map((c) => c.id) }));
      let text = original;
      const steps = randomInt(random, 1, 8);
      for (let step = 0; step < steps; step++) {
        const start = randomInt(random, 0, text.length);
        const end = Math.min(text.length, start + (random() < 0.5 ? 0 : randomInt(random, 1, 12)));
        const edit: TextEdit = { start, end, text: random() < 0.3 ? '' : randomWords(random, randomInt(random, 1, 3)) };
        if (edit.start === edit.end && edit.text === '') continue;
        text = applyEdit(text, edit);
        model = [...model.slice(0, start), ...edit.text.split('').map((char) => ({ char, id: -1 })), ...model.slice(end)];
        const result = reanchorSidecar(sidecar, text, [], [edit]);
        sidecar = result.sidecar;
      }
      assert.strictEqual(modelText(), text, `seed ${seed}: model out of step`);
      assert.deepStrictEqual(sidecar.annotations.map((a) => a.id), originalIds.map((o) => o.id), `seed ${seed}: an annotation was dropped`);
      for (const [i, annotation] of sidecar.annotations.entries()) {
        const expected = originalIds[i]!;
        assert.strictEqual(annotation.anchor.exact, expected.exact, `seed ${seed}: quote changed`);
        if (annotation.orphaned) {
          orphanedTotal++;
          assert.strictEqual(text.indexOf(expected.exact), -1, `seed ${seed}: orphaned although its quote is in the text`);
        } else {
          placedTotal++;
          assert.ok(anchorHolds(annotation.anchor, text), `seed ${seed}: placed on text other than its quote`);
        }
        // Untouched: the same characters, still contiguous, no insertion inside. Then it must not move elsewhere.
        const at = model.findIndex((c) => c.id === expected.ids[0]);
        const untouched = at >= 0 && expected.ids.every((id, j) => model[at + j]?.id === id);
        if (untouched) assert.strictEqual(annotation.anchor.start, at, `seed ${seed}: an untouched annotation moved`);
      }
      // The disk path (no edit list) must obey the same invariant.
      const fromDisk = reanchorSidecar({ ...sidecar, annotations: sidecar.annotations.map((a) => ({ ...a, anchor: { ...a.anchor, start: 0, end: 1 } })) }, text, []);
      assert.strictEqual(fromDisk.sidecar.annotations.length, 5);
      for (const annotation of fromDisk.sidecar.annotations) {
        assert.strictEqual(Boolean(annotation.orphaned), !text.includes(annotation.anchor.exact), `seed ${seed}: disk path`);
        if (!annotation.orphaned) assert.ok(anchorHolds(annotation.anchor, text));
      }
    }
    // Both outcomes must actually occur, or the test exercised nothing.
    assert.ok(orphanedTotal > 50, `orphaned ${orphanedTotal}`);
    assert.ok(placedTotal > 1000, `placed ${placedTotal}`);
  });
});
