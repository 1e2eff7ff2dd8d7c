import * as assert from 'assert';
import { createCoder } from '../../../src/core/coding';
import { lineOfJsonPath } from '../../../src/core/json-locate';

const goodRule = {
  id: 'directive.command.homework',
  code: 'directive.command',
  stance: 'directive',
  message: 'Assigning homework without asking is directive.',
  reference: 'Local supervision guide · homework',
  patterns: ['[your homework is]'],
  examples: ['Your homework is to log every drink.'],
  counterexamples: ['What homework would suit you?'],
};

const file = (rules: unknown) => ({ path: '/ws/.alliance-lens/rules.json', text: JSON.stringify({ rules }, null, 2) });

describe('user rules', () => {
  it('add findings from a valid workspace file', () => {
    const coder = createCoder({ userRuleFiles: [file([goodRule])] });
    assert.deepStrictEqual(coder.ruleErrors, []);
    const coding = coder.codeUtterance('Your homework is to log every drink.', 'therapist');
    assert.strictEqual(coding.stance, 'directive');
    assert.ok(coding.findings.some((finding) => finding.rule === 'directive.command.homework'));
    assert.strictEqual(coder.describeRule('directive.command.homework')?.reference, 'Local supervision guide · homework');
    assert.notStrictEqual(coder.version, createCoder().version);
  });

  it('report broken JSON with the file and line, and keep the built-in rules working', () => {
    const coder = createCoder({ userRuleFiles: [{ path: 'rules.json', text: '{\n  "rules": [\n    { "id": "x.y.z", }\n  ]\n}' }] });
    assert.strictEqual(coder.ruleErrors.length, 1);
    const [error] = coder.ruleErrors;
    assert.strictEqual(error.path, 'rules.json');
    assert.strictEqual(error.line, 3);
    assert.match(error.message, /not valid JSON/);
    assert.strictEqual(coder.codeUtterance('You should quit.', 'therapist').stance, 'directive');
  });

  it('name the field and line of a schema problem and skip only that rule', () => {
    const broken = { ...goodRule, id: 'directive.command.broken', stance: 'bossy' };
    const coder = createCoder({ userRuleFiles: [file([goodRule, broken])] });
    assert.strictEqual(coder.ruleErrors.length, 1);
    const [error] = coder.ruleErrors;
    assert.strictEqual(error.field, 'rules[1].stance');
    assert.strictEqual(error.line, file([goodRule, broken]).text.split('\n').findIndex((line) => line.includes('"bossy"')) + 1);
    assert.ok(coder.describeRule('directive.command.homework'));
    assert.strictEqual(coder.describeRule('directive.command.broken'), undefined);
  });

  it('refuse regular expressions and nested groups in patterns', () => {
    const regex = { ...goodRule, patterns: ['/(a+)+$/'] };
    const nested = { ...goodRule, id: 'directive.command.nested', patterns: ['you (get (sick|hurt))'] };
    const coder = createCoder({ userRuleFiles: [file([regex, nested])] });
    assert.deepStrictEqual(coder.ruleErrors.map((error) => error.field), ['rules[0].patterns[0]', 'rules[1].patterns[0]']);
    assert.match(coder.ruleErrors[0].message, /regular expressions/);
    assert.match(coder.ruleErrors[1].message, /nested parentheses/);
  });

  it('require examples and counterexamples, and check that they behave', () => {
    const noExamples = { ...goodRule, examples: [] };
    const wrongExample = { ...goodRule, id: 'directive.command.wrong', examples: ['Nothing here matches.'] };
    const coder = createCoder({ userRuleFiles: [file([noExamples, wrongExample])] });
    assert.strictEqual(coder.ruleErrors.length, 2);
    assert.strictEqual(coder.ruleErrors[0].field, 'rules[0].examples');
    assert.match(coder.ruleErrors[1].message, /example does not fire: "Nothing here matches\."/);
    assert.strictEqual(coder.ruleErrors[1].field, 'rules[1]');
  });

  it('refuse a rule whose id repeats a built-in one', () => {
    const coder = createCoder({ userRuleFiles: [file([{ ...goodRule, id: 'directive.persuade.should' }])] });
    assert.match(coder.ruleErrors[0]?.message ?? '', /already defined/);
  });

  it('say what a rule file must look like', () => {
    const coder = createCoder({ userRuleFiles: [{ path: 'r.json', text: '"just a string"' }] });
    assert.match(coder.ruleErrors[0]?.message ?? '', /array of rules/);
  });

  it('expand a shared word list from "define" wherever a pattern names it', () => {
    const homework = { ...goodRule, patterns: ['^{{opener}} [your homework is]'], examples: ['So, your homework is to log every drink.'] };
    const text = JSON.stringify({ define: { opener: '(okay|so|now){0,3}' }, rules: [homework] }, null, 2);
    const coder = createCoder({ userRuleFiles: [{ path: '/ws/.alliance-lens/rules.json', text }] });
    assert.deepStrictEqual(coder.ruleErrors, []);
    const coding = coder.codeUtterance('Okay, so your homework is to log every drink.', 'therapist');
    assert.ok(coding.findings.some((finding) => finding.rule === 'directive.command.homework'));
  });

  it('name an undefined word list, skip only that rule, and refuse a badly named definition', () => {
    const text = JSON.stringify({ define: {}, rules: [{ ...goodRule, patterns: ['^{{opener}} [your homework is]'] }] }, null, 2);
    const coder = createCoder({ userRuleFiles: [{ path: 'r.json', text }] });
    assert.strictEqual(coder.ruleErrors.length, 1);
    assert.match(coder.ruleErrors[0].message, /\{\{opener\}\} is not defined/);
    assert.strictEqual(coder.ruleErrors[0].field, 'rules[0].patterns[0]');
    assert.ok(coder.ruleErrors[0].line > 1, 'points at the rule, not the top of the file');
    assert.strictEqual(coder.codeUtterance('You should quit.', 'therapist').stance, 'directive', 'the built-in rules keep working');
    const badName = createCoder({ userRuleFiles: [{ path: 'r.json', text: JSON.stringify({ define: { 'Lead In': '(so)' }, rules: [goodRule] }) }] });
    assert.match(badName.ruleErrors[0]?.message ?? '', /array of rules, or an object/);
  });

  it('let the disabled setting switch off built-in rules by id', () => {
    const coder = createCoder({ disabledRules: ['directive.persuade.should'] });
    assert.strictEqual(coder.codeUtterance('You should quit.', 'therapist').stance, 'neutral');
    assert.notStrictEqual(coder.version, createCoder().version);
    assert.ok(coder.describeRule('directive.persuade.should'), 'a disabled rule can still be described');
  });
});

describe('json-locate', () => {
  const text = '{\n  "rules": [\n    {\n      "id": "a",\n      "patterns": [\n        "x",\n        "y"\n      ]\n    }\n  ]\n}';
  it('finds the line of a nested value', () => {
    assert.strictEqual(lineOfJsonPath(text, ['rules', 0, 'patterns', 1]), 7);
    assert.strictEqual(lineOfJsonPath(text, ['rules', 0, 'id']), 4);
    assert.strictEqual(lineOfJsonPath(text, ['rules', 0]), 3);
  });
  it('falls back to the deepest existing part of the path', () => {
    assert.strictEqual(lineOfJsonPath(text, ['rules', 0, 'missing']), 3);
  });
});
