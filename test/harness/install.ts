// Installs code-server (VS Code for the browser) into a cache folder outside the clone, offline-safe: npm packages
// only, native modules rebuilt from source, ripgrep taken from Debian. A marker file makes the second run instant.
// What this needs from the system is checked first by systemRequirements.ts.
import * as fs from 'fs';
import * as path from 'path';
import { CODE_SERVER_VERSION, codeServerCacheDir, RIPGREP_PATH } from './paths';
import { onCleanup, runCommand } from './processes';

/** Bump when the steps below change, so that old caches are rebuilt. (Not bumped for dropping the kerberos build:
 * a cache that has it built works the same.) */
const RECIPE = `code-server-${CODE_SERVER_VERSION}-recipe-1`;
const MARKER = '.alliance-lens-installed';

export interface CodeServerInstall {
  dir: string;
  /** node …/entry.js starts the server. */
  entry: string;
  /** The VS Code version inside, e.g. 1.100.3. */
  vscodeVersion: string;
}

function installAt(dir: string): CodeServerInstall {
  const codeServer = path.join(dir, 'node_modules', 'code-server');
  const vscodePackage = JSON.parse(fs.readFileSync(path.join(codeServer, 'lib', 'vscode', 'package.json'), 'utf8'));
  return { dir, entry: path.join(codeServer, 'out', 'node', 'entry.js'), vscodeVersion: vscodePackage.version };
}

/** npm runs these steps in other folders: drop the variables the outer `npm run` exported for this package. */
function npmEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const keep = new Set(['npm_config_registry', 'npm_config_cache', 'npm_config_userconfig']);
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.toLowerCase().startsWith('npm_') || keep.has(key.toLowerCase())) env[key] = value;
  }
  return { ...env, ...extra };
}

// Not kerberos: VS Code imports it only to answer a Kerberos proxy, which a local, offline VS Code never meets, and
// building it needs the Kerberos headers (libkrb5-dev).
const NATIVE_MODULES_OF_VSCODE = ['@parcel/watcher', '@vscode/spdlog', 'native-watchdog', 'node-pty', '@vscode/deviceid'];

/** Binaries whose absence means a rebuild silently did nothing (e.g. blocked install scripts). */
const REQUIRED_BINARIES = [
  'node_modules/argon2/lib/binding/napi-v3/argon2.node',
  'node_modules/code-server/lib/vscode/node_modules/node-pty/build/Release/pty.node',
  'node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node',
  'node_modules/code-server/lib/vscode/node_modules/native-watchdog/build/Release/watchdog.node',
];

async function installInto(staging: string, log: (message: string) => void): Promise<void> {
  const npm = (label: string, args: string[], cwd: string, extra?: Record<string, string>) => {
    log(label);
    return runCommand('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, env: npmEnvironment(extra), label });
  };
  fs.mkdirSync(staging, { recursive: true });
  fs.writeFileSync(path.join(staging, 'package.json'), JSON.stringify({ name: 'alliance-lens-vscode-cache', private: true }, null, 2));
  await npm(`npm install code-server@${CODE_SERVER_VERSION} (about 200 MB)…`, ['install', '--ignore-scripts', `code-server@${CODE_SERVER_VERSION}`], staging);
  await npm('rebuilding argon2…', ['rebuild', 'argon2'], staging);

  const vscodeDir = path.join(staging, 'node_modules', 'code-server', 'lib', 'vscode');
  await npm('installing VS Code server modules…', ['install', '--omit=dev', '--ignore-scripts'], vscodeDir);
  // node-pty's install script calls npx, which must not stop to ask.
  await npm(`compiling native modules (${NATIVE_MODULES_OF_VSCODE.join(', ')}), about a minute…`, ['rebuild', ...NATIVE_MODULES_OF_VSCODE], vscodeDir, { npm_config_yes: 'true' });

  // @vscode/ripgrep's own install script downloads a binary, which cannot work offline: use Debian's.
  const ripgrepBin = path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  fs.mkdirSync(ripgrepBin, { recursive: true });
  if (!fs.existsSync(RIPGREP_PATH)) throw new Error('ripgrep is missing: install the Debian package `ripgrep`.');
  fs.rmSync(path.join(ripgrepBin, 'rg'), { force: true });
  fs.symlinkSync(RIPGREP_PATH, path.join(ripgrepBin, 'rg'));
  fs.rmSync(path.join(vscodeDir, 'node_modules.asar'), { force: true, recursive: true });
  fs.symlinkSync('node_modules', path.join(vscodeDir, 'node_modules.asar'));

  await npm('installing built-in extensions\' modules…', ['install', '--omit=dev', '--ignore-scripts'], path.join(vscodeDir, 'extensions'));

  const missing = REQUIRED_BINARIES.filter((file) => !fs.existsSync(path.join(staging, file)));
  if (missing.length) throw new Error(`code-server install incomplete, native modules not built:\n  ${missing.join('\n  ')}`);
}

/** True when the cached install is there and current, so nothing needs building. */
export function codeServerInstalled(): boolean {
  const marker = path.join(codeServerCacheDir(), MARKER);
  return fs.existsSync(marker) && fs.readFileSync(marker, 'utf8').trim() === RECIPE;
}

/** Returns the cached install, installing it first when absent or built by an older recipe. */
export async function ensureCodeServer(log: (message: string) => void = (message) => console.log(`[code-server] ${message}`)): Promise<CodeServerInstall> {
  const dir = codeServerCacheDir();
  if (codeServerInstalled()) return installAt(dir);

  const started = Date.now();
  log(`installing code-server ${CODE_SERVER_VERSION} into ${dir} (first run only)`);
  // Build beside the final folder and move it in at the end, so an interrupted install never looks complete.
  const staging = `${dir}.partial-${process.pid}`;
  const removeStaging = () => fs.rmSync(staging, { recursive: true, force: true });
  removeStaging();
  const cleanup = onCleanup(removeStaging, removeStaging);
  try {
    await installInto(staging, log);
    fs.writeFileSync(path.join(staging, MARKER), RECIPE + '\n');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(staging, dir);
  } finally {
    await cleanup();
  }
  log(`installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return installAt(dir);
}
