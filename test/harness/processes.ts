// Child processes the harness starts, and the guarantee that it ends them (by process id) on success, on failure
// and on Ctrl-C. The registry lives on globalThis because every test bundle carries its own copy of this module.
import { ChildProcess, spawn, SpawnOptions } from 'child_process';

interface CleanupTask {
  run: () => Promise<void> | void;
  /** Synchronous last resort for the 'exit' event, where nothing asynchronous runs any more. */
  emergency?: () => void;
  /** Set once the task has started, so that every caller awaits the same run. */
  running?: Promise<void>;
}

interface CleanupRegistry {
  tasks: Map<number, CleanupTask>;
  nextId: number;
  signalsHooked: boolean;
  /** Exit code after cleaning up on SIGINT; `npm start` sets 0, since Ctrl-C is how it is meant to stop. */
  sigintExitCode: number;
}

const registryKey = Symbol.for('allianceLens.harness.cleanup');

function registry(): CleanupRegistry {
  const holder = globalThis as unknown as Record<symbol, CleanupRegistry | undefined>;
  holder[registryKey] ??= { tasks: new Map(), nextId: 1, signalsHooked: false, sigintExitCode: 130 };
  return holder[registryKey]!;
}

/** Starts `task` unless it already has; it stays registered (for the exit-time kill) until it has finished. */
function startTask(id: number, task: CleanupTask): Promise<void> {
  task.running ??= Promise.resolve()
    .then(task.run)
    .catch((error) => console.error(`cleanup failed: ${(error as Error).message}`))
    .finally(() => registry().tasks.delete(id));
  return task.running;
}

/** Runs every pending cleanup task once, newest first. */
export async function runCleanups(): Promise<void> {
  for (const [id, task] of [...registry().tasks.entries()].reverse()) await startTask(id, task);
}

function hookSignals(): void {
  const reg = registry();
  if (reg.signalsHooked) return;
  reg.signalsHooked = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping what the harness started…`);
      void runCleanups().finally(() => process.exit(signal === 'SIGINT' ? reg.sigintExitCode : 143));
    });
  }
  // Last resort when the process exits without awaiting cleanups: synchronous kills only.
  process.once('exit', () => {
    for (const task of registry().tasks.values()) {
      try {
        task.emergency?.();
      } catch {
        // exiting anyway
      }
    }
  });
}

export function setSigintExitCode(code: number): void {
  registry().sigintExitCode = code;
  hookSignals();
}

/** Registers `task` to run at cleanup; the returned function runs it now (once) and unregisters it. */
export function onCleanup(run: () => Promise<void> | void, emergency?: () => void): () => Promise<void> {
  hookSignals();
  const reg = registry();
  const id = reg.nextId++;
  reg.tasks.set(id, { run, emergency });
  return async () => {
    const task = reg.tasks.get(id);
    if (task) await startTask(id, task);
  };
}

/** SIGKILL to a whole process group, ignoring a group that is already gone. */
export function killGroupNow(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Ends a process group started with `detached: true` (the leader's pid is the group id): SIGTERM, then SIGKILL for
 * whatever is left after `graceMs`.
 */
export async function killProcessGroup(pid: number, graceMs = 3000): Promise<void> {
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // the group is already gone
    }
  };
  signalGroup('SIGTERM');
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  killGroupNow(pid);
}

/** Starts a long-running process in its own process group and registers its end by pid. */
export function spawnTracked(command: string, args: string[], options: SpawnOptions): { child: ChildProcess; stop: () => Promise<void> } {
  const child = spawn(command, args, { ...options, detached: true });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`Could not start ${command}`);
  const stop = onCleanup(() => killProcessGroup(pid), () => killGroupNow(pid));
  return { child, stop };
}

/** Runs a command to completion; on failure the error carries its output's tail. */
export function runCommand(command: string, args: string[], options: SpawnOptions & { label: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20000);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${options.label} failed (exit ${code}):\n${tailLines(output, 40)}`));
    });
  });
}

export function tailLines(text: string, count: number): string {
  return text.split('\n').slice(-count).join('\n');
}
