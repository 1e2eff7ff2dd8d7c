import * as assert from 'assert';
import {
  discoverConfiguration, discoverTranscriptConfiguration, engineOptions, foldersUpward, parentFolder,
} from '../../../src/core/configuration/discover';

/** A file system in a map: path → text. */
function reader(files: Record<string, string>) {
  const asked: string[] = [];
  const readFile = (path: string) => {
    asked.push(path);
    return Promise.resolve(files[path]);
  };
  return { readFile, asked };
}

describe('configuration discovery (core/configuration/discover)', () => {
  it('walks up folder by folder, nearest first, on POSIX and Windows paths', () => {
    assert.deepStrictEqual(foldersUpward('/w/a/b'), ['/w/a/b', '/w/a', '/w', '/']);
    assert.deepStrictEqual(foldersUpward('C:\\w\\a'), ['C:\\w\\a', 'C:\\w', 'C:\\']);
    assert.deepStrictEqual(foldersUpward('/w/a/b/', '/w'), ['/w/a/b', '/w/a', '/w']);
    assert.strictEqual(parentFolder('/'), null);
    assert.strictEqual(parentFolder('C:\\'), null);
    assert.strictEqual(parentFolder('/w/session.txt'), '/w');
  });

  it('stops at the workspace root, and ignores a root the folder is not inside', () => {
    assert.deepStrictEqual(foldersUpward('/w/a/b', '/w/a'), ['/w/a/b', '/w/a']);
    assert.deepStrictEqual(foldersUpward('/other/x', '/w'), ['/other/x', '/other', '/']);
    assert.deepStrictEqual(foldersUpward('/w/ab', '/w/a'), ['/w/ab', '/w', '/'], '"/w/ab" is not inside "/w/a"');
  });

  it('finds the nearest rules file and the nearest codebook, each on its own', async () => {
    const { readFile } = reader({
      '/w/.alliance-lens/rules.json': 'root rules',
      '/w/.alliance-lens/codebook.json': 'root codebook',
      '/w/team/.alliance-lens/rules.json': 'team rules',
    });
    const found = await discoverTranscriptConfiguration('/w/team/week1/session.txt', { readFile, root: '/w' });
    assert.deepStrictEqual(found, {
      rules: { path: '/w/team/.alliance-lens/rules.json', text: 'team rules' },
      codebook: { path: '/w/.alliance-lens/codebook.json', text: 'root codebook' },
    });
  });

  it('never reads above the workspace root', async () => {
    const { readFile, asked } = reader({ '/.alliance-lens/rules.json': 'above the workspace' });
    const found = await discoverConfiguration('/w/a', { readFile, root: '/w' });
    assert.deepStrictEqual(found, { rules: null, codebook: null });
    assert.ok(asked.every((path) => path.startsWith('/w/')), asked.join(', '));
  });

  it('gives the engine the discovered rules, or an explicit file instead, and the disabled rules once each', () => {
    const configuration = { rules: { path: '/w/.alliance-lens/rules.json', text: '[]' } };
    assert.deepStrictEqual(engineOptions([configuration], { disabledRules: ['a', 'b', 'a'] }), {
      userRuleFiles: [{ path: '/w/.alliance-lens/rules.json', text: '[]' }], disabledRules: ['a', 'b'],
    });
    assert.deepStrictEqual(engineOptions([configuration], { rulesFile: { path: 'mine.json', text: '{}' } }).userRuleFiles, [{ path: 'mine.json', text: '{}' }]);
    assert.deepStrictEqual(engineOptions([{ rules: null }]), { userRuleFiles: [], disabledRules: [] });
  });
});
