// Human coding end to end in the real workbench, as a person does it: a coded transcript with its comment thread
// open (the screenshot test-results/annotations.png), coding a selection through "Code Selection…" and its quick
// pick, then a real window reload after which every code and comment is still there.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { repoRoot } from '../harness/paths';
import { withWorkbench, type Workbench } from '../harness/workbench';

const FIXTURES = path.join(repoRoot, 'test', 'fixtures', 'annotations');
const NAME = 'coded-session.transcript';
const UI_TIMEOUT_MS = 30_000;

interface StoredSidecar {
  annotations: Array<{ coder: string; codes: string[]; memo: string; anchor: { exact: string } }>;
  comments: Array<{ comments: Array<{ body: string }> }>;
}

function codesViewRow(page: Page, label: string) {
  return page.locator('.pane:has(> .pane-header[aria-label="Codes Section"]) .monaco-list-row', { hasText: label }).first();
}

async function showCodesAndComments(workbench: Workbench): Promise<void> {
  // After a reload the workbench restores the open view by itself; the first time it has to be opened.
  const row = codesViewRow(workbench.page, 'Change talk');
  await row.waitFor({ timeout: 10_000 }).catch(() => workbench.runCommand('Alliance Lens: Focus on Codes View'));
  await row.waitFor({ timeout: UI_TIMEOUT_MS });
  await workbench.runCommand('Comments: Expand All Comments');
  await workbench.page.locator('.review-widget', { hasText: 'Try a reflection here instead of advice.' }).first().waitFor({ timeout: UI_TIMEOUT_MS });
}

/** The count the Codes view shows beside a code. */
async function shownCount(page: Page, label: string): Promise<string> {
  return (await codesViewRow(page, label).locator('.label-description').innerText()).trim();
}

describe('Human coding in the real workbench', () => {
  it('shows codes and a comment thread, codes a selection through the quick pick, and keeps everything across a window reload', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-lens-e2e-annotations-'));
    fs.copyFileSync(path.join(FIXTURES, NAME), path.join(folder, NAME));
    fs.copyFileSync(path.join(FIXTURES, `${NAME}.alliance.json`), path.join(folder, `${NAME}.alliance.json`));
    const sidecarFile = path.join(folder, `${NAME}.alliance.json`);
    try {
      await withWorkbench({ folder, name: 'annotations', settings: { 'allianceLens.coder': 'supervisor', 'files.autoSave': 'off' } }, async (workbench) => {
        const { page } = workbench;
        await workbench.openFile(NAME);
        await showCodesAndComments(workbench);
        // ana's three and ben's three change-talk segments (one of ben's is an accepted finding).
        assert.strictEqual(await shownCount(page, 'Change talk'), '6');
        await workbench.screenshot('annotations');

        // Code "Maybe. I don't know." (line 6) as a person would: select it, run the command, tick a code, write a memo.
        await workbench.page.keyboard.press('Escape');
        await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
        await page.keyboard.press('Control+G');
        await page.locator('.quick-input-widget .quick-input-box input').type('6:4');
        await page.keyboard.press('Enter');
        await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
        await page.keyboard.press('Shift+End');
        await page.locator('.statusbar-item', { hasText: '(20 selected)' }).first().waitFor({ timeout: UI_TIMEOUT_MS });
        // Not workbench.runCommand: its opening Escape would clear the selection.
        const input = page.locator('.quick-input-widget .quick-input-box input');
        await page.keyboard.press('F1');
        await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
        await input.type('Alliance Lens: Code Selection');
        await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Code Selection' }).first().click();
        await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Code the selection' }).waitFor({ timeout: UI_TIMEOUT_MS });
        await input.type('Sustain talk');
        // In a multi-select quick pick a click on the row ticks its box.
        await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'talk.sustain' }).first().click();
        await page.keyboard.press('Enter');
        await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Memo' }).waitFor({ timeout: UI_TIMEOUT_MS });
        await input.type('ambivalent, not change talk');
        await page.keyboard.press('Enter');
        const added = await waitForValue(() => {
          const stored = JSON.parse(fs.readFileSync(sidecarFile, 'utf8')) as StoredSidecar;
          return stored.annotations.find((annotation) => annotation.coder === 'supervisor');
        });
        assert.deepStrictEqual([added.codes, added.memo, added.anchor.exact], [['talk.sustain'], 'ambivalent, not change talk', "Maybe. I don't know."]);
        await codesViewRow(page, 'Sustain talk').waitFor({ timeout: UI_TIMEOUT_MS });

        // A real window reload: the extension host restarts and reads everything back from the sidecar.
        const before = fs.readFileSync(sidecarFile, 'utf8');
        await page.reload();
        await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
        await page.locator('.tabs-container .tab[aria-label^="coded-session.transcript"]').first().waitFor({ timeout: 60_000 });
        await page.locator('.tabs-container .tab[aria-label^="coded-session.transcript"]').first().click();
        await showCodesAndComments(workbench);
        assert.strictEqual(await shownCount(page, 'Change talk'), '6');
        assert.strictEqual(await shownCount(page, 'Sustain talk'), '1');
        assert.strictEqual(fs.readFileSync(sidecarFile, 'utf8'), before, 'reloading rewrote nothing');
        await workbench.screenshot('annotations-after-reload');
      });
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

async function waitForValue<T>(probe: () => T | undefined): Promise<T> {
  const deadline = Date.now() + UI_TIMEOUT_MS;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting for the sidecar to change on disk');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
