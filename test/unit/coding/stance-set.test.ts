import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { createCoder } from '../../../src/core/coding';
import { evaluateStance, parseStanceFile, STANCES } from '../../../src/cli/eval/stance';

// Our own hand-labelled therapist utterances (written for this project, none from AnnoMI). Tests run from
// out/test/unit/coding, so the fixtures are found from the repository root.
const directory = path.resolve(__dirname, '../../../../test/fixtures/stance');

describe('stance on the hand-labelled set', () => {
  const items = fs.readdirSync(directory).filter((name) => name.endsWith('.json'))
    .flatMap((name) => parseStanceFile(fs.readFileSync(path.join(directory, name), 'utf8'), name));

  it('has at least 80 utterances covering every stance', () => {
    assert.ok(items.length >= 80, `only ${items.length} items`);
    for (const stance of STANCES) assert.ok(items.filter((item) => item.stance === stance).length >= 20, stance);
  });

  it('reaches macro-F1 ≥ 0.85', () => {
    const result = evaluateStance(createCoder(), items);
    console.log(`      stance macro-F1 ${result.macroF1.toFixed(3)} on ${result.n} utterances; misses: ${result.misses.length}`);
    for (const miss of result.misses) console.log(`        expected ${miss.expected}, got ${miss.got}: ${miss.text}`);
    assert.ok(result.macroF1 >= 0.85, `macro-F1 ${result.macroF1.toFixed(3)}`);
  });

  it('rejects a malformed stance file with the item number', () => {
    assert.throws(() => parseStanceFile('[{"text": "Hi", "stance": "friendly"}]', 'bad.json'), /bad\.json: item 1/);
  });
});

// Issue #18: stance patterns taken from MITI 4.2.1's definitions, in our own words. Each case was coded wrongly
// before the rule or decision it names.
describe('stance: MITI 4.2.1 patterns beyond the hand-labelled set', () => {
  const coder = createCoder();
  const stanceOf = (text: string) => coder.codeUtterance(text, 'therapist').stance;
  const cases: [string, string, string][] = [
    ['an imperative after an unpunctuated condition', 'If it gets worse go to the emergency room.', 'directive'],
    ['an imperative after a time adverbial', 'Tonight write down three things that went well.', 'directive'],
    ['an imperative after a colon', 'Here is what I would do: write the worries down before bed.', 'directive'],
    ['an order after "if you want to…" is still an order', 'If you want to get well, stop drinking.', 'directive'],
    ['a confrontation that labels the client', "You're overthinking this.", 'directive'],
    ['a warning of consequences', "If you don't get help soon, it will only get worse.", 'directive'],
    ['an imperative offered with the choice handed back (Persuade with Permission)', 'When you feel ready, call the clinic.', 'collaborative'],
    ['"take it or leave it" beside advice', 'Take it or leave it, but write the worries down before bed.', 'collaborative'],
    ['an affirmation of strength', "You're stronger than you think.", 'collaborative'],
    ['an affirmation of effort', 'You came up with a really sensible plan.', 'collaborative'],
    ['encouragement of the client\'s own plan', 'If the class appeals to you, go for it!', 'collaborative'],
    ['well-wishing stays neutral, "you can" there is no advice', 'I hope you can get some rest.', 'neutral'],
    ['"if you need to…" is a condition, not an obligation', "If you need to cry, that's okay here.", 'neutral'],
  ];
  for (const [what, text, expected] of cases) {
    it(`${what}: "${text}" is ${expected}`, () => assert.strictEqual(stanceOf(text), expected));
  }
});
