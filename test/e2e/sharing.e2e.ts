// Issues 13 and 15 in the real workbench, loaded as `npm start` loads it (installed, with its window title): the
// window reads "Alliance Lens — <file>", not "[Extension Development Host]"; a five-minute session's Summary shows
// its rupture and repair on a turn-by-turn timeline (test-results/summary-short-session.png) and lists this
// session's index components ("How is it computed?", summary-index-parts.png); "De-identify Transcript…" shows its
// proposal as a diff with the next steps (deidentify-preview.png) and the pick list of terms (deidentify-terms.png),
// and writes nothing until asked. The *-small.png crops are what README.md shows, copied into media/screenshots/.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repoRoot } from '../harness/paths';
import { FIRST_RUN_SETTINGS } from '../harness/startSettings';
import { withWorkbench } from '../harness/workbench';

const SHORT = 'short-session.transcript';
const NAMED = 'named-session.transcript';
const UI_TIMEOUT_MS = 30_000;

/** The panel renders again when a later analysis arrives, detaching what was found: try again on a fresh lookup. */
async function onSettled<T>(action: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await action();
    } catch (error) {
      if (attempt >= 5 || !String(error).includes('not attached')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

describe('Sharing and reading a short session, in the workbench npm start serves', () => {
  it('titles the window after the file, shows the rupture-repair arc and the index parts, and previews de-identification', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-lens-e2e-sharing-'));
    fs.copyFileSync(path.join(repoRoot, 'test', 'fixtures', 'editor', SHORT), path.join(folder, SHORT));
    fs.copyFileSync(path.join(repoRoot, 'test', 'fixtures', 'deidentify', 'coded', NAMED), path.join(folder, NAMED));
    fs.copyFileSync(path.join(repoRoot, 'test', 'fixtures', 'deidentify', 'coded', `${NAMED}.alliance.json`), path.join(folder, `${NAMED}.alliance.json`));
    const before = fs.readdirSync(folder).sort();
    const settings = { 'window.title': FIRST_RUN_SETTINGS['window.title'], 'window.titleSeparator': FIRST_RUN_SETTINGS['window.titleSeparator'], 'allianceLens.coder': 'ana' };
    try {
      await withWorkbench({ folder, name: 'sharing', settings, installed: true, viewport: { width: 1440, height: 900 } }, async (workbench) => {
        const { page } = workbench;
        await workbench.openFile(SHORT);
        await page.waitForFunction((name) => document.title.includes(name), SHORT, { timeout: UI_TIMEOUT_MS });
        const title = await page.title();
        assert.ok(title.startsWith('Alliance Lens — '), title);
        assert.ok(!title.includes('Extension Development Host'), title);

        // The Summary of a five-minute session: a bar an exchange, the rupture on line 8 and its repair on line 9.
        await workbench.runCommand('Alliance Lens: Show Summary');
        const summary = await workbench.webviewFrame('allianceLens.summary');
        const segments = summary.locator('svg.timeline .segment');
        await segments.first().waitFor({ timeout: UI_TIMEOUT_MS });
        assert.strictEqual(await segments.count(), 6, 'one bar per exchange');
        assert.strictEqual(await summary.locator('svg.timeline .mark-rupture').count(), 1);
        assert.strictEqual(await summary.locator('svg.timeline .mark-repair').count(), 1);
        assert.strictEqual(await summary.locator('svg.timeline .repair-arc').count(), 1);
        assert.ok((await segments.nth(1).getAttribute('aria-label'))?.includes('1 rupture'));
        assert.ok((await segments.nth(2).getAttribute('aria-label'))?.includes('1 repair'));
        await onSettled(() => summary.locator('#timeline-heading').scrollIntoViewIfNeeded({ timeout: 2000 }));
        await workbench.screenshot('summary-short-session');
        // The README's small copies (media/screenshots/): the side bar's Summary, and below the diff.
        await workbench.screenshot('summary-short-session-small', { x: 0, y: 30, width: 345, height: 530 });

        const parts = summary.locator('table.index-parts');
        await onSettled(async () => {
          await summary.locator('details.formula > summary').click({ timeout: 2000 });
          await parts.scrollIntoViewIfNeeded({ timeout: 2000 });
        });
        const partsText = await parts.innerText();
        assert.match(partsText, /reflections per therapist turn/);
        assert.match(partsText, /Start\s+45/);
        await workbench.screenshot('summary-index-parts');

        // De-identification: the proposal as a diff, then the pick list; cancelling writes nothing.
        await workbench.openFile(NAMED);
        // The Comments panel opens for the supervisor's thread; the README's picture needs the diff's full height.
        await workbench.runCommand('View: Hide Panel');
        await workbench.runCommand('Alliance Lens: De-identify Transcript…');
        const row = (text: string) => page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: text }).first();
        await row('No key').click();
        await row('Write the de-identified copy').waitFor({ timeout: UI_TIMEOUT_MS });
        await page.locator('.tabs-container .tab[aria-label*="de-identified (proposal"]').first().waitFor({ timeout: UI_TIMEOUT_MS });
        const modified = page.locator('.monaco-diff-editor .editor.modified .view-lines').first();
        await modified.waitFor({ timeout: UI_TIMEOUT_MS });
        // Monaco draws spaces as no-break spaces and wraps long lines: compare words, not layout.
        const proposal = (await modified.innerText()).replace(/\s+/g, ' ');
        assert.ok(proposal.includes('Therapist: Welcome back, Client.'), proposal);
        assert.ok(!/Tariq|Redbank|Farrow/.test(proposal), proposal);
        await workbench.screenshot('deidentify-preview');
        await workbench.screenshot('deidentify-preview-small', { x: 348, y: 30, width: 1092, height: 420 });

        await row('Choose which terms to replace').click();
        await row('Redbank Foundry').waitFor({ timeout: UI_TIMEOUT_MS });
        await workbench.screenshot('deidentify-terms');
        await page.keyboard.press('Escape');
        await row('Cancel').click();
        await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
      });
      assert.deepStrictEqual(fs.readdirSync(folder).sort(), before, 'cancelling wrote nothing');
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
