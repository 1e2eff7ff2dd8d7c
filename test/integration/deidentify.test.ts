// "De-identify Transcript…" in a real editor, scripted (a target skips the diff and the questions): the copy and its
// sidecar are written beside a temporary original, which stays as it was, and the key goes only where it is asked.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, waitFor } from './editorSupport';

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

/** Replaces a window function for one test; the returned function puts it back. */
function stub<K extends 'showQuickPick' | 'showInputBox'>(name: K, replacement: unknown): () => void {
  const window = vscode.window as unknown as Record<string, unknown>;
  const original = window[name];
  window[name] = replacement;
  return () => {
    window[name] = original;
  };
}

interface Item { label: string; id?: string; picked?: boolean; term?: { original: string } }

describe('De-identify Transcript… as a person runs it: the diff preview and the pick list', function () {
  this.timeout(60_000);
  let folder: string;
  const restore: (() => void)[] = [];

  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-lens-deid-ui-'));
  });

  after(() => {
    for (const undo of restore.splice(0)) undo();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('shows every replacement in a diff, keeps an unticked term, adds a typed one, and writes only the copy', async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    const session = `${SESSION}Therapist: And after Rotorua?\nWiremu Tane: Back to the marae, then home.\n`;
    const original = path.join(folder, 'visit.transcript');
    fs.writeFileSync(original, session);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.file(original)));

    /** The proposal the diff editor shows on its right, as it reads now. */
    const proposalText = async () => {
      const diff = vscode.window.tabGroups.all.flatMap((group) => group.tabs).map((tab) => tab.input)
        .find((input): input is vscode.TabInputTextDiff => input instanceof vscode.TabInputTextDiff && input.modified.scheme === 'alliance-lens-deid');
      assert.ok(diff, 'no diff editor with the proposal is open');
      assert.strictEqual(diff.original.fsPath, original, 'the diff compares against the original');
      return (await vscode.workspace.openTextDocument(diff.modified)).getText();
    };
    const proposals: string[] = [];
    const titles: string[] = [];
    let menuCalls = 0;
    // The person's answers: no key; pick terms (untick Rotorua); add "marae"; write; beside the original.
    restore.push(stub('showQuickPick', async (items: Item[] | Thenable<Item[]>, options?: { title?: string; canPickMany?: boolean }) => {
      const list = await items;
      titles.push(options?.title ?? '');
      if (options?.title?.startsWith('De-identify: keep the replacements')) return list.find((item) => item.id === 'none');
      if (options?.title?.startsWith('De-identify: read the diff')) {
        menuCalls++;
        // What the diff shows at each step, once the proposal has caught up with the last choice.
        const expected = [(text: string) => !text.includes('Rotorua'), (text: string) => text.includes('Rotorua'), (text: string) => !text.includes('marae')][menuCalls - 1];
        proposals.push(await waitFor(async () => {
          const text = await proposalText();
          return expected(text) ? text : undefined;
        }, `the proposal after step ${menuCalls}`));
        return list.find((item) => item.id === ['terms', 'add', 'write'][menuCalls - 1]);
      }
      if (options?.canPickMany) {
        const originals = list.map((item) => item.term?.original);
        assert.ok(originals.includes('Wiremu') && originals.includes('Rotorua') && originals.includes('Mereana'), JSON.stringify(originals));
        return list.filter((item) => item.term?.original !== 'Rotorua');
      }
      if (options?.title?.startsWith('Where should the de-identified copy go?')) return list.find((item) => item.id === 'beside');
      throw new Error(`unexpected quick pick: ${options?.title}`);
    }));
    restore.push(stub('showInputBox', async () => 'marae'));

    const outcome = await vscode.commands.executeCommand<Outcome>('allianceLens.deidentify');
    for (const undo of restore.splice(0)) undo();
    assert.ok(outcome, `the command wrote nothing; it asked: ${titles.join(' | ')}`);
    assert.strictEqual(menuCalls, 3);
    // Step 1: every identifier replaced in the preview, the lower-case "marae" not yet.
    assert.ok(!/Wiremu|Mereana|Rotorua|3rd of May/.test(proposals[0]) && proposals[0].includes('marae'), proposals[0]);
    // Step 2: Rotorua unticked, so kept. Step 3: "marae" added, so replaced.
    assert.ok(proposals[1].includes('Rotorua') && !proposals[1].includes('Wiremu'), proposals[1]);
    assert.ok(!proposals[2].includes('marae') && proposals[2].includes('Rotorua'), proposals[2]);

    const copyPath = path.join(folder, 'visit.deid.transcript');
    assert.strictEqual(outcome.copy.fsPath, copyPath);
    assert.strictEqual(outcome.key, null, 'no key was asked for');
    const copy = fs.readFileSync(copyPath, 'utf8');
    assert.strictEqual(copy, proposals[2], 'the copy is what the diff showed last');
    assert.ok(copy.startsWith('Therapist: How was the week, Client?\nClient: Busy.'), copy);
    assert.strictEqual(fs.readFileSync(original, 'utf8'), session, 'the original is untouched');
    // Nothing else appeared: no key, no sidecar (the original has none).
    assert.deepStrictEqual(fs.readdirSync(folder).sort(), ['visit.deid.transcript', 'visit.transcript']);
  });
});
