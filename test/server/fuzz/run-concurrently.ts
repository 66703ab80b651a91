import type { RunEvent } from '../../../core/protocol/run-event.ts';
import { runOverWebSocket, type TimedEvent } from '../test-backend.ts';
import { runProblems } from './check-answer.ts';
import { percentile } from './percentile.ts';

/** How one of the concurrent runs went. */
export interface LoadRun {
  readonly index: number;
  readonly events: readonly TimedEvent[];
  /** `complete`, a refusal's code (`refused TOO_MANY_RUNS`), a run's error code (`error CANCELLED`), or `hang`. */
  readonly outcome: string;
  /** Protocol problems in its events (order, seq, an INTERNAL end), or the hang. */
  readonly problems: readonly string[];
}

/**
 * Opens one WebSocket per message, all at once, and collects each run's events until it ends or
 * `timeoutMs` passes (a hang). Resolves when every run has ended either way.
 */
export async function runConcurrently(wsUrl: string, messages: readonly unknown[], timeoutMs: number): Promise<LoadRun[]> {
  const settled = await Promise.allSettled(messages.map((message) => runOverWebSocket(wsUrl, message, { timeoutMs })));
  return settled.map((result, index): LoadRun => {
    if (result.status === 'rejected') return { index, events: [], outcome: 'hang', problems: [String(result.reason)] };
    const events = result.value;
    const last = events.at(-1)?.event;
    if (last?.stage === 'error' && last.run_id === '') {
      return { index, events, outcome: `refused ${last.code}`, problems: events.length === 1 && last.code !== 'INTERNAL' ? [] : [`refusal ${last.code} after ${events.length - 1} events`] };
    }
    const outcome = last?.stage === 'complete' ? 'complete' : last?.stage === 'error' ? `error ${last.code}` : 'no end';
    return { index, events, outcome, problems: runProblems(events.map((e) => e.event)) };
  });
}

type ExtractorDone = Extract<RunEvent, { stage: 'extractor_done' }>;

/** Counts and latencies over a set of runs, for the log: never asserted on as times. */
export interface LoadSummary {
  readonly outcomes: ReadonlyMap<string, number>;
  /** extractor_done events by `status code` (e.g. `skipped DAILY_CAP`, `done`). */
  readonly extractorStatuses: ReadonlyMap<string, number>;
  readonly tier1Ms: { readonly p50: number; readonly p95: number };
  readonly completeMs: { readonly p50: number; readonly p95: number };
  /** Sum of each run's final `total_cost`, USD. */
  readonly reportedCostUsd: number;
}

const tally = (keys: readonly string[]) => keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>());

export function summariseLoad(runs: readonly LoadRun[]): LoadSummary {
  const at = (run: LoadRun, stage: string) => run.events.find((e) => e.event.stage === stage)?.at;
  const tier1 = runs.map((r) => at(r, 'tier_1_complete')).filter((t): t is number => t !== undefined);
  const complete = runs.map((r) => at(r, 'complete')).filter((t): t is number => t !== undefined);
  const done = runs.flatMap((r) => r.events.map((e) => e.event).filter((e): e is ExtractorDone => e.stage === 'extractor_done'));
  return {
    outcomes: tally(runs.map((r) => r.outcome)),
    extractorStatuses: tally(done.map((e) => (e.code ? `${e.status} ${e.code}` : e.status))),
    tier1Ms: { p50: percentile(tier1, 50), p95: percentile(tier1, 95) },
    completeMs: { p50: percentile(complete, 50), p95: percentile(complete, 95) },
    reportedCostUsd: runs.reduce((sum, r) => sum + (r.events.at(-1)?.event.total_cost ?? 0), 0),
  };
}

/** One line for the log: `100 runs: complete ×100 | done ×…, skipped DAILY_CAP ×… | tier 1 p50 … p95 … ms | complete p50 … p95 … ms`. */
export function formatLoadSummary(label: string, runs: readonly LoadRun[], summary: LoadSummary, wallMs: number): string {
  const list = (m: ReadonlyMap<string, number>) => [...m].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ×${n}`).join(', ');
  const ms = (v: number) => (Number.isNaN(v) ? '–' : v.toFixed(0));
  return (
    `load ${label}: ${runs.length} runs in ${(wallMs / 1000).toFixed(1)} s: ${list(summary.outcomes)}\n` +
    `  extractors: ${list(summary.extractorStatuses)}\n` +
    `  time to tier_1_complete p50 ${ms(summary.tier1Ms.p50)} ms, p95 ${ms(summary.tier1Ms.p95)} ms; to complete p50 ${ms(summary.completeMs.p50)} ms, p95 ${ms(summary.completeMs.p95)} ms`
  );
}
