// "De-identify Transcript…" in a real editor, scripted (a target skips the diff and the questions): the copy and its
// sidecar are written beside a temporary original, which stays as it was, and the key goes only where it is asked.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './editorSupport';

interface Outcome {
  copy: vscode.Uri;
  sidecar: vscode.Uri | null;
  key: vscode.Uri | null;
  replaced: number;
}

const SESSION = 'Therapist: How was the week, Wiremu?\nWiremu Tane: Busy. My sister Mereana visited from Rotorua on the 3rd of May.\n'
  + 'Therapist: What was that like?\nWiremu Tane: Good. Mereana always calms me down.\n';

describe('De-identify Transcript…', function () {
  this.timeout(60_000);
  let folder: string;

  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-lens-deid-'));
  });

  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('writes the copy and the key where asked, leaves the original, and refuses to overwrite the copy', async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    const original = path.join(folder, 'visit.transcript');
    fs.writeFileSync(original, SESSION);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.file(original)));
    const target = vscode.Uri.file(path.join(folder, 'visit.deid.transcript'));
    const key = vscode.Uri.file(path.join(folder, 'private', 'key.json'));
    fs.mkdirSync(path.dirname(key.fsPath));
    const outcome = await vscode.commands.executeCommand<Outcome>('allianceLens.deidentify', { target, key, keep: ['Rotorua'] });
    assert.ok(outcome, 'the command wrote nothing');
    const copy = fs.readFileSync(target.fsPath, 'utf8');
    assert.ok(!/Wiremu|Mereana|3rd of May/.test(copy), copy);
    assert.ok(copy.includes('Rotorua'), 'a kept term stays');
    assert.ok(copy.startsWith('Therapist: How was the week, Client?\nClient: Busy.'), copy);
    assert.strictEqual(fs.readFileSync(original, 'utf8'), SESSION);
    assert.ok(JSON.parse(fs.readFileSync(key.fsPath, 'utf8')).entries.some((entry: { original: string }) => entry.original === 'mereana'));
    const again = await vscode.commands.executeCommand<Outcome | undefined>('allianceLens.deidentify', { target });
    assert.strictEqual(again, undefined, 'an existing copy must not be overwritten');
    assert.strictEqual(fs.readFileSync(target.fsPath, 'utf8'), copy);
  });
});
