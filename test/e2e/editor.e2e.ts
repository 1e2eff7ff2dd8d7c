// End-to-end in the real VS Code (code-server + headless Chromium): screenshots of the highlights with an open
// hover and of the Summary panel, in a light and a dark theme, and the security check that transcript text with
// HTML and script payloads shows literally in the panel and never runs.
//
// Run on its own with `node out/test/e2e/editor.e2e.js` (after `node esbuild.js && node esbuild.js --tests`), or
// through the harness's e2e runner, which can call runEditorScenarios().
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Frame, Page } from 'playwright-core';
import { launchBrowser, type RunningBrowser } from '../harness/browser';
import { startCodeServer, type RunningCodeServer } from '../harness/codeServer';
import { repoRoot, testResultsDir } from '../harness/paths';
import { runCleanups } from '../harness/processes';
import { printClosingLine } from '../harness/report';

const FIXTURES = path.join(repoRoot, 'test', 'fixtures', 'editor');
const THEMES = [
  { name: 'light', colorTheme: 'Default Light Modern', suffix: '' },
  { name: 'dark', colorTheme: 'Default Dark Modern', suffix: '-dark' },
  { name: 'high-contrast', colorTheme: 'Default High Contrast', suffix: '-hc' },
] as const;

async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 15_000 });
}

async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator(`.tab[aria-label^="${name}"]`).first().waitFor({ timeout: 15_000 });
}

/** The Summary webview's inner document: the frame that holds our #root. */
async function summaryFrame(page: Page, fileName: string): Promise<Frame> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    for (const frame of page.frames()) {
      const found = await frame.evaluate((name) => {
        const heading = document.querySelector('#root .file h1');
        return heading?.textContent === name;
      }, fileName).catch(() => false);
      if (found) return frame;
    }
    if (Date.now() > deadline) throw new Error(`The Summary panel never showed ${fileName}`);
    await page.waitForTimeout(250);
  }
}

async function withWorkbench(colorTheme: string, body: (page: Page, browser: RunningBrowser) => Promise<void>): Promise<void> {
  let server: RunningCodeServer | undefined;
  let browser: RunningBrowser | undefined;
  try {
    server = await startCodeServer({ name: `e2e-editor-${colorTheme.replace(/\W+/g, '-')}`, settings: {
      'workbench.colorTheme': colorTheme,
      'editor.minimap.enabled': false,
      'editor.fontSize': 14,
      'editor.wordWrap': 'on',
      'editor.hover.delay': 100,
      // Below the line, the hover covers the empty end of the file rather than the session's other highlights.
      'editor.hover.above': false,
      // VS Code for the Web saves after a delay by default; the role-change check must not write the fixture.
      'files.autoSave': 'off',
      'workbench.activityBar.location': 'default',
    } });
    browser = await launchBrowser({ width: 1440, height: 900 });
    await browser.page.goto(server.workbenchUrl({ folder: FIXTURES }));
    await browser.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await browser.page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: 60_000 }).catch(() => undefined);
    await body(browser.page, browser);
  } finally {
    await browser?.close();
    await server?.stop();
  }
}

/** Collapses the other views of the Alliance Lens container (e.g. Codes), so the Summary gets the full height. */
async function giveSummaryTheSidebar(page: Page): Promise<void> {
  const otherHeaders = page.locator('.part.sidebar .pane-header[aria-expanded="true"]').filter({ hasNotText: 'Summary' });
  for (let count = await otherHeaders.count(); count > 0; count--) await otherHeaders.first().click();
  await page.waitForTimeout(300);
}

async function editorScreens(page: Page, suffix: string): Promise<void> {
  await openFile(page, 'session.transcript');
  // The status bar item appears once the transcript is analysed and painted.
  await page.locator('.statusbar-item', { hasText: /Alliance \d+/ }).first().waitFor({ timeout: 60_000 });
  await runCommand(page, 'Alliance Lens: Show Summary');
  await summaryFrame(page, 'session.transcript');
  await giveSummaryTheSidebar(page);
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+Home');
  // From the top, Previous wraps to the last directive passage, near the end of the file.
  await runCommand(page, 'Alliance Lens: Previous Directive');
  await page.waitForTimeout(300);
  // Collapse the selection to the passage's start so its highlight shows in its own colours under the hover.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(200);
  await runCommand(page, 'Show or Focus Hover');
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'Turn this rule off' }).first();
  await hover.waitFor({ state: 'visible', timeout: 15_000 });
  await page.waitForTimeout(800); // The hover fades in.
  await page.screenshot({ path: path.join(testResultsDir, `editor${suffix}.png`) });
  await page.keyboard.press('Escape');

  await page.setViewportSize({ width: 1440, height: 1500 });
  await page.waitForTimeout(300);
  await giveSummaryTheSidebar(page);
  const frame = await summaryFrame(page, 'session.transcript');
  await frame.locator('.section').first().waitFor();
  await page.waitForTimeout(300);
  const sidebar = page.locator('.part.sidebar');
  await sidebar.screenshot({ path: path.join(testResultsDir, `summary-panel${suffix}.png`) });
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** Opens the hostile transcript and checks, inside the panel's frame, that nothing ran and the text is literal. */
async function securityCheck(page: Page, browser: RunningBrowser): Promise<void> {
  await openFile(page, 'xss.transcript');
  await page.locator('.statusbar-item', { hasText: /Alliance \d+/ }).first().waitFor({ timeout: 60_000 });
  const frame = await summaryFrame(page, 'xss.transcript');
  const report = await frame.evaluate(() => {
    const root = document.getElementById('root')!;
    return {
      title: document.title,
      text: root.textContent ?? '',
      injectedElements: root.querySelectorAll('img, svg[onload], script, b, iframe').length,
      scripts: Array.from(document.querySelectorAll('script')).map((script) => script.getAttribute('src') ?? `inline:${(script.textContent ?? '').slice(0, 300)}`),
    };
  });
  assert.ok(!/pwned/.test(report.title), `a payload ran in the panel: title is ${report.title}`);
  assert.ok(!/pwned/.test(await page.title()), 'a payload ran in the workbench');
  assert.strictEqual(report.injectedElements, 0, 'transcript markup became elements in the panel');
  // VS Code itself injects one inline script (the acquireVsCodeApi shim); everything else must be our bundle.
  const ours = report.scripts.filter((source) => !source.includes('acquireVsCodeApi'));
  assert.ok(ours.length === 1 && ours[0].endsWith('/dist/webview/summary.js'), `unexpected scripts in the panel: ${ours.join(', ')}`);
  assert.ok(report.text.includes('<img src=x onerror="document.title=\'pwned-img\'">'), 'the <img> payload shows literally');
  assert.ok(report.text.includes("</script><script>document.title='pwned-script'</script>"), 'the </script> payload shows literally');
  assert.ok(report.text.includes('&lt;escaped&gt; &amp;'), 'entities stay as typed');
  const cspErrors = browser.consoleErrors.filter((line) => /Content Security Policy|Refused to/i.test(line));
  assert.deepStrictEqual(cspErrors, [], 'the panel triggers no CSP violations');
}

/** Changing a role in the panel asks first; Cancel changes nothing, confirming writes the front matter. */
async function roleChange(page: Page): Promise<void> {
  await openFile(page, 'roles.transcript');
  const editorText = () => page.locator('.monaco-editor .view-lines').first().innerText();
  let frame = await summaryFrame(page, 'roles.transcript');
  const before = await editorText();
  assert.ok(!/^---/.test(before), 'the fixture starts without front matter');
  await frame.locator('select[aria-label="Role of Jordan"]').selectOption('therapist');
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ state: 'visible', timeout: 15_000 });
  assert.match(await dialog.innerText(), /Make "Jordan" the therapist/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden' });
  assert.strictEqual(await editorText(), before, 'Cancel leaves the file as it was');

  frame = await summaryFrame(page, 'roles.transcript');
  await frame.locator('select[aria-label="Role of Jordan"]').selectOption('therapist');
  await dialog.waitFor({ state: 'visible', timeout: 15_000 });
  await dialog.getByRole('button', { name: 'Write front matter' }).click();
  await page.waitForFunction(() => /therapist:\s+Jordan/.test(document.querySelector('.monaco-editor .view-lines')?.textContent ?? ''), undefined, { timeout: 15_000 });
  const after = (await editorText()).replace(/\u00a0/g, ' ');
  assert.ok(after.startsWith('---'), 'a front matter block now opens the file');
  assert.ok(after.includes('Alex: What brings you in today?'), 'the transcript text is kept');
  // The panel follows: Jordan is now the therapist.
  await page.waitForTimeout(1000);
  frame = await summaryFrame(page, 'roles.transcript');
  assert.strictEqual(await frame.locator('select[aria-label="Role of Jordan"]').inputValue(), 'therapist');
  await runCommand(page, 'File: Revert File');
}

export async function runEditorScenarios(): Promise<{ passed: number; failed: number }> {
  fs.mkdirSync(testResultsDir, { recursive: true });
  let passed = 0;
  let failed = 0;
  const attempt = async (name: string, scenario: () => Promise<void>) => {
    try {
      await scenario();
      passed++;
      console.log(`  ✔ ${name}`);
    } catch (error) {
      failed++;
      console.log(`  ✘ ${name}\n${(error as Error).stack ?? error}`);
    }
  };
  for (const theme of THEMES.filter((candidate) => !process.env.E2E_ONLY || candidate.name === process.env.E2E_ONLY)) {
    await attempt(`${theme.name} theme: editor${theme.suffix}.png (highlights, open hover) and summary-panel${theme.suffix}.png; transcript markup stays literal${theme.name === 'light' ? '; role change asks, then writes front matter' : ''}`, () =>
      withWorkbench(theme.colorTheme, async (page, browser) => {
        await editorScreens(page, theme.suffix);
        if (theme.name === 'light') {
          await securityCheck(page, browser);
          await roleChange(page);
        }
      }));
  }
  return { passed, failed };
}

// Under the e2e runner (mocha), the scenarios run as one test that fails when any of them fails.
if (require.main !== module) {
  describe('Editor in the real workbench', () => {
    it('light and dark screenshots with highlights and a hover, literal transcript markup, role change', async function () {
      this.timeout(600_000);
      const { failed } = await runEditorScenarios();
      assert.strictEqual(failed, 0, `${failed} editor scenario(s) failed (details above)`);
    });
  });
}

if (require.main === module) {
  console.log('Editor e2e (code-server + Chromium):');
  runEditorScenarios()
    .then(async ({ passed, failed }) => {
      await runCleanups();
      printClosingLine('e2e-editor', passed, failed);
      process.exit(failed > 0 ? 1 : 0);
    }, async (error) => {
      console.error(error);
      await runCleanups();
      process.exit(1);
    });
}
