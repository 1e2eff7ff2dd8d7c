// The editor experience in the real VS Code (code-server + headless Chromium), through the harness's Workbench:
// screenshots of the highlights with an open hover and of the Summary panel in light, dark and high-contrast themes
// (they replace basics.e2e's editor.png and summary-panel.png), the check that transcript text carrying HTML and
// script payloads shows literally in the panel and never runs, and the role change that asks before writing.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Frame, Page } from 'playwright-core';
import type * as Core from '../../src/core/engine';
import { repoRoot, testResultsDir } from '../harness/paths';
import { withWorkbench, type Workbench, type WorkbenchOptions } from '../harness/workbench';

const FIXTURES = path.join(repoRoot, 'test', 'fixtures', 'editor');
const SUMMARY_VIEW = 'allianceLens.summary';

const THEMES = [
  { name: 'light', colorTheme: 'Default Light Modern', suffix: '' },
  { name: 'dark', colorTheme: 'Default Dark Modern', suffix: '-dark' },
  { name: 'high-contrast', colorTheme: 'Default High Contrast', suffix: '-hc' },
] as const;

function options(name: string, colorTheme: string = THEMES[0].colorTheme): WorkbenchOptions {
  return {
    folder: FIXTURES,
    name: `editor-${name}`,
    viewport: { width: 1440, height: 900 },
    settings: {
      'workbench.colorTheme': colorTheme,
      'editor.minimap.enabled': false,
      'editor.fontSize': 14,
      'editor.wordWrap': 'on',
      'editor.hover.delay': 100,
      // Below the line, the hover covers the empty end of the file rather than the session's other highlights.
      'editor.hover.above': false,
      // VS Code for the Web saves after a delay by default; no scenario may write a fixture.
      'files.autoSave': 'off',
    },
  };
}

/** Monaco renders spaces as no-break spaces. */
const plain = (text: string) => text.replace(/\u00a0/g, ' ');

/** 1-based line and column of the last directive finding, from the engine the extension runs (dist/core.js). */
function lastDirectivePosition(fileName: string): { line: number; column: number; rule: string } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const core = require(path.join(repoRoot, 'dist', 'core.js')) as typeof Core;
  const text = fs.readFileSync(path.join(FIXTURES, fileName), 'utf8');
  const findings = new core.Analyzer().analyze(text, { fileName }).utterances.flatMap((utterance) => utterance.findings);
  const last = findings.filter((finding) => finding.stance === 'directive').sort((a, b) => a.start - b.start).pop();
  assert.ok(last, `${fileName} has a directive finding`);
  const before = text.slice(0, last.start + 1).split('\n');
  return { line: before.length, column: before[before.length - 1].length, rule: last.rule };
}

/** The Summary webview once it shows `fileName`. */
async function summaryShowing(workbench: Workbench, fileName: string): Promise<Frame> {
  const frame = await workbench.webviewFrame(SUMMARY_VIEW);
  await frame.locator('#root .file h1', { hasText: fileName }).waitFor({ timeout: 30_000 });
  return frame;
}

/** Collapses the other views of the Alliance Lens container (e.g. Codes), so the Summary gets the full height. */
async function giveSummaryTheSidebar(page: Page): Promise<void> {
  const otherHeaders = page.locator('.part.sidebar .pane-header[aria-expanded="true"]').filter({ hasNotText: 'Summary' });
  for (let count = await otherHeaders.count(); count > 0; count--) await otherHeaders.first().click();
  await page.waitForTimeout(300);
}

async function openAnalysed(workbench: Workbench, fileName: string): Promise<Frame> {
  await workbench.openFile(fileName);
  // The status-bar item appears once the transcript is analysed and painted.
  await workbench.page.locator('.statusbar-item', { hasText: /Alliance \d+/ }).first().waitFor({ timeout: 60_000 });
  await workbench.runCommand('Alliance Lens: Show Summary');
  const frame = await summaryShowing(workbench, fileName);
  await giveSummaryTheSidebar(workbench.page);
  return frame;
}

describe('Editor highlights and the Summary panel', () => {
  for (const theme of THEMES) {
    it(`${theme.name} theme: editor${theme.suffix}.png (highlights and an open hover) and summary-panel${theme.suffix}.png`, () =>
      withWorkbench(options(theme.name, theme.colorTheme), async (workbench) => {
        const { page } = workbench;
        await openAnalysed(workbench, 'session.transcript');
        const target = lastDirectivePosition('session.transcript');
        const hoverText = plain(await workbench.hover(target.line, target.column));
        assert.match(hoverText, /directive \(MI-non-adherent\)/);
        assert.ok(hoverText.includes('Turn this rule off') && hoverText.includes(target.rule), 'the hover offers to turn its rule off');
        await page.waitForTimeout(800); // The hover fades in.
        await workbench.screenshot(`editor${theme.suffix}`);

        await page.mouse.move(10, 450);
        await page.setViewportSize({ width: 1440, height: 1500 });
        await page.waitForTimeout(300);
        await giveSummaryTheSidebar(page);
        const frame = await summaryShowing(workbench, 'session.transcript');
        for (const heading of ['Speakers', 'MITI scores', 'Talk and balance', 'Timeline', 'Ruptures', 'Moments']) {
          await frame.locator('h2', { hasText: heading }).waitFor({ timeout: 10_000 });
        }
        fs.mkdirSync(testResultsDir, { recursive: true });
        await page.locator('.part.sidebar').screenshot({ path: path.join(testResultsDir, `summary-panel${theme.suffix}.png`) });
      }));
  }

  it('a click on a moment selects it in the editor; Enter on a timeline segment reveals its lines', () =>
    withWorkbench(options('navigation'), async (workbench) => {
      const { page } = workbench;
      const frame = await openAnalysed(workbench, 'session.transcript');
      const selection = page.locator('.statusbar-item[id="status.editor.selection"]');
      const moment = frame.locator('button.moment-directive').first();
      const line = Number((await moment.locator('.line').innerText()).replace(/\D+/g, ''));
      await moment.click();
      await selection.filter({ hasText: new RegExp(`Ln ${line}, Col \\d+ \\(\\d+ selected\\)`) }).waitFor({ timeout: 15_000 });

      const segment = frame.locator('g.segment').first();
      const label = (await segment.getAttribute('aria-label')) ?? '';
      const [, , endLine] = /Lines (\d+)–(\d+)/.exec(label) ?? [];
      assert.ok(endLine, `the segment says which lines it covers: ${label}`);
      await segment.focus();
      await page.keyboard.press('Enter');
      await selection.filter({ hasText: new RegExp(`Ln ${endLine}, Col \\d+ \\(\\d+ selected\\)`) }).waitFor({ timeout: 15_000 });
    }));

  it('shows transcript markup literally in the panel and runs none of it', () =>
    withWorkbench(options('security'), async (workbench) => {
      const frame = await openAnalysed(workbench, 'xss.transcript');
      const report = await frame.evaluate(() => {
        const root = document.getElementById('root')!;
        return {
          title: document.title,
          text: root.textContent ?? '',
          injectedElements: root.querySelectorAll('img, svg[onload], script, b, iframe').length,
          scripts: Array.from(document.querySelectorAll('script')).map((script) => script.getAttribute('src') ?? `inline:${(script.textContent ?? '').slice(0, 200)}`),
        };
      });
      assert.ok(!/pwned/.test(report.title), `a payload ran in the panel: its title is ${report.title}`);
      assert.ok(!/pwned/.test(await workbench.page.title()), 'a payload ran in the workbench');
      assert.strictEqual(report.injectedElements, 0, 'transcript markup became elements in the panel');
      // VS Code injects one inline script itself (the acquireVsCodeApi shim); everything else must be our bundle.
      const ours = report.scripts.filter((source) => !source.includes('acquireVsCodeApi'));
      assert.ok(ours.length === 1 && ours[0].endsWith('/dist/webview/summary.js'), `unexpected scripts in the panel: ${ours.join(', ')}`);
      assert.ok(report.text.includes('<img src=x onerror="document.title=\'pwned-img\'">'), 'the <img> payload shows literally');
      assert.ok(report.text.includes("</script><script>document.title='pwned-script'</script>"), 'the </script> payload shows literally');
      assert.ok(report.text.includes('&lt;escaped&gt; &amp;'), 'entities stay as typed');
      const cspErrors = workbench.consoleErrors.filter((line) => /Content Security Policy|Refused to/i.test(line));
      assert.deepStrictEqual(cspErrors, [], 'the panel triggers no CSP violations');
    }));

  // Confirming writes and saves the front matter (review mode unlocks, saves and relocks the file), so the scenario
  // works on a copy: no fixture is ever changed.
  it('asks before a role change writes the front matter: Cancel keeps the file, confirming writes it', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-lens-e2e-roles-'));
    fs.copyFileSync(path.join(FIXTURES, 'roles.transcript'), path.join(folder, 'roles.transcript'));
    try {
      await withWorkbench({ ...options('roles'), folder }, async (workbench) => {
        const { page } = workbench;
        let frame = await openAnalysed(workbench, 'roles.transcript');
        const editorText = async () => plain(await page.locator('.editor-instance .monaco-editor .view-lines').first().innerText());
        const before = await editorText();
        assert.ok(!before.startsWith('---'), 'the fixture starts without front matter');
        const dialog = page.locator('.monaco-dialog-box');

        await frame.locator('select[aria-label="Role of Jordan"]').selectOption('therapist');
        await dialog.waitFor({ state: 'visible', timeout: 15_000 });
        assert.match(await dialog.innerText(), /Make "Jordan" the therapist/);
        await dialog.getByRole('button', { name: 'Cancel' }).click();
        await dialog.waitFor({ state: 'hidden' });
        assert.strictEqual(await editorText(), before, 'Cancel leaves the file as it was');

        frame = await summaryShowing(workbench, 'roles.transcript');
        await frame.locator('select[aria-label="Role of Jordan"]').selectOption('therapist');
        await dialog.waitFor({ state: 'visible', timeout: 15_000 });
        await dialog.getByRole('button', { name: 'Write front matter' }).click();
        await page.waitForFunction(() => /therapist:\s+Jordan/.test(document.querySelector('.editor-instance .monaco-editor .view-lines')?.textContent ?? ''), undefined, { timeout: 15_000 });
        const after = await editorText();
        assert.ok(after.startsWith('---'), 'a front matter block now opens the file');
        assert.ok(after.includes('Alex: What brings you in today?'), 'the transcript text is kept');
        // The panel follows the re-analysis: Jordan is now the therapist.
        const deadline = Date.now() + 15_000;
        while ((await frame.locator('select[aria-label="Role of Jordan"]').inputValue()) !== 'therapist') {
          assert.ok(Date.now() < deadline, 'the panel shows Jordan as the therapist after the change');
          await page.waitForTimeout(200);
        }
        assert.match(fs.readFileSync(path.join(folder, 'roles.transcript'), 'utf8'), /^---\ntherapist: Jordan\n---\nAlex: What brings you in today\?/);
      });
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
