import { counterKey, OUTCOME_WINDOW, type CounterDelta, type DesignerDecision, type MetricsState, type MetricsStore, type StoredOutcome } from './metrics-store.ts';

/** A MetricsStore that lives as long as the process: for tests and in-process runs. */
export class MemoryMetricsStore implements MetricsStore {
  private readonly outcomes = new Map<string, StoredOutcome[]>();
  private readonly counters = new Map<string, CounterDelta>();
  readonly decisions: DesignerDecision[] = [];

  async addRun(outcomes: readonly StoredOutcome[], deltas: readonly CounterDelta[]): Promise<void> {
    for (const outcome of outcomes) {
      const list = this.outcomes.get(outcome.extractor) ?? [];
      list.push(outcome);
      if (list.length > OUTCOME_WINDOW) list.shift();
      this.outcomes.set(outcome.extractor, list);
    }
    this.addCounts(deltas);
  }

  async addDecisions(decisions: readonly DesignerDecision[], deltas: readonly CounterDelta[]): Promise<void> {
    this.decisions.push(...decisions);
    this.addCounts(deltas);
  }

  async read(): Promise<MetricsState> {
    return { outcomes: new Map([...this.outcomes].map(([k, v]) => [k, [...v]])), counters: [...this.counters.values()] };
  }

  private addCounts(deltas: readonly CounterDelta[]): void {
    for (const d of deltas) {
      const key = counterKey(d);
      this.counters.set(key, { ...d, by: (this.counters.get(key)?.by ?? 0) + d.by });
    }
  }
}
