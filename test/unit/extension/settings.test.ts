import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as z from 'zod/mini';
import { REPO_ROOT } from './fixtures';
import { readSettings, SETTING_DEFINITIONS, SETTING_KEYS, type SettingKey } from '../../../src/extension/settings';

interface ManifestProperty {
  markdownDescription?: string;
  [field: string]: unknown;
}

function manifestProperties(): Record<string, ManifestProperty> {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const configuration = manifest.contributes.configuration;
  const sections = Array.isArray(configuration) ? configuration : [configuration];
  return Object.assign({}, ...sections.map((section: { properties: Record<string, ManifestProperty> }) => section.properties));
}

describe('settings schema and package.json', () => {
  const properties = manifestProperties();

  it('declares exactly the settings of the schema', () => {
    assert.deepStrictEqual(Object.keys(properties).sort(), [...SETTING_KEYS].sort());
  });

  for (const key of SETTING_KEYS) {
    it(`${key}: package.json agrees with the zod schema`, () => {
      const property = properties[key];
      assert.ok(property, `${key} is missing from contributes.configuration`);
      const expected = z.toJSONSchema(SETTING_DEFINITIONS[key].schema, { io: 'input' }) as Record<string, unknown>;
      delete expected.$schema;
      for (const [field, value] of Object.entries(expected)) {
        assert.deepStrictEqual(property[field], value, `${key}.${field}`);
      }
      assert.strictEqual(property.markdownDescription, SETTING_DEFINITIONS[key].markdownDescription);
      assert.ok(!('description' in property), 'use markdownDescription only');
    });
  }
});

describe('readSettings', () => {
  it('gives every default when nothing is set', () => {
    const { settings, problems } = readSettings(() => undefined);
    assert.deepStrictEqual(problems, []);
    assert.strictEqual(settings['allianceLens.autoDetect'], true);
    assert.strictEqual(settings['allianceLens.highlight.questions'], false);
    assert.deepStrictEqual(settings['allianceLens.rules.disabled'], []);
    assert.strictEqual(settings['allianceLens.maxFileSizeMB'], 5);
  });

  it('keeps valid values', () => {
    const values: Partial<Record<SettingKey, unknown>> = { 'allianceLens.autoDetect': false, 'allianceLens.rules.disabled': ['directive.command.imperative'] };
    const { settings, problems } = readSettings((key) => values[key]);
    assert.deepStrictEqual(problems, []);
    assert.strictEqual(settings['allianceLens.autoDetect'], false);
    assert.deepStrictEqual(settings['allianceLens.rules.disabled'], ['directive.command.imperative']);
  });

  it('falls back to the default for a broken value, with one problem naming the setting', () => {
    const values: Partial<Record<SettingKey, unknown>> = { 'allianceLens.autoDetect': 'yes', 'allianceLens.maxFileSizeMB': -3 };
    const { settings, problems } = readSettings((key) => values[key]);
    assert.strictEqual(settings['allianceLens.autoDetect'], true);
    assert.strictEqual(settings['allianceLens.maxFileSizeMB'], 5);
    assert.deepStrictEqual(problems.map((problem) => problem.key), ['allianceLens.autoDetect', 'allianceLens.maxFileSizeMB']);
    assert.match(problems[0].message, /allianceLens\.autoDetect.*"yes".*default \(true\)/);
  });

  it('rejects a list with a non-string rule id', () => {
    const { settings, problems } = readSettings((key) => (key === 'allianceLens.rules.disabled' ? ['ok', 3] : undefined));
    assert.deepStrictEqual(settings['allianceLens.rules.disabled'], []);
    assert.strictEqual(problems.length, 1);
  });
});
