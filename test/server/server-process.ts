import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../fixtures/load-fixtures.ts';

/** A backend running as its own OS process, as a supervisor runs it. */
export interface ServerProcess {
  readonly child: ChildProcess;
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** The pid of the process serving (under `npm start`, node's, not npm's). */
  readonly pid: number;
  /** Everything it printed so far (stdout and stderr). */
  log(): string;
  /** Resolves with the exit code (or the signal's name) once the process has exited and its output is all read. */
  readonly exited: Promise<number | string>;
}

/** How long after a process exits its output may still be arriving. */
const LOG_GRACE_MS = 2_000;

/** What must be set so a test's server talks to no real provider and keeps its data where the test says. */
const ISOLATED_ENV = { PORT: '0', HOST: '127.0.0.1', OPENAI_API_KEY: '', ANTHROPIC_API_KEY: '', CHORUS_LOCAL_BASE_URL: '' };

/**
 * Starts `node --import tsx server/main.ts` (or `command`, e.g. `npm start`) with `env` over an
 * isolated environment, and resolves once it says where it listens; rejects with its log if it
 * exits first or does not start within `timeoutMs`.
 */
export function startServerProcess(env: Readonly<Record<string, string>>, options: { command?: readonly string[]; timeoutMs?: number } = {}): Promise<ServerProcess> {
  const [command, ...args] = options.command ?? [process.execPath, '--import', 'tsx', path.join(REPO_ROOT, 'server/main.ts')];
  const child = spawn(command!, args, { cwd: REPO_ROOT, env: { ...process.env, ...ISOLATED_ENV, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  // Once it has exited and its output is read (a child it leaves behind may hold the pipe open: not past LOG_GRACE_MS).
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => {
      const result = code ?? signal ?? 'unknown';
      const grace = setTimeout(() => resolve(result), LOG_GRACE_MS);
      child.once('close', () => {
        clearTimeout(grace);
        resolve(result);
      });
    }),
  );
  // Generous: on a loaded machine tsx compiling the server (and its worker threads) takes tens of seconds.
  const timeoutMs = options.timeoutMs ?? 60_000;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start in ${timeoutMs / 1000} s:\n${out}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on http:\/\/localhost:(\d+) \(bound to [^,]+, pid (\d+)\)/.exec(out);
      if (match && /Live extractors/.test(out)) {
        clearTimeout(timer);
        resolve({ child, url: `http://127.0.0.1:${match[1]}`, pid: Number(match[2]), log: () => out, exited });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
}

/** True while a process with `pid` exists. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
