// The helper every e2e scenario gets: a real VS Code workbench (code-server + headless Chromium) with Alliance Lens
// loaded, and the few gestures scenarios need, done the way a person would (Quick Open, the command palette, the mouse).
import * as fs from 'fs';
import * as path from 'path';
import type { Frame, Page } from 'playwright-core';
import { launchBrowser, RunningBrowser } from './browser';
import { RunningCodeServer, startCodeServer } from './codeServer';
import { repoRoot, testResultsDir } from './paths';

export interface WorkbenchOptions {
  /** The folder opened as the workspace. */
  folder: string;
  /** User settings, e.g. { 'workbench.colorTheme': 'Default Dark Modern' }. */
  settings?: Record<string, unknown>;
  /** Names the log files; defaults to "e2e". */
  name?: string;
  viewport?: { width: number; height: number };
  /** Alliance Lens installed, as `npm start` loads it, rather than as the extension under development. */
  installed?: boolean;
}

const UI_TIMEOUT_MS = 30_000;

export class Workbench {
  private constructor(
    readonly server: RunningCodeServer,
    private readonly browser: RunningBrowser,
  ) {}

  /** The Playwright page showing the workbench, for anything the helpers below do not cover. */
  get page(): Page {
    return this.browser.page;
  }

  get consoleErrors(): readonly string[] {
    return this.browser.consoleErrors;
  }

  static async start(options: WorkbenchOptions): Promise<Workbench> {
    const server = await startCodeServer({ name: options.name ?? 'e2e', settings: options.settings, installExtension: options.installed });
    let browser: RunningBrowser | undefined;
    try {
      browser = await launchBrowser(options.viewport);
      const workbench = new Workbench(server, browser);
      await browser.page.goto(server.workbenchUrl({ folder: options.folder, extensionDevelopment: !options.installed }));
      await workbench.waitUntilReady();
      return workbench;
    } catch (error) {
      await browser?.close();
      await server.stop();
      throw error;
    }
  }

  /** The workbench is usable once the explorer lists the folder's files. */
  private async waitUntilReady(): Promise<void> {
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  }

  /** Opens a file of the workspace through Quick Open (Ctrl+P), as a person would, and waits for its tab. */
  async openFile(relativePath: string): Promise<void> {
    const name = path.basename(relativePath);
    await this.quickInput('Control+P', relativePath, name);
    await this.page.locator(`.tabs-container .tab[aria-label^="${name}"]`).first().waitFor({ timeout: UI_TIMEOUT_MS });
    await this.page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: UI_TIMEOUT_MS });
  }

  /** Runs a command through the command palette by its title, e.g. "Alliance Lens: Show Summary". */
  async runCommand(title: string): Promise<void> {
    await this.quickInput('F1', title, title);
  }

  private async quickInput(opener: string, text: string, expectedLabel: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    const row = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: expectedLabel }).first();
    // A webview that takes focus as it renders (the Summary after "Show Summary") can swallow the opener's keystroke
    // or close the quick input (it hides on blur) while the text is typed. So a first attempt that does not show the
    // wanted row is made again once, after clicking an empty stretch of the title bar to give the workbench focus.
    for (let attempt = 1; ; attempt++) {
      const last = attempt === 2;
      await this.page.keyboard.press('Escape');
      if (last) await this.page.locator('.part.titlebar').click({ position: { x: 200, y: 10 } });
      await this.page.keyboard.press(opener);
      const shown = await input.waitFor({ state: 'visible', timeout: last ? UI_TIMEOUT_MS : 5_000 }).then(() => true, () => false);
      if (shown) {
        await input.type(text);
        const found = await row.waitFor({ timeout: last ? UI_TIMEOUT_MS : 10_000 }).then(() => true, () => false);
        if (found) break;
      }
      if (last) throw new Error(`The quick input opened with ${opener} never showed "${expectedLabel}" for "${text}"`);
    }
    // Enter runs the focused row; make sure the wanted one is focused, not a stale first match.
    await row.click();
    // Done when the palette closes. A command that opens a quick pick of its own may reuse the widget without it
    // ever hiding, so after a few seconds a widget that no longer holds the typed text also counts as done.
    const widget = this.page.locator('.quick-input-widget');
    const hidden = await widget.waitFor({ state: 'hidden', timeout: 5_000 }).then(() => true, () => false);
    if (hidden) return;
    await this.page.waitForFunction((typed) => {
      const box = document.querySelector<HTMLInputElement>('.quick-input-widget .quick-input-box input');
      return !box || !box.value.endsWith(typed);
    }, text, { timeout: UI_TIMEOUT_MS });
  }

  /**
   * Moves the mouse over the text at `line`:`column` (1-based) of the active editor and returns the hover's text.
   * The cursor is placed with Go to Line/Column first, so no pixel arithmetic on fonts is needed.
   */
  async hover(line: number, column: number): Promise<string> {
    await this.quickInput('Control+G', `${line}:${column}`, `${line}`);
    const cursor = this.page.locator('.editor-instance .monaco-editor.focused .cursors-layer .cursor').first();
    await cursor.waitFor({ state: 'attached', timeout: UI_TIMEOUT_MS });
    const box = await cursor.boundingBox();
    if (!box) throw new Error(`No cursor on screen at ${line}:${column}`);
    await this.page.mouse.move(box.x + 4, box.y + box.height / 2);
    const hover = this.page.locator('.monaco-editor .monaco-hover:not(.hidden) .monaco-hover-content').first();
    await hover.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    return (await hover.innerText()).trim();
  }

  /**
   * The frame holding the HTML of the webview view `viewId` (opened beforehand, e.g. with its focus command).
   * VS Code nests it: an outer iframe per webview (whose URL names the extension and purpose), and the content in
   * its inner #active-frame. The view's pane and the webview overlaying it share their on-screen box.
   */
  async webviewFrame(viewId: string, extensionId = 'alliance-lens.alliance-lens'): Promise<Frame> {
    const deadline = Date.now() + UI_TIMEOUT_MS;
    for (;;) {
      const frame = await this.findWebviewFrame(viewId, extensionId);
      if (frame) return frame;
      if (Date.now() > deadline) throw new Error(`No webview frame for view ${viewId} of ${extensionId} within ${UI_TIMEOUT_MS / 1000} s`);
      await this.page.waitForTimeout(250);
    }
  }

  /**
   * The content frame of a webview panel (an editor tab, not a view) of `extensionId` whose page has `selector`.
   * Panels have no pane to match on screen, so the page's own content tells them apart.
   */
  async webviewPanelFrame(selector: string, extensionId = 'alliance-lens.alliance-lens'): Promise<Frame> {
    const deadline = Date.now() + UI_TIMEOUT_MS;
    for (;;) {
      for (const outer of this.page.frames()) {
        const url = new URL(outer.url(), 'http://invalid');
        if (url.searchParams.get('extensionId') !== extensionId || url.searchParams.get('purpose') === 'webviewView') continue;
        const inner = outer.childFrames().find((child) => new URL(child.url(), 'http://invalid').pathname.endsWith('/fake.html'));
        if (inner && (await inner.locator(selector).count().catch(() => 0))) return inner;
      }
      if (Date.now() > deadline) throw new Error(`No webview panel of ${extensionId} showing ${selector} within ${UI_TIMEOUT_MS / 1000} s`);
      await this.page.waitForTimeout(250);
    }
  }

  private async findWebviewFrame(viewId: string, extensionId: string): Promise<Frame | undefined> {
    const paneBox = await this.viewPaneBox(viewId);
    if (!paneBox) return undefined;
    for (const outer of this.page.frames()) {
      const url = new URL(outer.url(), 'http://invalid');
      if (url.searchParams.get('extensionId') !== extensionId || url.searchParams.get('purpose') !== 'webviewView') continue;
      const element = await outer.frameElement().catch(() => undefined);
      const box = element && (await element.boundingBox());
      if (!box || !overlaps(box, paneBox)) continue;
      // The content frame is named pending-frame or active-frame depending on VS Code's version; both load fake.html.
      const inner = outer.childFrames().find((child) => new URL(child.url(), 'http://invalid').pathname.endsWith('/fake.html'));
      if (inner && (await inner.locator('body').count())) return inner;
    }
    return undefined;
  }

  /**
   * The on-screen box of the body of the view pane `viewId`. Panes carry no view id in the DOM, only their header's
   * aria-label "<name> Section", so the name comes from package.json's contributes.views.
   */
  private async viewPaneBox(viewId: string): Promise<{ x: number; y: number; width: number; height: number } | undefined> {
    const name = contributedViewName(viewId);
    const body = this.page.locator(`.pane:has(> .pane-header[aria-label="${name} Section"]) > .pane-body`).first();
    if (!(await body.count())) return undefined;
    return (await body.boundingBox()) ?? undefined;
  }

  /** Saves a PNG of the whole workbench (or of `clip`, in page pixels) to test-results/NAME.png and returns its path. */
  async screenshot(name: string, clip?: { x: number; y: number; width: number; height: number }): Promise<string> {
    fs.mkdirSync(testResultsDir, { recursive: true });
    const file = path.join(testResultsDir, `${name}.png`);
    await this.page.screenshot({ path: file, ...(clip ? { clip } : {}) });
    return file;
  }

  async stop(): Promise<void> {
    await this.browser.close();
    await this.server.stop();
  }
}

function contributedViewName(viewId: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const views = Object.values(manifest.contributes?.views ?? {}).flat() as { id: string; name: string }[];
  const view = views.find((candidate) => candidate.id === viewId);
  if (!view) throw new Error(`package.json contributes no view ${viewId}`);
  return view.name;
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Starts a workbench, hands it to `body`, and always stops it; on failure the error carries the server log tail. */
export async function withWorkbench<T>(options: WorkbenchOptions, body: (workbench: Workbench) => Promise<T>): Promise<T> {
  const workbench = await Workbench.start(options);
  try {
    return await body(workbench);
  } catch (error) {
    const err = error as Error;
    await workbench.screenshot(`failure-${options.name ?? 'e2e'}`).catch(() => undefined);
    err.message += `\n--- code-server log tail (${workbench.server.logFile}) ---\n${workbench.server.logTail(30)}`;
    if (workbench.consoleErrors.length) err.message += `\n--- browser console errors ---\n${workbench.consoleErrors.slice(-10).join('\n')}`;
    throw err;
  } finally {
    await workbench.stop();
  }
}
