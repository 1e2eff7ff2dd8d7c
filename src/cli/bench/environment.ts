// Figures the bench reads from outside its own process: minified bundle sizes (a production build into a
// temporary folder, so dist/ is untouched) and the activate() time the editor harness recorded.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** The package root: dist/cli.js lives in ROOT/dist. */
export const PACKAGE_ROOT = path.join(__dirname, '..');
export const ACTIVATION_FILE = path.join(PACKAGE_ROOT, 'test-results', 'activation.json');

export type BundleSizes = { ok: true; sizes: { bundle: string; bytes: number }[] } | { ok: false; reason: string };

export function minifiedBundleSizes(): BundleSizes {
  const script = path.join(PACKAGE_ROOT, 'esbuild.js');
  if (!fs.existsSync(script)) return { ok: false, reason: `no ${script} (installed without the sources)` };
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-lens-bench-'));
  try {
    const run = spawnSync(process.execPath, [script, '--production', `--outdir=${outdir}`], { cwd: PACKAGE_ROOT, encoding: 'utf8' });
    if (run.status !== 0) return { ok: false, reason: `the production build failed: ${(run.stderr || run.stdout).trim().split('\n')[0]}` };
    const list = (directory: string): string[] => fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(directory, entry.name);
      return entry.isDirectory() ? list(full) : entry.name.endsWith('.js') ? [full] : [];
    });
    return { ok: true, sizes: list(outdir).map((file) => ({ bundle: path.relative(outdir, file), bytes: fs.statSync(file).size })).sort((a, b) => (a.bundle < b.bundle ? -1 : 1)) };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

export interface ActivationRecord {
  activationMs: number;
  vscodeVersion: string;
  recordedAt: string;
}

export function recordedActivation(): ActivationRecord | string {
  if (!fs.existsSync(ACTIVATION_FILE)) return `not recorded: no harness run has written ${path.relative(PACKAGE_ROOT, ACTIVATION_FILE)} (run npm run test:integration)`;
  try {
    const record = JSON.parse(fs.readFileSync(ACTIVATION_FILE, 'utf8')) as ActivationRecord;
    if (typeof record.activationMs !== 'number') return `${ACTIVATION_FILE} holds no activationMs`;
    return record;
  } catch (error) {
    return `cannot read ${ACTIVATION_FILE}: ${error instanceof Error ? error.message : String(error)}`;
  }
}
