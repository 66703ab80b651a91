import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startBackendProcess, type BackendProcess } from './start-backend-process.ts';
import { startFakesProcess } from './start-fakes-process.ts';

/** A backend process, the fake providers it talks to, and its own data directory. */
export interface BackendStack {
  readonly backend: BackendProcess;
  /** Stops the backend and the fakes and removes the data directory. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts the fakes (every model answer after `fakeDelayMs`), then a backend pointed at them with a
 * fresh data directory (empty cache and ledger). Whatever fails part-way is stopped and removed.
 */
export async function startBackendStack(fakeDelayMs: number): Promise<BackendStack> {
  const fakes = await startFakesProcess(fakeDelayMs);
  let dataDirectory: string | undefined;
  const cleanUp = async (): Promise<void> => {
    await fakes.script.stop();
    if (dataDirectory) await rm(dataDirectory, { recursive: true, force: true });
  };
  try {
    dataDirectory = await mkdtemp(path.join(tmpdir(), 'chorus-bench-'));
    const backend = await startBackendProcess(fakes.env, dataDirectory);
    return {
      backend,
      stop: async () => {
        await backend.script.stop();
        await cleanUp();
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
