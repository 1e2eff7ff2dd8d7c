// Debian's Chromium, headless, driven by playwright-core. Playwright never downloads a browser here.
import * as fs from 'fs';
import { Browser, BrowserServer, chromium, Page } from 'playwright-core';
import { CHROMIUM_PATH } from './paths';
import { killGroupNow, killProcessGroup, onCleanup } from './processes';

/** Without the background-networking flags Chromium keeps dialling Google's hosts, which this machine refuses. */
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

export interface RunningBrowser {
  browser: Browser;
  page: Page;
  /** Console errors and page errors, for failure reports. */
  consoleErrors: string[];
  close(): Promise<void>;
}

export async function launchBrowser(viewport = { width: 1440, height: 900 }): Promise<RunningBrowser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install the Debian package \`chromium\` (.ci/run does), or set ALLIANCE_LENS_CHROMIUM.`);
  }
  // The harness, not Playwright, answers signals, so that it can end code-server too.
  const server: BrowserServer = await chromium.launchServer({
    executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
  });
  const pid = server.process().pid;
  const stopServer = onCleanup(async () => {
    await server.close().catch(() => undefined);
    if (pid !== undefined) await killProcessGroup(pid, 1000);
  }, () => {
    if (pid !== undefined) killGroupNow(pid);
  });
  try {
    const browser = await chromium.connect(server.wsEndpoint());
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
    const close = async () => {
      await browser.close().catch(() => undefined);
      await stopServer();
    };
    return { browser, page, consoleErrors, close };
  } catch (error) {
    await stopServer();
    throw error;
  }
}
