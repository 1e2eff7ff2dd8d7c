import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { compileRules, matchUtterance } from '../../../src/core/coding/matcher';
import { maskNonVerbal } from '../../../src/core/coding/mask';
import { loadRuleFile } from '../../../src/core/coding/rule-loader';
import { BUILT_IN_RULE_FILES } from '../../../src/core/coding/rules';

const rules = BUILT_IN_RULE_FILES.flatMap((file) => loadRuleFile(file.path, file.text).rules.map((located) => located.rule));
const stanceDirectory = path.resolve(__dirname, '../../../../test/fixtures/stance');
const texts = [
  ...rules.flatMap((rule) => [...rule.examples, ...rule.counterexamples]),
  ...fs.readdirSync(stanceDirectory).flatMap((name) => (JSON.parse(fs.readFileSync(path.join(stanceDirectory, name), 'utf8')) as { text: string }[]).map((item) => item.text)),
  "Okay. So, um, you've said you'd like to cut down, and I'm wondering what you think. Would it be okay if I shared something? You should probably, uh, call her.",
  "I don't know, whatever. [laughs] This isn't helping, you don't understand.",
];

describe('matcher: the lexical pre-filter is only a shortcut', function () {
  // The unfiltered run is deliberately the slow path.
  this.timeout(120000);
  for (const role of ['therapist', 'client'] as const) {
    it(`gives identical hits with and without it (${role} rules, ${texts.length} texts)`, () => {
      const roleRules = rules.filter((rule) => rule.role === role || rule.role === 'any');
      const fast = compileRules(roleRules);
      const slow = compileRules(roleRules, { prefilter: false });
      let hitCount = 0;
      for (const text of texts) {
        const masked = maskNonVerbal(text);
        const expected = matchUtterance(slow, masked);
        assert.deepStrictEqual(matchUtterance(fast, masked), expected, text);
        hitCount += expected.hits.length;
      }
      assert.ok(hitCount >= 40, `only ${hitCount} hits: the comparison would be vacuous`);
    });
  }
});

describe('matcher: alternatives that share their first words', () => {
  const ruleWith = (pattern: string) => ({
    id: 'test.prefix.alternatives', code: 'test.prefix', stance: 'neutral' as const, role: 'therapist' as const,
    message: 'test', reference: 'test', patterns: [pattern], except: [], wholeUtterance: false, examples: ['x'], counterexamples: ['y'],
  });
  const matched = (pattern: string, text: string) => matchUtterance(compileRules([ruleWith(pattern)]), text).hits.map((hit) => text.slice(hit.start, hit.end));

  it('matches the longer alternative even when the shorter one is written first', () => {
    // compromise alone tries "you" first and never comes back for "you are".
    assert.deepStrictEqual(matched('[(you|you are) free to decide]', 'Well, you are free to decide.'), ['you are free to decide']);
    assert.deepStrictEqual(matched('[you got (that|that across)? (very)? well]', 'You got that across very well.'), ['You got that across very well']);
  });

  it('still matches the shorter alternative where the longer one does not fit', () => {
    assert.deepStrictEqual(matched('[(you|you are) free to decide]', 'So you free to decide?'), ['you free to decide']);
  });
});
