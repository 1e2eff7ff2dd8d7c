// Where the harness finds the repository, the shared code-server install and the test output.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const CODE_SERVER_VERSION = '4.100.3';

/** The nearest folder above `start` holding this project's package.json (bundles run from out/test/…). */
function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'alliance-lens') return dir;
    if (path.dirname(dir) === dir) throw new Error(`No alliance-lens package.json above ${start}`);
  }
}

export const repoRoot = findRepoRoot(__dirname);

export const samplesDir = path.join(repoRoot, 'samples');
export const testResultsDir = path.join(repoRoot, 'test-results');
export const integrationIndex = path.join(repoRoot, 'out', 'test', 'integration', 'index.js');

/** Outside the clone, so that every clone on this machine shares one install. */
export function codeServerCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.ALLIANCE_LENS_VSCODE_CACHE) return path.resolve(env.ALLIANCE_LENS_VSCODE_CACHE);
  const cacheHome = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(cacheHome, 'alliance-lens', `code-server-${CODE_SERVER_VERSION}`);
}

export const CHROMIUM_PATH = process.env.ALLIANCE_LENS_CHROMIUM || '/usr/bin/chromium';
/** Debian's ripgrep, linked into the local VS Code (its own package would download a binary). */
export const RIPGREP_PATH = '/usr/bin/rg';
