// `npm run test:electron`: the same integration suites in desktop VS Code through @vscode/test-electron 2.x, which
// downloads VS Code first. It needs the internet (and a display, e.g. `xvfb-run -a npm run test:electron` on a
// Linux server), so it is not part of `npm test`, which uses the offline code-server harness instead.
import { runTests } from '@vscode/test-electron';
import { integrationIndex, repoRoot, samplesDir } from './paths';

async function main(): Promise<number> {
  const version = process.env.ALLIANCE_LENS_ELECTRON_VSCODE || 'stable';
  console.log(`Downloading (or reusing .vscode-test/) VS Code ${version} for the integration suites…`);
  return runTests({
    version,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: integrationIndex,
    launchArgs: [samplesDir, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
}

main().then((code) => process.exit(code), (error) => {
  console.error(`test:electron failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
