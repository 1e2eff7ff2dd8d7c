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
