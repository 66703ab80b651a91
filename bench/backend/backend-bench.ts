import { loadFixtures } from '../../test/fixtures/load-fixtures.ts';
import { describeMachine } from '../machine.ts';
import type { SectionOptions, SectionResult } from '../section.ts';
import { benchImage } from './bench-image.ts';
import { benchRequest, CLIENT_KINDS } from './bench-request.ts';
import { formatBackendReport } from './format-backend-report.ts';
import { measureConcurrentMemory, type ConcurrentMemory } from './measure-concurrent-memory.ts';
import { measureLatency, type LatencyRun } from './measure-latency.ts';
import { startBackendStack, type BackendStack } from './start-backend-stack.ts';
import { timeLedgerSettle } from './time-ledger-settle.ts';
import { timePrepareInProcess } from './time-prepare-in-process.ts';

/** Passes over the 18 fixtures per client kind: 90 runs each, a stable median in under a minute. */
const DEFAULT_PASSES = 5;
/** --quick sends every third fixture once per client kind: one of each size class at least. */
const QUICK_EVERY = 3;
/** Untimed runs per client kind before timing: the first runs load SDK clients and compile hot code. */
const WARMUP_RUNS = 2;
/** The fakes answer at once while latency is measured: the figures are then Chorus's own work and transport. */
const LATENCY_FAKE_DELAY_MS = 0;
/** The figure: memory with this many runs in flight at once. */
const CONCURRENT_RUNS = 50;
/**
 * The fakes' answer delay while memory is measured: each run then waits about 3 × this on models
 * (tiers 2, 3, 4 in turn), long enough that all 50 runs hold their images at the same time.
 */
const MEMORY_FAKE_DELAY_MS = 250;
/** In-process timed runs of the pre-`accepted` work per image (after one warm-up). */
const PREPARE_RUNS = 3;
/** In-process timed ledger settles: an fsync each, a few ms, noisy on a shared disk. */
const LEDGER_SETTLES = 20;

/**
 * The backend streaming benchmark: time to `accepted`, `tier_1_complete` and `complete` over a real
 * WebSocket for a client that sends tier-1 votes and one that does not, the orchestration overhead
 * per tier, and the server's memory under 50 concurrent runs. The backend and the fake providers
 * run in child processes on 127.0.0.1, started and stopped here.
 */
export async function backendBench(options: SectionOptions): Promise<SectionResult> {
  const { log } = options;
  const fixtures = loadFixtures();
  const allImages = fixtures.map(benchImage);
  const images = options.quick ? allImages.filter((_, i) => i % QUICK_EVERY === 0) : allImages;
  const passes = options.runs ?? (options.quick ? 1 : DEFAULT_PASSES);

  log(`backend: timing the pre-accepted work in-process on ${images.length} images`);
  const prepareMs = new Map<string, number>();
  for (const image of images) {
    for (const kind of CLIENT_KINDS) {
      prepareMs.set(`${kind}:${image.name}`, await timePrepareInProcess(benchRequest(image, kind, 'chorus-bench reference'), options.quick ? 1 : PREPARE_RUNS, 1));
    }
  }

  const ledgerSettleMs = await timeLedgerSettle(options.quick ? LEDGER_SETTLES / 4 : LEDGER_SETTLES);

  // Both servers start together (each startup is a second or more of tsx compiling); the second idles until its turn.
  log('backend: starting two backends and their fake providers on 127.0.0.1');
  const [latencyStart, memoryStart] = await Promise.allSettled([startBackendStack(LATENCY_FAKE_DELAY_MS), startBackendStack(MEMORY_FAKE_DELAY_MS)]);
  let liveExtractors: string;
  let latency: LatencyRun[];
  let memory: ConcurrentMemory | null;
  try {
    if (latencyStart.status === 'rejected') throw latencyStart.reason;
    if (memoryStart.status === 'rejected') throw memoryStart.reason;
    const latencyStack = latencyStart.value;
    const memoryStack = memoryStart.value;
    liveExtractors = latencyStack.backend.liveExtractors;
    log(`backend: ${passes} pass(es) over ${images.length} images × ${CLIENT_KINDS.length} clients, one run at a time`);
    latency = await withServerLog(latencyStack, () => measureLatency(latencyStack.backend.wsUrl, images, passes, WARMUP_RUNS, log));
    await latencyStack.stop();
    log(`backend: ${CONCURRENT_RUNS} runs at once, fakes answering after ${MEMORY_FAKE_DELAY_MS} ms`);
    const { wsUrl, script } = memoryStack.backend;
    memory = await withServerLog(memoryStack, () => measureConcurrentMemory(wsUrl, script.pid, allImages, CONCURRENT_RUNS));
    if (memory) log(`backend: ${memory.completed}/${CONCURRENT_RUNS} completed, peak RSS ${(memory.peakRssBytes / 2 ** 20).toFixed(0)} MiB`);
  } finally {
    for (const start of [latencyStart, memoryStart]) if (start.status === 'fulfilled') await start.value.stop();
  }

  const markdown = formatBackendReport({
    date: new Date().toISOString().slice(0, 10),
    machine: describeMachine(),
    mode: options.quick
      ? `Quick mode: ${images.length} fixtures once per client after ${WARMUP_RUNS} warm-up runs each, timings indicative only`
      : `${images.length} fixtures × ${passes} passes per client, one run at a time, after ${WARMUP_RUNS} warm-up runs each`,
    liveExtractors,
    latencyFakeDelayMs: LATENCY_FAKE_DELAY_MS,
    latency,
    prepareMs,
    ledgerSettleMs,
    memoryFakeDelayMs: MEMORY_FAKE_DELAY_MS,
    memory,
  });
  return { markdown, measured: true };
}

/** Runs `measure`; if it throws, adds the end of the server's log to the error, where the reason usually is. */
async function withServerLog<T>(stack: BackendStack, measure: () => Promise<T>): Promise<T> {
  try {
    return await measure();
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- server output ---\n${stack.backend.script.output().slice(-4000)}`, { cause: error });
  }
}
