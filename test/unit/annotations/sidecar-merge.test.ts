// Two coders (or a coder and a sync client) change one sidecar at once: a three-way merge by id keeps both sides'
// work and asks only when both changed the same item differently.
import * as assert from 'assert';
import { createAnchor } from '../../../src/core/annotations/anchor';
import { mergeSidecars } from '../../../src/core/annotations/sidecar-merge';
import { addAnnotation, addThread, removeCode, reply } from '../../../src/core/annotations/sidecar-edits';
import { emptySidecar } from '../../../src/core/annotations/sidecar';

const TEXT = 'T: What would you like to talk about?\nC: My drinking, I guess.\n';
const question = createAnchor(TEXT, 3, 37, [{ index: 0, start: 3, end: 37 }]);
const answer = createAnchor(TEXT, 41, 63, [{ index: 1, start: 41, end: 63 }]);
const base = addAnnotation(emptySidecar('s.transcript'), { coder: 'ana', codes: ['question.open'], anchor: question });
const baseId = base.annotations[0]!.id;

describe('annotations: merging a sidecar changed on disk meanwhile', () => {
  it('keeps what each coder added', () => {
    const ours = addAnnotation(base, { coder: 'ana', codes: ['talk.change'], anchor: answer });
    const theirs = addThread(base, { author: 'ben', body: 'Good opening.', anchor: question }).sidecar;
    const merged = mergeSidecars(base, ours, theirs);
    assert.ok(merged.ok);
    assert.deepStrictEqual(merged.sidecar.annotations.map((item) => item.codes), [['question.open'], ['talk.change']]);
    assert.deepStrictEqual(merged.sidecar.comments.map((thread) => thread.comments[0]!.body), ['Good opening.']);
  });

  it("takes the other side's change or removal of an item this side left alone, and this side's own", () => {
    const theirs = removeCode(base, baseId, 'question.open');
    assert.deepStrictEqual(mergeSidecars(base, base, theirs), { ok: true, sidecar: theirs });
    const ours = addAnnotation(removeCode(base, baseId, 'question.open'), { coder: 'ana', codes: ['talk.change'], anchor: answer });
    const merged = mergeSidecars(base, ours, base);
    assert.ok(merged.ok);
    assert.deepStrictEqual(merged.sidecar.annotations.map((item) => item.codes), [['talk.change']]);
  });

  it('agrees when both sides made the same change', () => {
    const removed = removeCode(base, baseId, 'question.open');
    assert.deepStrictEqual(mergeSidecars(base, removed, removed), { ok: true, sidecar: removed });
  });

  it('reports a true conflict, and decides nothing, when both changed one item differently', () => {
    const withThread = addThread(base, { author: 'ben', body: 'Why this code?', anchor: question });
    const threadId = withThread.thread.id;
    const ours = reply(withThread.sidecar, threadId, { author: 'ana', body: 'Because it asks for her view.' });
    const theirs = reply(withThread.sidecar, threadId, { author: 'ben', body: 'Never mind, I see it.' });
    assert.deepStrictEqual(mergeSidecars(withThread.sidecar, ours, theirs), { ok: false, conflicts: [{ list: 'comments', id: threadId }] });
    // Once the user has chosen, that side's version of the item stands and everything else still merges.
    assert.deepStrictEqual(mergeSidecars(withThread.sidecar, ours, theirs, 'ours'), { ok: true, sidecar: ours });
    assert.deepStrictEqual(mergeSidecars(withThread.sidecar, ours, theirs, 'theirs'), { ok: true, sidecar: theirs });
    // One side changed an item that the other removed: also a conflict, not a silent loss.
    const annotated = addAnnotation(base, { coder: 'ana', codes: ['collaborative.seek'], anchor: question });
    const changed = addAnnotation(annotated, { coder: 'ana', codes: ['talk.change'], anchor: answer });
    const secondId = annotated.annotations[1]!.id;
    const oursRemoved = removeCode(changed, secondId, 'collaborative.seek');
    const theirsChanged = { ...annotated, annotations: annotated.annotations.map((item) => (item.id === secondId ? { ...item, memo: 'asked for ideas' } : item)) };
    const result = mergeSidecars(annotated, oursRemoved, theirsChanged);
    assert.deepStrictEqual(result, { ok: false, conflicts: [{ list: 'annotations', id: secondId }] });
  });
});
