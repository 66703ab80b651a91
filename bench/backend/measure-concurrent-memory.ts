import type WebSocket from 'ws';
import { analyseRun, type RunTimings } from './analyse-run.ts';
import type { BenchImage } from './bench-image.ts';
import { benchRequest } from './bench-request.ts';
import { readProcessMemory } from './read-process-memory.ts';
import { loopbackAddress } from './loopback-address.ts';
import { openSocket, runOnSocket } from './run-on-socket.ts';

/** How often the server's RSS is sampled while the runs are in flight; VmHWM catches what falls between samples. */
const SAMPLE_EVERY_MS = 10;
/** Quiet time before reading idle and after-run memory, so sockets and timers have settled. */
const SETTLE_MS = 500;
const CONNECT_TIMEOUT_MS = 15_000;
/** Every run at once on 2 cores, each waiting on the delayed fakes: a few seconds; this only bounds a hang. */
const RUN_TIMEOUT_MS = 120_000;

export interface ConcurrentMemory {
  readonly concurrent: number;
  readonly completed: number;
  /** Why the others did not complete (or were not clean), one line each. */
  readonly problems: readonly string[];
  /** RSS after one warm-up run, before the burst, bytes. */
  readonly idleRssBytes: number;
  /** The kernel's high-water mark (VmHWM) after the burst, bytes. */
  readonly peakRssBytes: number;
  /** The largest RSS the sampler saw, bytes. */
  readonly sampledPeakRssBytes: number;
  /** RSS once every run had ended and the server had been quiet for a moment, bytes. */
  readonly afterRssBytes: number;
  /** First request sent → last run ended, ms. */
  readonly wallMs: number;
  readonly timings: readonly RunTimings[];
}

/**
 * Opens `concurrent` sockets, each from its own loopback address (so the server sees that many
 * clients, as it would that many designers, and its per-client limit of runs at once does not
 * queue them), sends every request at once (cycling through `images`, each tagged anew, no votes,
 * so the server does every tier's work) and samples the server's memory until all have ended. Null when the server's memory cannot be read (no /proc).
 */
export async function measureConcurrentMemory(
  wsUrl: string,
  serverPid: number,
  images: readonly BenchImage[],
  concurrent: number,
): Promise<ConcurrentMemory | null> {
  // One untimed run first, so idle memory includes what the first run loads once (SDK clients, JIT code).
  const warm = await openSocket(wsUrl, loopbackAddress(concurrent), CONNECT_TIMEOUT_MS);
  await runOnSocket(warm.socket, benchRequest(images[0]!, 'none', 'chorus-bench memory warm-up'), RUN_TIMEOUT_MS);
  await sleep(SETTLE_MS);
  const idle = readProcessMemory(serverPid);
  if (!idle) return null;

  const opened = await Promise.allSettled(Array.from({ length: concurrent }, (_, i) => openSocket(wsUrl, loopbackAddress(i), CONNECT_TIMEOUT_MS)));
  const sockets: WebSocket[] = opened.flatMap((o) => (o.status === 'fulfilled' ? [o.value.socket] : []));
  const refused = opened.find((o) => o.status === 'rejected');
  if (refused) {
    for (const socket of sockets) socket.terminate();
    throw new Error(`only ${sockets.length} of ${concurrent} sockets opened: ${String(refused.reason)}`);
  }
  const requests = sockets.map((_, i) => benchRequest(images[i % images.length]!, 'none', `chorus-bench concurrent ${i}`));
  let sampledPeak = idle.rssBytes;
  const sampler = setInterval(() => {
    const now = readProcessMemory(serverPid);
    if (now) sampledPeak = Math.max(sampledPeak, now.rssBytes);
  }, SAMPLE_EVERY_MS);
  const started = performance.now();
  let settled: PromiseSettledResult<RunTimings>[];
  try {
    settled = await Promise.allSettled(sockets.map((socket, i) => runOnSocket(socket, requests[i]!, RUN_TIMEOUT_MS).then(analyseRun)));
  } finally {
    clearInterval(sampler);
  }
  const wallMs = performance.now() - started;
  const peak = readProcessMemory(serverPid);
  await sleep(SETTLE_MS);
  const after = readProcessMemory(serverPid);

  const timings = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const problems = settled.flatMap((s, i) =>
    s.status === 'rejected' ? [`run ${i}: ${s.reason instanceof Error ? s.reason.message : String(s.reason)}`] : s.value.problems.map((p) => `run ${i}: ${p}`),
  );
  return {
    concurrent,
    completed: timings.filter((t) => Number.isFinite(t.completeMs)).length,
    problems,
    idleRssBytes: idle.rssBytes,
    peakRssBytes: peak?.peakRssBytes ?? Number.NaN,
    sampledPeakRssBytes: sampledPeak,
    afterRssBytes: after?.rssBytes ?? Number.NaN,
    wallMs,
    timings,
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
