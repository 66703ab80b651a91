// The fake model providers in a process of their own, for the backend benchmark: they parse every
// image-laden request body, and that work should not share an event loop with the client whose
// clock measures the stream. Prints one line, `fake providers ready {env JSON}`, then serves until
// SIGTERM, SIGINT or its stdin closing (the benchmark going away).
//
//   CHORUS_BENCH_FAKE_DELAY_MS=250 node --import tsx bench/backend/fake-providers-main.ts
import { startBenchFakes } from './start-bench-fakes.ts';

const delayMs = Number(process.env.CHORUS_BENCH_FAKE_DELAY_MS ?? '0');
if (!Number.isFinite(delayMs) || delayMs < 0) throw new Error(`CHORUS_BENCH_FAKE_DELAY_MS must be a number of ms ≥ 0, got "${process.env.CHORUS_BENCH_FAKE_DELAY_MS}"`);

const fakes = await startBenchFakes(delayMs);
process.stdout.write(`fake providers ready ${JSON.stringify(fakes.env)}\n`);

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  void fakes.close().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.resume();
