// Trends in the real workbench: the trend panel on the bundled trainee series (six sessions), in a light and a
// dark theme (test-results/trends-light.png, trends-dark.png). It is opened as a person would, from the therapist's
// row in the Sessions view and from the command palette; what is checked is read from the panel's own frame.
import * as assert from 'assert';
import * as path from 'path';
import type { Frame } from 'playwright-core';
import { samplesDir } from '../harness/paths';
import { withWorkbench, type Workbench } from '../harness/workbench';

const SERIES = 'trainee-sessions';
const UI_TIMEOUT_MS = 30_000;
const VIEWPORT = { width: 1440, height: 900 };

/** What a supervisor must see: a chart per score, the six sessions, the MITI lines, the estimate marks, the words. */
async function checkPanel(frame: Frame): Promise<void> {
  assert.strictEqual(await frame.locator('svg.chart').count(), 9, 'one chart per score');
  assert.match(await frame.locator('#session-count').innerText(), /^6 sessions, 2026-01-12 to 2026-03-23 · from /);
  assert.match(await frame.locator('h1').innerText(), /Sessions over time: Sam Okafor/);
  const ratio = frame.locator('figure', { hasText: 'Reflection-to-question ratio' });
  assert.strictEqual(await ratio.locator('line.threshold').count(), 2, 'the MITI fair and good lines on the ratio chart');
  assert.match(await ratio.locator('.threshold-label').first().textContent() ?? '', /MITI fair 1:1/);
  assert.strictEqual((await ratio.locator('.band').innerText()).trim(), 'estimate', 'the ratio (ICC 0.51) is an estimate, not graded');
  assert.strictEqual(await frame.locator('figure', { hasText: 'Alliance index' }).locator('.band-estimate').count(), 0);
  assert.strictEqual(await frame.locator('g.session-point[tabindex="0"]').count(), 9 * 6 - (await nullPoints(frame)), 'every value is a focusable point');
  assert.strictEqual(await frame.locator('table.sessions tbody tr').count(), 6);
  assert.match(await frame.locator('.narrative').innerText(), /Worth a look: Session 5 \(2026-03-09, [^)]*\): the alliance index fell/);
}

/** Sessions without a value for a score have no point (e.g. complex reflections in a session without reflections). */
async function nullPoints(frame: Frame): Promise<number> {
  return (await frame.locator('svg.chart desc').allTextContents()).reduce((sum, text) => sum + (text.match(/no value/g) ?? []).length, 0);
}

/** On a busy machine the workbench is ready before the extension host has read Alliance Lens's contributions;
 * its activity-bar entry says they are in. */
async function runOnceContributed(workbench: Workbench, title: string): Promise<void> {
  await workbench.page.locator('.activitybar .action-item a[aria-label^="Alliance Lens"]').first().waitFor({ timeout: 90_000 });
  await workbench.runCommand(title);
}

/** The panel alone in the window (no side bar), once its charts are drawn, saved as test-results/NAME.png. */
async function showWide(workbench: Workbench, frame: Frame, name: string): Promise<void> {
  await frame.locator('svg.chart').first().waitFor({ timeout: 60_000 });
  await workbench.runCommand('View: Close Primary Side Bar');
  await workbench.page.waitForTimeout(500);
  await workbench.screenshot(name);
}

async function waitForTab(workbench: Workbench, name: string): Promise<void> {
  await workbench.page.locator(`.tabs-container .tab[aria-label^="${name}"]`).first().waitFor({ timeout: UI_TIMEOUT_MS });
}

describe('The trend panel in the real workbench', () => {
  it('charts the trainee series in a light theme, opened from the Sessions view, and a click on a point opens that session', () =>
    withWorkbench({ folder: samplesDir, name: 'trends-light', settings: { 'workbench.colorTheme': 'Default Light Modern' }, viewport: VIEWPORT }, async (workbench) => {
      const { page } = workbench;
      await runOnceContributed(workbench, 'Alliance Lens: Focus on Sessions View');
      const group = page.locator('.monaco-list-row', { hasText: 'Sam Okafor' }).first();
      await group.waitFor({ timeout: 60_000 });
      await group.hover();
      await group.locator('.action-label[aria-label="Show Trends…"]').click();
      const frame = await workbench.webviewPanelFrame('svg.chart');
      await showWide(workbench, frame, 'trends-light');
      await checkPanel(frame);

      // The table and the plain-language paragraph under the charts.
      await frame.locator('.narrative').scrollIntoViewIfNeeded();
      await workbench.screenshot('trends-light-table');

      await frame.locator('figure', { hasText: 'Alliance index' }).locator('g.session-point[data-session="2"]').click();
      await waitForTab(workbench, '2026-02-09-session-3.transcript');
    }));

  it('charts the same series in a dark theme, opened from the command palette, and Enter on a focused point opens it', () =>
    withWorkbench({ folder: path.join(samplesDir, SERIES), name: 'trends-dark', settings: { 'workbench.colorTheme': 'Default Dark Modern' }, viewport: VIEWPORT }, async (workbench) => {
      const { page } = workbench;
      await runOnceContributed(workbench, 'Alliance Lens: Show Trends…');
      await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'This workspace' }).first().click();
      const frame = await workbench.webviewPanelFrame('svg.chart');
      await showWide(workbench, frame, 'trends-dark');
      await checkPanel(frame);

      const point = frame.locator('figure', { hasText: 'Alliance index' }).locator('g.session-point[data-session="4"]');
      await point.focus();
      await page.keyboard.press('Enter');
      await waitForTab(workbench, '2026-03-09-session-5.transcript');
    }));
});
