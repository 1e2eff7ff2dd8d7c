// What `npm start` and `npm test` need from the system, checked before any slow step: ripgrep (VS Code's search,
// linked into the local VS Code), a C/C++ toolchain with make and python3 (node-gyp builds VS Code's native modules,
// on the first install only) and, for the tests, Chromium. Run as root where apt-get exists (as CI does), what is
// missing is installed, saying so; otherwise the run stops at once with the one command to run.
// Kerberos headers are not needed: VS Code imports its kerberos module only to answer a Kerberos ("Negotiate")
// proxy, which a local, offline VS Code never meets, so install.ts no longer builds it.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { codeServerInstalled } from './install';
import { CHROMIUM_PATH, RIPGREP_PATH } from './paths';

export interface Requirement {
  what: string;
  debianPackage: string;
  present(): boolean;
}

function onPath(program: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir !== '' && fs.existsSync(path.join(dir, program)));
}

const RIPGREP: Requirement = { what: 'ripgrep (search in VS Code)', debianPackage: 'ripgrep', present: () => fs.existsSync(RIPGREP_PATH) };
const TOOLCHAIN: Requirement[] = [
  { what: 'a C/C++ compiler and make (to build VS Code\'s native modules, first run only)', debianPackage: 'build-essential', present: () => onPath('make') && (onPath('g++') || onPath('c++')) },
  { what: 'python3 (node-gyp runs it to build native modules, first run only)', debianPackage: 'python3', present: () => onPath('python3') },
];
const CHROMIUM: Requirement = { what: `Chromium at ${CHROMIUM_PATH} (drives the tests)`, debianPackage: 'chromium', present: () => fs.existsSync(CHROMIUM_PATH) };

export type Purpose = 'start' | 'test';

export function requirementsFor(purpose: Purpose, installed = codeServerInstalled()): Requirement[] {
  return [RIPGREP, ...(installed ? [] : TOOLCHAIN), ...(purpose === 'test' ? [CHROMIUM] : [])];
}

/** The one command that installs the missing packages. */
export function installCommand(packages: readonly string[], asRoot: boolean): string {
  return `${asRoot ? '' : 'sudo '}apt-get install -y --no-install-recommends ${packages.join(' ')}`;
}

function aptGet(args: string[]): void {
  const run = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (run.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${run.status ?? run.signal})`);
}

export type SetupPlan =
  | { action: 'none' }
  | { action: 'install'; packages: string[]; message: string }
  | { action: 'stop'; message: string };

/** What to do about the missing requirements: install them (root with apt-get), or stop with the command to run. */
export function planSetup(purpose: Purpose, missing: readonly Requirement[], system: { asRoot: boolean; hasApt: boolean }): SetupPlan {
  if (missing.length === 0) return { action: 'none' };
  const packages = [...new Set(missing.map((requirement) => requirement.debianPackage))];
  const list = missing.map((requirement) => `  - ${requirement.what}`).join('\n');
  if (system.asRoot && system.hasApt) {
    return { action: 'install', packages, message: `npm ${purpose} needs from the system:\n${list}\nInstalling them now: apt-get update && ${installCommand(packages, true)}` };
  }
  const how = system.hasApt
    ? `Run:\n\n  ${installCommand(packages, system.asRoot)}\n\nthen npm ${purpose} again.`
    : `Install them with your system's package manager (on Debian or Ubuntu: ${installCommand(packages, false)}), then run npm ${purpose} again.`;
  return { action: 'stop', message: `npm ${purpose} needs from the system:\n${list}\n${how}` };
}

/** Returns when everything needed is there (installing it first where it may); throws with the command otherwise. */
export function ensureSystemRequirements(purpose: Purpose, log: (message: string) => void = console.log): void {
  const missing = requirementsFor(purpose).filter((requirement) => !requirement.present());
  const plan = planSetup(purpose, missing, { asRoot: process.getuid?.() === 0, hasApt: onPath('apt-get') });
  if (plan.action === 'none') return;
  if (plan.action === 'stop') throw new Error(plan.message);
  log(plan.message);
  aptGet(['update', '-qq']);
  aptGet(['install', '-y', '-qq', '--no-install-recommends', ...plan.packages]);
  const still = missing.filter((requirement) => !requirement.present());
  if (still.length > 0) throw new Error(`still missing after apt-get install: ${still.map((requirement) => requirement.what).join('; ')}`);
}
