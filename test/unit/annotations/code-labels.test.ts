import * as assert from 'assert';
import { humanCodeLabels } from '../../../src/extension/annotations/codeLabels';

const names: Record<string, string> = { 'talk.change': 'Change talk', 'collaborative.autonomy': 'Emphasising autonomy' };
const nameOf = (id: string) => names[id] ?? id;

describe('labels after human-coded passages', () => {
  it('shows only the code names when one person coded the transcript', () => {
    assert.deepStrictEqual(
      humanCodeLabels([{ coder: 'ana', codes: ['talk.change'] }, { coder: 'ana', codes: ['talk.change', 'collaborative.autonomy'] }], nameOf),
      ['⟨Change talk⟩', '⟨Change talk, Emphasising autonomy⟩'],
    );
  });

  it('names the coder of each label when two people coded it, so agreeing codes do not look like a duplicate', () => {
    assert.deepStrictEqual(
      humanCodeLabels([{ coder: 'ana', codes: ['talk.change'] }, { coder: 'ben', codes: ['talk.change'] }], nameOf),
      ['⟨Change talk · ana⟩', '⟨Change talk · ben⟩'],
    );
  });

  it('shortens a long label with an ellipsis', () => {
    const [label] = humanCodeLabels([{ coder: 'ana', codes: Array.from({ length: 12 }, (_, i) => `custom.code${i}`) }], nameOf);
    assert.strictEqual(label.length, 62);
    assert.ok(label.endsWith('…⟩'));
  });
});
