import * as assert from 'assert';
import { buildTrends } from '../../../src/core/trends/trends';
import { comparisonMarkdown, findSession, sessionDescription } from '../../../src/extension/sessions/comparison';
import { analysisOf, session } from '../summary/fixture';

function analysis(file: string, metadata: Record<string, string>, allianceIndex: number, reflectionToQuestion: number | null) {
  const result = analysisOf(session([['therapist', 'Hello.'], ['client', 'Hi.']]), file);
  result.metadata = metadata;
  result.summary = { ...result.summary, allianceIndex, reflectionToQuestion };
  return result;
}

const { groups } = buildTrends([
  analysis('b.txt', { therapist: 'Noor | *Haddad*', date: '2026-02-10', session: '2' }, 65, 1.2),
  analysis('a.txt', { therapist: 'Noor | *Haddad*', date: '2026-02-03', session: '1' }, 40, 0.5),
  analysis('c.txt', { therapist: 'Lee' }, 70, null),
]);

describe('sessions in the editor: Compare with Previous Session', () => {
  it('finds a session by file, and nothing for an unknown file', () => {
    const place = findSession(groups, 'b.txt');
    assert.deepStrictEqual([place?.group.key, place?.index], ['Noor | *Haddad*', 1]);
    assert.strictEqual(findSession(groups, 'z.txt'), undefined);
  });

  it('puts the previous session\'s scores beside this one\'s, with the change, escaped', () => {
    const place = findSession(groups, 'b.txt');
    assert.ok(place);
    const markdown = comparisonMarkdown(place);
    assert.ok(markdown.startsWith('# Session 2 \\(2026-02-10, b.txt\\)\n'));
    assert.ok(markdown.includes('Compared with the previous session of Noor \\| \\*Haddad\\*: Session 1 \\(2026-02-03, a.txt\\).'));
    assert.ok(markdown.includes('| Alliance index | 40 | 65 | +25 |'));
    assert.match(markdown, /\| Reflection-to-question ratio \(_estimate_, ICC -?\d\.\d\d\) \| 0\.5:1 \| 1\.2:1 \| \+0\.7 \|/);
    assert.ok(markdown.includes('so it is not graded'));
  });

  it('grades nothing as an estimate when every score is trusted', () => {
    const place = findSession(groups, 'b.txt');
    assert.ok(place);
    const markdown = comparisonMarkdown(place, () => true);
    assert.ok(markdown.includes('| Reflection-to-question ratio | 0.5:1 | 1.2:1 | +0.7 |'));
    assert.ok(!markdown.includes('estimate'));
  });

  it('says so for the first session of a therapist', () => {
    const place = findSession(groups, 'c.txt');
    assert.ok(place);
    const markdown = comparisonMarkdown(place);
    assert.ok(markdown.includes('This is the first session of Lee in the workspace: there is no previous session to compare with.'));
    assert.ok(markdown.includes('| Alliance index | n/a | 70 | – |'));
  });

  it('describes a session in the Sessions view by its date and index', () => {
    assert.strictEqual(sessionDescription(groups[1].sessions[1]), '2026-02-10 · index 65 (+25)');
    assert.strictEqual(sessionDescription(groups[0].sessions[0]), 'index 70');
  });
});
