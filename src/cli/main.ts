import { UsageError, type CliIo } from './command';
import { commands } from './commands';
import { isPipe, writeAllSync } from './standard-output';
import { forTerminal } from './terminal';

// A reader that stops early (`| head`, `| cmp -`) closes the pipe: the rest of the output is not wanted, which is
// no error of ours, so end quietly rather than with a stack trace.
function endOnClosedPipe(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
}

/** Standard output to a pipe is written synchronously (see standard-output.ts). */
const STDOUT_IS_PIPE = isPipe(1);

// Standard error is read on a terminal; standard output only when it is one (a pipe or file gets the data as is).
const io: CliIo = {
  stdout: (text) => {
    if (!STDOUT_IS_PIPE) {
      process.stdout.write(process.stdout.isTTY ? forTerminal(text) : text);
      return;
    }
    try {
      writeAllSync(1, text);
    } catch (error) {
      endOnClosedPipe(error as NodeJS.ErrnoException);
    }
  },
  stderr: (text) => process.stderr.write(forTerminal(text)),
};

/** Loads every command, for their one-line summaries. */
async function overview(): Promise<string> {
  const loaded = await Promise.all(commands.map((entry) => entry.load()));
  const width = Math.max(0, ...loaded.map((command) => command.name.length));
  return [
    'Usage: alliance-lens <command> [options]',
    '',
    'Reads psychotherapy transcripts and codes the therapist\'s collaborative and directive language. Everything',
    'runs locally: nothing is sent anywhere.',
    '',
    'Commands:',
    ...loaded.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Run `alliance-lens <command> --help` for a command\'s options.',
    '',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(await overview());
    return name ? 0 : 2;
  }
  const entry = commands.find((candidate) => candidate.name === name);
  if (!entry) {
    io.stderr(`alliance-lens: unknown command '${name}'\n\n${await overview()}`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.usage.endsWith('\n') ? command.usage : `${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`alliance-lens ${name}: ${error.message}\n\n${command.usage}\n`);
      return 2;
    }
    io.stderr(`alliance-lens ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

process.stdout.on('error', endOnClosedPipe);

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error) => { process.stderr.write(`${forTerminal(error instanceof Error ? error.stack ?? error.message : String(error))}\n`); process.exitCode = 1; },
);
