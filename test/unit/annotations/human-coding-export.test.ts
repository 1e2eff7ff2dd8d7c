// Complete exports: the per-utterance table carries each coder's memos and the session's front matter, and the
// report's "Human coding" section lists codes by coder with memos and flags what no longer fits the text.
import * as assert from 'assert';
import { analyzeTranscript } from '../../../src/core/analyzer';
import { createAnchor } from '../../../src/core/annotations/anchor';
import { builtInCodebook, builtInCodeName } from '../../../src/core/annotations/codebook';
import { roleOfCode } from '../../../src/core/annotations/code-roles';
import { addAnnotation, decide } from '../../../src/core/annotations/sidecar-edits';
import { emptySidecar } from '../../../src/core/annotations/sidecar';
import { metadataColumn, utteranceTable } from '../../../src/core/annotations/utterance-table';
import { humanCodingSection } from '../../../src/core/reports/human-coding';

const TEXT = [
  '---', 'session: 4', 'topic: drinking', 'therapist: T', '---',
  'T: What would you like to talk about today?',
  'C: I want to cut down, I think.',
  'T: You should just quit.',
  'C: Maybe.',
].join('\n');
const analysis = { ...analyzeTranscript(TEXT), file: 'clinic/session-4.transcript' };
const range = (phrase: string) => {
  const start = TEXT.indexOf(phrase);
  return createAnchor(TEXT, start, start + phrase.length, analysis.utterances);
};
let sidecar = addAnnotation(emptySidecar('session-4.transcript'), { coder: 'ana', codes: ['talk.change'], memo: 'tentative, "I think"', anchor: range('I want to cut down') });
sidecar = decide(sidecar, { coder: 'ana', rule: 'directive.persuade.should', code: 'directive.persuade', verdict: 'reject', anchor: range('You should just quit') });
sidecar = addAnnotation(sidecar, { coder: 'ben', codes: ['rupture.withdrawal'], memo: 'flat, short', anchor: range('Maybe.') });
sidecar = { ...sidecar, annotations: [...sidecar.annotations, { ...sidecar.annotations[0]!, id: 'gone', codes: ['talk.sustain'], memo: 'lost', orphaned: true }] };

describe('annotations: human coding in the exports', () => {
  it('gives each coder a memo column beside their codes, and the front matter on every row', () => {
    const table = utteranceTable(analysis, sidecar);
    const column = (name: string) => table.header.indexOf(name);
    assert.deepStrictEqual(table.header.slice(8), ['session', 'topic', 'therapist', 'human codes (ana)', 'memos (ana)', 'human codes (ben)', 'memos (ben)', 'reviews of automatic codes', 'comments']);
    const client = table.rows.find((row) => row[6] === 'I want to cut down, I think.')!;
    assert.strictEqual(client[column('memos (ana)')], 'tentative, "I think"');
    assert.strictEqual(client[column('human codes (ana)')], 'talk.change', 'the orphaned sustain-talk code counts nowhere');
    assert.strictEqual(table.rows.find((row) => row[6] === 'Maybe.')![column('memos (ben)')], 'flat, short');
    for (const row of table.rows) assert.deepStrictEqual([row[0], row[column('session')], row[column('topic')]], ['clinic/session-4.transcript', '4', 'drinking']);
  });

  it('keeps a front-matter key that clashes with a column apart from it', () => {
    assert.strictEqual(metadataColumn('session'), 'session');
    assert.strictEqual(metadataColumn('role'), 'front matter: role');
  });

  it('lists codes by coder with memos and verdicts in transcript order, code names not ids, orphans flagged', () => {
    const section = humanCodingSection(analysis, sidecar)!;
    assert.strictEqual(section.title, 'Human coding');
    const plain = section.markdown.replace(/\\/g, '');
    assert.ok(plain.includes('### ana\n\n- Line 7: Change talk on “I want to cut down”. Memo: tentative, "I think"\n- Line 8: rejected the automatic Persuading on “You should just quit”'), plain);
    assert.ok(plain.includes('- **Text no longer in the transcript**: Sustain talk on “I want to cut down”. Memo: lost'), plain);
    assert.ok(plain.includes("_1 of ana's items no longer match the transcript's text"), plain);
    assert.ok(plain.includes('### ben\n\n- Line 9: Withdrawal (rupture) on “Maybe.”. Memo: flat, short'), plain);
    assert.doesNotMatch(plain, /talk\.change|directive\.persuade/);
  });

  it('escapes what people wrote, and has no section when nobody coded', () => {
    const risky = addAnnotation(emptySidecar('s'), { coder: '<b>ana</b>', codes: ['talk.change'], memo: '[link](javascript:alert(1))', anchor: range('I want to cut down') });
    const markdown = humanCodingSection(analysis, risky)!.markdown;
    assert.ok(!markdown.includes('<b>') && !markdown.includes('](javascript'), markdown);
    assert.strictEqual(humanCodingSection(analysis, emptySidecar('s')), null);
  });
});

describe('annotations: the built-in codebook covers ruptures, repair and client talk', () => {
  it('offers withdrawal, confrontation, repair, change talk and sustain talk as codes people can apply', () => {
    const entries = builtInCodebook();
    for (const id of ['rupture.withdrawal', 'rupture.confrontation', 'repair.move', 'talk.change', 'talk.sustain']) {
      const entry = entries.find((candidate) => candidate.id === id);
      assert.ok(entry?.codable, `${id} is codable`);
      assert.notStrictEqual(entry.name, id, `${id} has a name`);
    }
    assert.strictEqual(builtInCodeName('repair.move'), 'Repair of a rupture');
    assert.strictEqual(roleOfCode('repair.move'), 'therapist', 'repair is compared over therapist turns');
  });
});
