import type { Tier } from '../../core/protocol/run-event.ts';
import { analyseRun, type RunTimings } from './analyse-run.ts';
import type { BenchImage } from './bench-image.ts';
import { benchRequest, CLIENT_KINDS, type ClientKind } from './bench-request.ts';
import { loopbackAddress } from './loopback-address.ts';
import { replayConsensus } from './replay-consensus.ts';
import { openSocket, runOnSocket } from './run-on-socket.ts';

/** Bounds on one sequential run; an idle loopback socket opens in about a millisecond, a run against instant fakes in well under a second. */
const CONNECT_TIMEOUT_MS = 10_000;
const RUN_TIMEOUT_MS = 60_000;

export interface LatencyRun {
  readonly kind: ClientKind;
  readonly image: string;
  readonly size: string;
  /** Opening the WebSocket, ms (not part of the run's timings). */
  readonly connectMs: number;
  readonly timings: RunTimings;
  /** Each tier's closing consensus and event, replayed in this process after the run (median ms). */
  readonly consensusMs: ReadonlyMap<Tier, number>;
}

/**
 * One run at a time, each on a new socket as a plugin run opens one: `warmups` untimed runs per
 * client kind, then `passes` passes over `images`, both kinds per image (which goes first alternates,
 * so neither always follows the other). Every request carries a new tag, so nothing comes from the
 * cache, and each comes from its own loopback address, so the server's per-client rate limit
 * (runs a minute) meters designers, not the benchmark.
 */
export async function measureLatency(
  wsUrl: string,
  images: readonly BenchImage[],
  passes: number,
  warmups: number,
  log: (line: string) => void,
): Promise<LatencyRun[]> {
  let serial = 0;
  const runOnce = async (image: BenchImage, kind: ClientKind): Promise<LatencyRun> => {
    const run = serial++;
    const { socket, connectMs } = await openSocket(wsUrl, loopbackAddress(run), CONNECT_TIMEOUT_MS);
    const events = await runOnSocket(socket, benchRequest(image, kind, `chorus-bench latency ${run}`), RUN_TIMEOUT_MS);
    const consensusMs = replayConsensus(events, kind === 'votes' ? image.votes : []);
    return { kind, image: image.name, size: image.size, connectMs, timings: analyseRun(events), consensusMs };
  };

  for (let i = 0; i < warmups; i++) {
    for (const kind of CLIENT_KINDS) await runOnce(images[i % images.length]!, kind);
  }
  const runs: LatencyRun[] = [];
  for (let pass = 0; pass < passes; pass++) {
    const started = performance.now();
    for (const [index, image] of images.entries()) {
      const kinds = (index + pass) % 2 === 0 ? CLIENT_KINDS : [...CLIENT_KINDS].reverse();
      for (const kind of kinds) runs.push(await runOnce(image, kind));
    }
    log(`backend: pass ${pass + 1}/${passes} over ${images.length} images, ${images.length * CLIENT_KINDS.length} runs in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return runs;
}
