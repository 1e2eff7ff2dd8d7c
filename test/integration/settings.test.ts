// A broken setting value falls back to its default (with one warning) and the editor keeps working.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Settings } from '../../src/extension/settings';
import { EXTENSION_ID, openFixture, paintedRanges, setSetting } from './editorSupport';

describe('Settings', function () {
  this.timeout(60_000);

  after(async () => {
    await setSetting('allianceLens.maxFileSizeMB', undefined);
    await setSetting('allianceLens.highlight.collaborative', undefined);
  });

  it('a broken value falls back to its default and highlighting goes on', async () => {
    const api = await vscode.extensions.getExtension<{ configuration: { settings: Settings } }>(EXTENSION_ID)!.activate();
    await setSetting('allianceLens.maxFileSizeMB', 'big');
    await setSetting('allianceLens.highlight.collaborative', 'yes please');
    assert.strictEqual(api.configuration.settings['allianceLens.maxFileSizeMB'], 5);
    assert.strictEqual(api.configuration.settings['allianceLens.highlight.collaborative'], true);
    const editor = await openFixture('session.transcript');
    const ranges = await paintedRanges(editor.document.uri);
    assert.ok(ranges.collaborative.length > 0, 'collaborative highlights stay on (the default)');
  });
});
