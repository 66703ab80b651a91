import type { RunEvent, Tier } from '../../core/protocol/run-event.ts';
import type { TimedRunEvent } from './run-on-socket.ts';

/** One tier of one run, as the client saw it. */
export interface TierTiming {
  readonly tier: Tier;
  /** Extractors the server ran in the tier (0 for tier 1 when the client sent its votes). */
  readonly extractors: number;
  /** `tier_started` → `tier_N_complete`, ms, by arrival at the client. */
  readonly wallMs: number;
  /** The largest `duration_ms` among the tier's extractors (0 when none ran). */
  readonly slowestMs: number;
  /** `wallMs − slowestMs`: what the orchestration adds to the tier beyond its slowest extractor. */
  readonly overheadMs: number;
}

export interface RunTimings {
  /** Ms from sending the request to `accepted`, the first event. */
  readonly acceptedMs: number;
  /** … to `tier_1_complete`, the first consensus. */
  readonly tier1Ms: number;
  /** … to `complete`. */
  readonly completeMs: number;
  /** The server's own `duration_ms` in `complete` (run start to end, without decoding and transport). */
  readonly serverDurationMs: number;
  readonly tiers: readonly TierTiming[];
  /** Extractors that answered from the cache (the benchmark means this to stay 0). */
  readonly cachedHits: number;
  /** Anything that makes the run unlike a full one: an error, an extractor not `done`. Empty for a clean run. */
  readonly problems: readonly string[];
}

type Stage = RunEvent['stage'];
type Done = Extract<RunEvent, { stage: 'extractor_done' }>;

/**
 * Timings of one run from its events. A skipped tier-1 extractor whose votes the client sent
 * (`CLIENT_VOTES`) is expected; any other extractor not `done` is listed in `problems`.
 */
export function analyseRun(events: readonly TimedRunEvent[]): RunTimings {
  const at = (stage: Stage, tier?: Tier): number => {
    const found = events.find((e) => e.event.stage === stage && (tier === undefined || ('tier' in e.event && e.event.tier === tier)));
    return found ? found.atMs : Number.NaN;
  };
  const done = events.map((e) => e.event).filter((e): e is Done => e.stage === 'extractor_done');
  const problems: string[] = [];
  const last = events.at(-1)?.event;
  if (last?.stage === 'error') problems.push(`run ended with ${last.code}: ${last.message}`);
  for (const d of done) {
    if (d.status === 'done' || d.code === 'CLIENT_VOTES') continue;
    problems.push(`${d.extractor} ${d.status}${d.code ? ` (${d.code})` : ''}`);
  }

  const tiers: TierTiming[] = [];
  for (const e of events) {
    if (e.event.stage !== 'tier_started') continue;
    const tier = e.event.tier;
    const ran = done.filter((d) => d.tier === tier && d.status !== 'skipped');
    const wallMs = at(`tier_${tier}_complete`, tier) - e.atMs;
    const slowestMs = Math.max(0, ...ran.map((d) => d.duration_ms));
    tiers.push({ tier, extractors: e.event.extractors.length, wallMs, slowestMs, overheadMs: wallMs - slowestMs });
  }
  const complete = last?.stage === 'complete' ? last : undefined;
  return {
    acceptedMs: at('accepted'),
    tier1Ms: at('tier_1_complete'),
    completeMs: at('complete'),
    serverDurationMs: complete ? complete.duration_ms : Number.NaN,
    tiers,
    cachedHits: done.filter((d) => d.cached).length,
    problems,
  };
}
