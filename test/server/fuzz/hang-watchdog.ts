import { Worker } from 'node:worker_threads';

/** Bytes kept for the description of what was going on (cases in flight). */
const LABEL_BYTES = 4096;
/** How often the event loop proves it is alive. */
const BEAT_MS = 250;

/**
 * The watchdog, run on its own thread: it still runs when the main thread is stuck in a loop,
 * which no timer of the main thread (vitest's test timeout included) can do.
 */
const WATCHDOG_SOURCE = `
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const beat = new BigInt64Array(workerData.shared, 0, 1);
const length = new Int32Array(workerData.shared, 8, 1);
const label = new Uint8Array(workerData.shared, 12, workerData.labelBytes);
setInterval(() => {
  const silentMs = Date.now() - Number(Atomics.load(beat, 0));
  if (silentMs <= workerData.stallMs) return;
  const doing = Buffer.from(label.slice(0, Atomics.load(length, 0))).toString('utf8');
  writeSync(2, '\\n' + workerData.name + ': the event loop has been blocked for ' + Math.round(silentMs / 1000) + ' s (a synchronous hang in the in-process server) while handling:\\n' + doing +
    '\\nKilling this test process (pid ' + process.pid + ') so the suite ends instead of hanging.\\n');
  process.kill(process.pid, 'SIGKILL');
}, 500);
`;

export interface HangWatchdog {
  /** Says what is going on now, for the message if the loop stalls (truncated to 4 kB). */
  describe(text: string): void;
  stop(): Promise<void>;
}

/**
 * Kills this process if its event loop does not run for `stallMs`, after printing `name` and the
 * last `describe`d text to stderr. The server runs in-process, so a decoder stuck in a loop
 * would otherwise freeze the test, its timeouts and vitest's with it, for ever.
 */
export function startHangWatchdog(name: string, stallMs: number): HangWatchdog {
  const shared = new SharedArrayBuffer(12 + LABEL_BYTES);
  const beat = new BigInt64Array(shared, 0, 1);
  const length = new Int32Array(shared, 8, 1);
  const label = new Uint8Array(shared, 12, LABEL_BYTES);
  const tick = () => Atomics.store(beat, 0, BigInt(Date.now()));
  tick();
  // Cleared by stop(), which every test calls in afterAll.
  const timer = setInterval(tick, BEAT_MS);
  const worker = new Worker(WATCHDOG_SOURCE, { eval: true, workerData: { shared, name, stallMs, labelBytes: LABEL_BYTES } });
  worker.unref();
  return {
    describe(text) {
      const bytes = Buffer.from(text, 'utf8').subarray(0, LABEL_BYTES);
      label.set(bytes);
      Atomics.store(length, 0, bytes.length);
    },
    async stop() {
      clearInterval(timer);
      await worker.terminate();
    },
  };
}
