import type { RunEvent, Tier } from '../../core/protocol/run-event.ts';
import type { ColorVote } from '../../core/vote/color-vote.ts';
import { ciede2000, hexToLab } from '../../core/color/index.ts';
import { MemoryMetricsStore } from './memory-metrics-store.ts';
import { counterKey, type CounterDelta, type CounterName, type DesignerDecision, type MetricsState, type MetricsStore, type StoredOutcome } from './metrics-store.ts';

/** A vote agrees with the final consensus when it is this close to the winning colour of its role (CIEDE2000). */
const AGREE_DE = 2.3;

export interface ExtractorStats {
  readonly id: string;
  readonly tier: Tier;
  readonly runs: number;
  readonly latencyMs: { readonly p50: number; readonly p90: number; readonly p99: number } | null;
  readonly failureRate: number;
  readonly timeoutRate: number;
  readonly skipRate: number;
  readonly cacheHitRate: number;
  readonly cost: number;
  /** Share of its role votes that matched the final consensus (null before any). */
  readonly agreementWithConsensus: number | null;
  /** Share of designers' review decisions where it had voted for the colour they chose (null before any). */
  readonly agreementWithDesigners: number | null;
}

export interface MetricsSnapshot {
  readonly extractors: readonly ExtractorStats[];
  readonly runs: number;
  readonly decisions: number;
}

export interface RunMetrics {
  /** Feeds every event of a run, as the stream sends it; a run's figures are stored when it ends. */
  observe(event: RunEvent): void;
  /** Stores what a run got to if its last event never came (an internal error); nothing once it did. */
  end(runId: string): void;
  /** Stores designers' review decisions, all or none; rejects when the store cannot take them. */
  recordDecisions(decisions: readonly DesignerDecision[]): Promise<void>;
  /** The figures of every run stored so far (of every instance sharing the store); rejects when the store cannot be read. */
  snapshot(): Promise<MetricsSnapshot>;
}

/**
 * What the dashboard shows, gathered from the run events themselves (no second bookkeeping path):
 * per extractor, latency, failures, skips, cache hits, spend, and how often it agreed with the
 * final consensus and with the designers' review decisions. Kept in `store` (the backend's
 * database, so the figures outlive a restart); a run whose figures cannot be stored is told to
 * `warn` (once until a store succeeds again) and never fails the run itself.
 */
export function createRunMetrics(options: { store?: MetricsStore; warn?: (message: string) => void } = {}): RunMetrics {
  const store = options.store ?? new MemoryMetricsStore();
  const warn = options.warn ?? ((message: string) => console.error(message));
  const running = new Map<string, { outcomes: StoredOutcome[]; votes: ColorVote[] }>();
  // Ended runs wait here and go to the store one batch at a time: one transaction (and one
  // connection) however many runs end together, never several racing for the same counter rows.
  let waiting: { outcomes: StoredOutcome[]; deltas: CounterDelta[] } = { outcomes: [], deltas: [] };
  let writing: Promise<void> | undefined;
  let failing = false;

  const flush = async (): Promise<void> => {
    while (waiting.outcomes.length > 0 || waiting.deltas.length > 0) {
      const batch = waiting;
      waiting = { outcomes: [], deltas: [] };
      try {
        await store.addRun(batch.outcomes, merge(batch.deltas));
        failing = false;
      } catch (error) {
        if (!failing) warn(`chorus: the dashboard's figures for a run could not be stored (${(error as Error).message}); runs go on, and the figures resume once the database takes writes again.`);
        failing = true;
      }
    }
  };
  const keep = (outcomes: readonly StoredOutcome[], deltas: readonly CounterDelta[]) => {
    waiting.outcomes.push(...outcomes);
    waiting.deltas.push(...deltas);
    writing ??= flush().finally(() => {
      writing = undefined;
    });
  };

  return {
    observe(event) {
      if (event.stage === 'extractor_done') {
        const run = running.get(event.run_id) ?? { outcomes: [], votes: [] };
        run.outcomes.push({ extractor: event.extractor, tier: event.tier, status: event.status, durationMs: event.duration_ms, cost: event.cost, cached: event.cached });
        run.votes.push(...event.votes);
        running.set(event.run_id, run);
      } else if (event.stage === 'complete' || event.stage === 'error') {
        const run = running.get(event.run_id) ?? { outcomes: [], votes: [] };
        running.delete(event.run_id);
        const deltas: CounterDelta[] = [];
        if (event.stage === 'complete') {
          deltas.push({ name: 'runs', extractor: '', by: 1 });
          for (const vote of run.votes) {
            const winner = vote.role ? event.tokens[vote.role] : undefined;
            if (!winner) continue;
            deltas.push({ name: 'consensus_voted', extractor: vote.extractor, by: 1 });
            if (ciede2000(hexToLab(vote.hex)!, hexToLab(winner.hex)!) < AGREE_DE) deltas.push({ name: 'consensus_agreed', extractor: vote.extractor, by: 1 });
          }
        }
        keep(run.outcomes, deltas);
      }
    },
    end(runId) {
      const run = running.get(runId);
      if (!run) return;
      running.delete(runId);
      keep(run.outcomes, []);
    },
    async recordDecisions(decisions) {
      const deltas: CounterDelta[] = [];
      for (const decision of decisions) {
        deltas.push({ name: 'decisions', extractor: '', by: 1 });
        const chosen = hexToLab(decision.chosenHex);
        for (const candidate of chosen ? decision.candidates : []) {
          const lab = hexToLab(candidate.hex);
          const agreed = lab !== null && ciede2000(lab, chosen!) < AGREE_DE;
          for (const extractor of candidate.extractors) {
            deltas.push({ name: 'designer_decided', extractor, by: 1 });
            if (agreed) deltas.push({ name: 'designer_agreed', extractor, by: 1 });
          }
        }
      }
      await store.addDecisions(decisions, merge(deltas));
    },
    async snapshot() {
      // What this process has ended so far is in the figures it shows.
      await writing;
      return figures(await store.read());
    },
  };
}

/** The dashboard's figures from what the store holds. */
function figures({ outcomes, counters }: MetricsState): MetricsSnapshot {
  const count = (name: CounterName, extractor = '') => counters.find((c) => c.name === name && c.extractor === extractor)?.by ?? 0;
  const share = (agreed: CounterName, of: CounterName, id: string) => (count(of, id) > 0 ? count(agreed, id) / count(of, id) : null);
  const extractors = [...outcomes].map(([id, list]): ExtractorStats => {
    const ran = list.filter((o) => o.status !== 'skipped' && !o.cached).map((o) => o.durationMs).sort((a, b) => a - b);
    const rate = (predicate: (o: StoredOutcome) => boolean) => (list.length === 0 ? 0 : list.filter(predicate).length / list.length);
    return {
      id,
      tier: list.at(-1)!.tier,
      runs: list.length,
      latencyMs: ran.length === 0 ? null : { p50: percentile(ran, 0.5), p90: percentile(ran, 0.9), p99: percentile(ran, 0.99) },
      failureRate: rate((o) => o.status === 'failed'),
      timeoutRate: rate((o) => o.status === 'timeout'),
      skipRate: rate((o) => o.status === 'skipped'),
      cacheHitRate: rate((o) => o.cached),
      cost: list.reduce((sum, o) => sum + o.cost, 0),
      agreementWithConsensus: share('consensus_agreed', 'consensus_voted', id),
      agreementWithDesigners: share('designer_agreed', 'designer_decided', id),
    };
  });
  return { extractors: extractors.sort((x, y) => x.tier - y.tier || (x.id < y.id ? -1 : 1)), runs: count('runs'), decisions: count('decisions') };
}

/** One delta per counter: a run adds its votes' counts in one statement each. */
function merge(deltas: readonly CounterDelta[]): CounterDelta[] {
  const byKey = new Map<string, CounterDelta>();
  for (const d of deltas) {
    const key = counterKey(d);
    byKey.set(key, { ...d, by: (byKey.get(key)?.by ?? 0) + d.by });
  }
  return [...byKey.values()];
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}
