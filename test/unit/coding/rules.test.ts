import * as assert from 'assert';
import { checkRuleExamples, createCoder } from '../../../src/core/coding';
import { loadRuleFile } from '../../../src/core/coding/rule-loader';
import { BUILT_IN_RULE_FILES } from '../../../src/core/coding/rules';
import { CODE_IDS } from '../../../src/core/types';

describe('built-in rules', () => {
  const loaded = BUILT_IN_RULE_FILES.map((file) => loadRuleFile(file.path, file.text));
  const rules = loaded.flatMap((file) => file.rules.map((located) => located.rule));

  it('all pass the schema', () => {
    assert.deepStrictEqual(loaded.flatMap((file) => file.errors), []);
    assert.ok(rules.length >= 20, `only ${rules.length} rules loaded`);
  });

  it('have unique ids and known code families', () => {
    const ids = rules.map((rule) => rule.id);
    assert.strictEqual(new Set(ids).size, ids.length);
    const families = new Set(CODE_IDS.map((code) => code.split('.')[0]).concat('other'));
    for (const rule of rules) {
      assert.ok(families.has(rule.code.split('.')[0]), `${rule.id}: unknown code family in ${rule.code}`);
      assert.ok(rule.id.startsWith(`${rule.code}.`), `${rule.id} should start with its code ${rule.code}`);
    }
  });

  it('the coder reports no errors with only built-in rules', () => {
    assert.deepStrictEqual(createCoder().ruleErrors, []);
  });

  for (const rule of rules) {
    it(`${rule.id}: every example fires and no counterexample does`, () => {
      assert.deepStrictEqual(checkRuleExamples(rule), []);
    });
  }
});
