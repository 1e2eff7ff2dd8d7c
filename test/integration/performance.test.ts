// Records the activate() time measured inside the real extension host, for `alliance-lens bench` to print
// (test-results/activation.json). No timing is asserted here: the bench compares it with the goal.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'alliance-lens.alliance-lens';
const ACTIVATION_FILE = path.resolve(__dirname, '..', '..', '..', 'test-results', 'activation.json');

describe('Performance figures for the bench', () => {
  it('records how long activate() took in this VS Code', async () => {
    const extension = vscode.extensions.getExtension<{ activationMs?: number }>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    const api = await extension.activate();
    const activationMs = api?.activationMs;
    assert.ok(typeof activationMs === 'number' && Number.isFinite(activationMs) && activationMs > 0, `activate() exported no activationMs (got ${String(activationMs)})`);
    const record = { activationMs, vscodeVersion: vscode.version, appName: vscode.env.appName, recordedAt: new Date().toISOString() };
    fs.mkdirSync(path.dirname(ACTIVATION_FILE), { recursive: true });
    fs.writeFileSync(`${ACTIVATION_FILE}.tmp`, `${JSON.stringify(record, null, 2)}\n`);
    fs.renameSync(`${ACTIVATION_FILE}.tmp`, ACTIVATION_FILE);
    assert.deepStrictEqual(JSON.parse(fs.readFileSync(ACTIVATION_FILE, 'utf8')), record);
  });
});
