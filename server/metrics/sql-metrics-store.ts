import { extractorStatusSchema, type Tier } from '../../core/protocol/run-event.ts';
import { toNumber, type SqlDatabase, type SqlExecutor } from '../db/sql-database.ts';
import { counterKey, OUTCOME_WINDOW, type CounterDelta, type CounterName, type DesignerDecision, type MetricsState, type MetricsStore, type StoredOutcome } from './metrics-store.ts';

const NANO = 1e9;

/**
 * A MetricsStore in the backend's database: one row per outcome (the newest OUTCOME_WINDOW per
 * extractor kept), one per counter, one per review decision. Counters add in the database
 * (`ON CONFLICT … DO UPDATE SET value = value + …`), so instances sharing it never overwrite
 * each other's counts.
 */
export class SqlMetricsStore implements MetricsStore {
  constructor(private readonly db: SqlDatabase) {}

  async addRun(outcomes: readonly StoredOutcome[], deltas: readonly CounterDelta[]): Promise<void> {
    if (outcomes.length === 0 && deltas.length === 0) return;
    // Rows in one order (by extractor, then by counter) in every transaction: instances sharing a
    // PostgreSQL lock them in the same order and never deadlock on each other's.
    const sorted = [...outcomes].sort((a, b) => (a.extractor < b.extractor ? -1 : a.extractor > b.extractor ? 1 : 0));
    await this.db.transaction(async (tx) => {
      const at = Date.now();
      for (const o of sorted) {
        // seq: one past the newest; two instances writing at once may tie, and either order is fair.
        await tx.query(
          `INSERT INTO metric_outcomes (seq, extractor, tier, status, duration_ms, cost_nano, cached, at)
           VALUES ((SELECT COALESCE(MAX(seq), 0) + 1 FROM metric_outcomes), $1, $2, $3, $4, $5, $6, $7)`,
          [o.extractor, o.tier, o.status, Math.round(o.durationMs), Math.round(o.cost * NANO), o.cached ? 1 : 0, at],
        );
      }
      // The window, once per extractor written: whatever is older than its newest OUTCOME_WINDOW goes.
      for (const extractor of new Set(sorted.map((o) => o.extractor))) {
        await tx.query(
          `DELETE FROM metric_outcomes WHERE extractor = $1 AND seq <= (SELECT seq FROM metric_outcomes WHERE extractor = $1 ORDER BY seq DESC LIMIT 1 OFFSET $2)`,
          [extractor, OUTCOME_WINDOW],
        );
      }
      await addCounts(tx, deltas);
    });
  }

  async addDecisions(decisions: readonly DesignerDecision[], deltas: readonly CounterDelta[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      const at = Date.now();
      for (const decision of decisions) {
        await tx.query('INSERT INTO review_decisions (role, chosen_hex, candidates, decided_at) VALUES ($1, $2, $3, $4)', [decision.role, decision.chosenHex, JSON.stringify(decision.candidates), at]);
      }
      await addCounts(tx, deltas);
    });
  }

  async read(): Promise<MetricsState> {
    const outcomes = new Map<string, StoredOutcome[]>();
    for (const row of await this.db.query('SELECT extractor, tier, status, duration_ms, cost_nano, cached FROM metric_outcomes ORDER BY seq')) {
      const extractor = String(row.extractor);
      const list = outcomes.get(extractor) ?? [];
      list.push({
        extractor,
        tier: toNumber(row.tier) as Tier,
        status: extractorStatusSchema.parse(row.status),
        durationMs: toNumber(row.duration_ms),
        cost: toNumber(row.cost_nano) / NANO,
        cached: toNumber(row.cached) === 1,
      });
      outcomes.set(extractor, list);
    }
    const counters = (await this.db.query('SELECT name, extractor, value FROM metric_counters')).map((row) => ({
      name: String(row.name) as CounterName,
      extractor: String(row.extractor),
      by: toNumber(row.value),
    }));
    return { outcomes, counters };
  }
}

async function addCounts(tx: SqlExecutor, deltas: readonly CounterDelta[]): Promise<void> {
  for (const d of [...deltas].sort((a, b) => (counterKey(a) < counterKey(b) ? -1 : counterKey(a) > counterKey(b) ? 1 : 0))) {
    await tx.query('INSERT INTO metric_counters (name, extractor, value) VALUES ($1, $2, $3) ON CONFLICT (name, extractor) DO UPDATE SET value = metric_counters.value + $3', [d.name, d.extractor, d.by]);
  }
}
