// Starts code-server on a free loopback port with throwaway user-data and extension folders, and builds the
// workbench URL that loads Alliance Lens as the extension under development.
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { ensureCodeServer } from './install';
import { repoRoot, testResultsDir } from './paths';
import { onCleanup, spawnTracked, tailLines } from './processes';

/** User settings that keep the workbench quiet, local and predictable. */
export const QUIET_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'allianceLens.walkthrough.openOnFirstRun': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.settings.enableNaturalLanguageSearch': false,
  'security.workspace.trust.enabled': false,
  'security.workspace.trust.startupPrompt': 'never',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'update.showReleaseNotes': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'npm.fetchOnlinePackageInfo': false,
  'json.schemaDownload.enable': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'git.enabled': false,
  'git.autofetch': false,
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'window.commandCenter': false,
};

export interface CodeServerOptions {
  /** Extra user settings, merged over QUIET_SETTINGS. */
  settings?: Record<string, unknown>;
  /** Added to the server's environment, which the extension host inherits. */
  env?: Record<string, string>;
  /** Names the log file under test-results/logs. */
  name?: string;
  /** A fixed port (npm start); otherwise a free one. */
  port?: number;
  /** Load Alliance Lens as an installed extension (a link to this clone in the extensions folder) rather than as the
   * extension under development, whose window VS Code titles "[Extension Development Host]" whatever the settings
   * say. Open the workbench with extensionDevelopment: false then. */
  installExtension?: boolean;
}

export interface WorkbenchUrlOptions {
  folder: string;
  /** Load this repository as the extension under development (default true). */
  extensionDevelopment?: boolean;
  /** Absolute path of a test index whose run() the extension host executes. */
  extensionTestsPath?: string;
}

export interface RunningCodeServer {
  port: number;
  vscodeVersion: string;
  logFile: string;
  userDataDir: string;
  workbenchUrl(options: WorkbenchUrlOptions): string;
  logTail(lines?: number): string;
  hasExited(): boolean;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function httpStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const request = http.get(url, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', () => resolve(0));
    request.setTimeout(2000, () => request.destroy());
  });
}

export async function startCodeServer(options: CodeServerOptions = {}): Promise<RunningCodeServer> {
  const install = await ensureCodeServer();
  const port = options.port !== undefined && (await portIsFree(options.port)) ? options.port : await freePort();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-lens-vscode-'));
  const removeScratchNow = () => fs.rmSync(scratch, { recursive: true, force: true });
  const removeScratch = onCleanup(removeScratchNow, removeScratchNow);
  const userDataDir = path.join(scratch, 'user-data');
  const extensionsDir = path.join(scratch, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  if (options.installExtension) {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
    // A junction on Windows needs no administrator; elsewhere the type is ignored.
    fs.symlinkSync(repoRoot, path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`), 'junction');
  }
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...options.settings }, null, 2));
  // Otherwise code-server writes (and reads) ~/.config/code-server/config.yaml.
  const configFile = path.join(scratch, 'config.yaml');
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');

  const logDir = path.join(testResultsDir, 'logs');
  fs.mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, `${options.name ?? 'code-server'}-${port}.log`);
  const logFd = fs.openSync(logFile, 'w');
  const args = [
    install.entry,
    '--config', configFile,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
  ];
  const { child, stop: stopProcess } = spawnTracked(process.execPath, args, {
    cwd: repoRoot,
    // An empty gallery keeps the server from querying the extension marketplace: nothing leaves this machine.
    env: { ...process.env, EXTENSIONS_GALLERY: '{}', ALLIANCE_LENS_EXPECTED_VSCODE: install.vscodeVersion, ...options.env },
    stdio: ['ignore', logFd, logFd],
  });
  fs.closeSync(logFd);
  let exitCode: number | null = null;
  child.on('exit', (code, signal) => {
    exitCode = code ?? (signal ? 128 : 1);
  });

  const logTail = (lines = 60) => (fs.existsSync(logFile) ? tailLines(fs.readFileSync(logFile, 'utf8'), lines) : '(no log)');
  const stop = async () => {
    await stopProcess();
    await removeScratch();
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exitCode !== null) {
      await stop();
      throw new Error(`code-server exited with code ${exitCode} before it was ready. Log tail:\n${logTail()}`);
    }
    if ((await httpStatus(`http://127.0.0.1:${port}/healthz`)) === 200) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on port ${port} within 60 s. Log tail:\n${logTail()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  const remote = (absolutePath: string) => `vscode-remote://127.0.0.1:${port}${absolutePath}`;
  const workbenchUrl = ({ folder, extensionDevelopment = true, extensionTestsPath }: WorkbenchUrlOptions) => {
    const payload: [string, string][] = [];
    if (extensionDevelopment) payload.push(['extensionDevelopmentPath', remote(repoRoot)]);
    if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
    const query = new URLSearchParams({ folder: path.resolve(folder) });
    if (payload.length) query.set('payload', JSON.stringify(payload));
    return `http://127.0.0.1:${port}/?${query.toString()}`;
  };

  const hasExited = () => exitCode !== null;
  return { port, vscodeVersion: install.vscodeVersion, logFile, userDataDir, workbenchUrl, logTail, hasExited, stop };
}
