import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { REPO_ROOT } from '../../test/fixtures/load-fixtures.ts';

/** Output kept from a child, for error messages: enough for a stack trace, bounded so a chatty child cannot grow the bench. */
const MAX_KEPT_OUTPUT = 64 * 1024;
/** How long a child gets to exit on SIGTERM before it is killed. */
const STOP_GRACE_MS = 5_000;

export interface NodeScript {
  readonly pid: number;
  /** The child's stdout and stderr so far (the last 64 KiB). */
  output(): string;
  /** SIGTERM, then SIGKILL after 5 s; resolves once the child has exited. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts `node --import tsx SCRIPT` (a path from the repository root) with exactly `env`, and
 * resolves once its output matches `ready`, with the match. Rejects, with the child's output, if
 * the child exits first or `timeoutMs` passes (the child is then stopped). The child is also
 * killed if this process exits without stopping it.
 */
export function startNodeScript(
  script: string,
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  timeoutMs: number,
): Promise<{ readonly script: NodeScript; readonly match: RegExpExecArray }> {
  // stdin is a pipe that closes when this process dies, so a child that watches it can leave too.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script], { cwd: REPO_ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  const handle: NodeScript = {
    get pid() {
      return child.pid ?? -1;
    },
    output: () => out,
    async stop() {
      process.removeListener('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const graceful = await Promise.race([exited.then(() => true), sleep(STOP_GRACE_MS, false, { ref: false })]);
      if (!graceful) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(`${script} was not ready within ${timeoutMs / 1000} s`), timeoutMs);
    let failed = false;
    const fail = (why: string): void => {
      if (failed) return;
      failed = true;
      clearTimeout(timer);
      child.removeListener('exit', onEarlyExit);
      void handle.stop().then(() => reject(new Error(`${why}:\n${out}`)));
    };
    let isReady = false;
    const onData = (chunk: Buffer): void => {
      out = (out + chunk.toString()).slice(-MAX_KEPT_OUTPUT);
      const match = isReady ? null : ready.exec(out);
      if (match) {
        isReady = true;
        clearTimeout(timer);
        child.removeListener('exit', onEarlyExit);
        resolve({ script: handle, match });
      }
    };
    const onEarlyExit = (code: number | null, signal: NodeJS.Signals | null): void => fail(`${script} exited (${signal ?? `code ${code}`}) before it was ready`);
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onEarlyExit);
    child.once('error', (error) => fail(`${script} could not be started (${error.message})`));
  });
}

