import type { ExtractorStatus, Tier } from '../../core/protocol/run-event.ts';

/** Outcomes kept per extractor: enough for stable percentiles, bounded whatever the traffic. */
export const OUTCOME_WINDOW = 1000;

/** One extractor's part in one run, as the dashboard keeps it. */
export interface StoredOutcome {
  readonly extractor: string;
  readonly tier: Tier;
  readonly status: ExtractorStatus;
  readonly durationMs: number;
  readonly cost: number;
  readonly cached: boolean;
}

/**
 * A count the dashboard adds to: `runs` and `decisions` (extractor `''`), and per extractor
 * `consensus_voted` / `consensus_agreed` (its role votes, and those the final consensus kept) and
 * `designer_decided` / `designer_agreed` (review decisions it had a candidate in, and those it won).
 */
export type CounterName = 'runs' | 'decisions' | 'consensus_voted' | 'consensus_agreed' | 'designer_decided' | 'designer_agreed';

export interface CounterDelta {
  readonly name: CounterName;
  readonly extractor: string;
  readonly by: number;
}

/** One counter's identity, as a map key and a sort order. */
export const counterKey = (d: Pick<CounterDelta, 'name' | 'extractor'>): string => `${d.name}\u0000${d.extractor}`;

/** A designer's pick in review, as the plugin reported it. */
export interface DesignerDecision {
  readonly role: string;
  readonly chosenHex: string;
  readonly candidates: readonly { readonly hex: string; readonly extractors: readonly string[] }[];
}

/** Everything the dashboard's figures are computed from. */
export interface MetricsState {
  /** Per extractor, oldest first, at most OUTCOME_WINDOW each. */
  readonly outcomes: ReadonlyMap<string, readonly StoredOutcome[]>;
  readonly counters: readonly CounterDelta[];
}

/**
 * Where the dashboard's figures live: in memory for tests and the CLI, in the backend's database
 * (SQLite or PostgreSQL) for a server, so they survive a restart and every instance sharing the
 * database shows the team's figures, not its own.
 */
export interface MetricsStore {
  /** Ended runs (one or several, batched): their extractors' outcomes and the counts they add, together. */
  addRun(outcomes: readonly StoredOutcome[], deltas: readonly CounterDelta[]): Promise<void>;
  /** Keeps the decisions themselves and adds their counts, all together or none. */
  addDecisions(decisions: readonly DesignerDecision[], deltas: readonly CounterDelta[]): Promise<void>;
  read(): Promise<MetricsState>;
}
