// Review without risk in the real workbench, as a new user meets it: the walkthrough on the first run
// (test-results/first-run-walkthrough.png), a transcript locked for review that ignores a stray keystroke
// (review-lock.png), the Codes view's welcome on an uncoded transcript (codes-welcome.png), the agreement report
// rendered as a preview (agreement-report.png), and the Summary panel while a large file is analysed
// (panel-analysing.png).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { repoRoot } from '../harness/paths';
import { withWorkbench } from '../harness/workbench';

const FIXTURES = path.join(repoRoot, 'test', 'fixtures', 'annotations');
const CODED = 'coded-session.transcript';
const UNCODED = 'uncoded-session.transcript';
const LARGE = 'long-session.log';
const UI_TIMEOUT_MS = 30_000;

async function waitForFrameText(page: Page, text: string): Promise<boolean> {
  const deadline = Date.now() + UI_TIMEOUT_MS;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const body = await frame.locator('body').innerText({ timeout: 1000 }).catch(() => '');
      if (body.includes(text)) return true;
    }
    await page.waitForTimeout(500);
  }
  return false;
}

describe('Review without risk, in the real workbench', () => {
  it('teaches on the first run, locks transcripts, welcomes in Codes, renders agreement and says it is analysing', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-lens-e2e-review-'));
    fs.copyFileSync(path.join(FIXTURES, CODED), path.join(folder, CODED));
    fs.copyFileSync(path.join(FIXTURES, `${CODED}.alliance.json`), path.join(folder, `${CODED}.alliance.json`));
    fs.copyFileSync(path.join(FIXTURES, CODED), path.join(folder, UNCODED));
    const turns = Array.from({ length: 6000 }, (_, i) => (i % 2
      ? `C: I suppose I could try walking in the evenings, turn ${i}, but work gets in the way most days.`
      : `T: What would make this week different from last week, turn ${i}, in your own words?`));
    fs.writeFileSync(path.join(folder, LARGE), `${turns.join('\n')}\n`);
    const original = fs.readFileSync(path.join(folder, CODED), 'utf8');
    try {
      // VS Code's own defaults for walkthroughs and saving (the browser saves after a delay), as in npm start.
      const settings = { 'allianceLens.walkthrough.openOnFirstRun': true, 'files.autoSave': 'afterDelay', 'allianceLens.coder': 'ana' };
      await withWorkbench({ folder, name: 'review', settings, viewport: { width: 1440, height: 900 } }, async (workbench) => {
        const { page } = workbench;
        await workbench.openFile(CODED);
        await page.locator('.gettingStartedContainer', { hasText: 'Get started with Alliance Lens' }).first().waitFor({ timeout: UI_TIMEOUT_MS });
        await workbench.screenshot('first-run-walkthrough');
        await workbench.runCommand('View: Close Editor');

        // A stray keystroke in the locked transcript changes nothing, on screen or (after the auto-save delay) on disk.
        const lock = page.locator('.statusbar-item', { hasText: 'Read-only' }).first();
        await lock.waitFor({ timeout: UI_TIMEOUT_MS });
        await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
        await page.keyboard.type('x');
        await page.waitForTimeout(2500);
        assert.strictEqual(fs.readFileSync(path.join(folder, CODED), 'utf8'), original, 'the transcript on disk is unchanged');
        await workbench.screenshot('review-lock');

        // Agreement with the automatic codes, over what ana reviewed, as a rendered preview.
        await workbench.runCommand('Alliance Lens: Compare Coders');
        const choice = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'ana and the automatic codes' }).first();
        await choice.waitFor({ timeout: UI_TIMEOUT_MS });
        await choice.click();
        await page.locator('.tabs-container .tab[aria-label*="agreement-"]').first().waitFor({ timeout: UI_TIMEOUT_MS });
        // The preview renders inside a webview's nested frame: wait until some frame shows the report's text.
        const rendered = await waitForFrameText(page, "Krippendorff's alpha");
        assert.ok(rendered, 'the agreement report is rendered, not shown as raw Markdown');
        await workbench.screenshot('agreement-report');
        await workbench.runCommand('View: Close All Editors');

        await workbench.openFile(UNCODED);
        await workbench.runCommand('Alliance Lens: Focus on Codes View');
        await page.locator('.pane:has(> .pane-header[aria-label="Codes Section"]) .welcome-view-content', { hasText: 'No human codes' }).first().waitFor({ timeout: UI_TIMEOUT_MS });
        await workbench.screenshot('codes-welcome');

        // A file that is not auto-detected, analysed on request: the panel says so while it works.
        await workbench.runCommand('Alliance Lens: Show Summary');
        await workbench.openFile(LARGE);
        await workbench.runCommand('Alliance Lens: Analyze This File');
        const summary = await workbench.webviewFrame('allianceLens.summary');
        await summary.locator('body', { hasText: `Analysing ${LARGE}` }).waitFor({ timeout: UI_TIMEOUT_MS });
        await workbench.screenshot('panel-analysing');
      });
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
