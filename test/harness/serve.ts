// `npm start`: serves VS Code (code-server) on 127.0.0.1 with Alliance Lens loaded from this clone and samples/
// opened, until Ctrl-C. Nothing is exposed beyond this machine.
import { startCodeServer } from './codeServer';
import { FIRST_RUN_SETTINGS } from './startSettings';
import { samplesDir } from './paths';
import { runCleanups, setSigintExitCode } from './processes';
import { ensureSystemRequirements } from './systemRequirements';

const PREFERRED_PORT = Number(process.env.ALLIANCE_LENS_PORT) || 8080;

async function main(): Promise<void> {
  // Ctrl-C is the way to stop: the harness ends code-server by its pid and exits cleanly.
  setSigintExitCode(0);
  ensureSystemRequirements('start');
  const server = await startCodeServer({ name: 'start', port: PREFERRED_PORT, settings: FIRST_RUN_SETTINGS, installExtension: true });

  console.log(`\nAlliance Lens is running in VS Code ${server.vscodeVersion} (code-server), on this machine only.`);
  console.log(`Open this URL in your browser:\n\n  ${server.workbenchUrl({ folder: samplesDir, extensionDevelopment: false })}\n`);
  console.log(`Log: ${server.logFile}\nPress Ctrl-C to stop.`);
  // Keep running until a signal arrives; report if the server dies on its own.
  const watchdog = setInterval(() => {
    if (!server.hasExited()) return;
    clearInterval(watchdog);
    console.error(`code-server stopped unexpectedly. Log tail:\n${server.logTail()}`);
    void runCleanups().finally(() => process.exit(1));
  }, 1000);
}

main().catch((error) => {
  console.error(`npm start failed: ${error instanceof Error ? error.message : error}`);
  void runCleanups().finally(() => process.exit(1));
});
