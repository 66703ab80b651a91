import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../core/protocol/run-event.ts';
import { startTestPostgres, type TestPostgres } from '../../test/server/postgres-server.ts';
import { openPostgresDatabase } from '../db/open-postgres-database.ts';
import { openSqliteDatabase } from '../db/open-sqlite-database.ts';
import type { SqlDatabase } from '../db/sql-database.ts';
import { OUTCOME_WINDOW, type StoredOutcome } from './metrics-store.ts';
import { createRunMetrics } from './run-metrics.ts';
import { SqlMetricsStore } from './sql-metrics-store.ts';

const base = { v: 1 as const, seq: 0, total_cost: 0 };
/** One run: openai answered for a cost, Claude timed out, and the consensus kept openai's primary. */
function runEvents(runId: string): RunEvent[] {
  return [
    { ...base, run_id: runId, stage: 'extractor_done', extractor: 'openai', tier: 3, status: 'done', duration_ms: 1200, cost: 0.00123, cached: false, votes: [{ extractor: 'openai', weight: 1, hex: '#0d6efd', role: 'primary', measured: false }] },
    { ...base, run_id: runId, stage: 'extractor_done', extractor: 'anthropic', tier: 3, status: 'timeout', duration_ms: 45_000, cost: 0, cached: false, votes: [] },
    { ...base, run_id: runId, stage: 'complete', tokens: { primary: { hex: '#0d6efd', agreement: 1, confidence: 0.9, conflict: false, candidates: [] } }, confidence: 0.9, duration_ms: 45_100 },
  ];
}
const decision = { role: 'primary', chosenHex: '#0d6efd', candidates: [{ hex: '#0d6efd', extractors: ['openai'] }, { hex: '#ff0000', extractors: ['anthropic'] }] };

let dir: string;
let postgres: TestPostgres | undefined;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chorus-metrics-'));
  postgres = await startTestPostgres();
}, 60_000);
afterAll(async () => {
  await postgres?.stop();
  await rm(dir, { recursive: true, force: true });
});

const DATABASES: Record<string, () => Promise<SqlDatabase>> = {
  SQLite: () => openSqliteDatabase(join(dir, 'chorus.db')),
  PostgreSQL: () => openPostgresDatabase(postgres!.url),
};

describe.each(Object.keys(DATABASES))('the dashboard’s figures in %s', (kind) => {
  const open = DATABASES[kind]!;

  it('outlive a restart: outcomes, spend, agreement and the designers’ decisions', async () => {
    const before = await open();
    const metrics = createRunMetrics({ store: new SqlMetricsStore(before) });
    for (const e of runEvents(`${kind}-1`)) metrics.observe(e);
    await metrics.recordDecisions([decision]);
    const seen = await metrics.snapshot();
    await before.close();

    const after = await open();
    try {
      const restarted = await createRunMetrics({ store: new SqlMetricsStore(after) }).snapshot();
      expect(restarted).toEqual(seen);
      expect(restarted).toMatchObject({ runs: 1, decisions: 1 });
      const byId = Object.fromEntries(restarted.extractors.map((e) => [e.id, e]));
      expect(byId.openai).toMatchObject({ runs: 1, agreementWithConsensus: 1, agreementWithDesigners: 1, latencyMs: { p50: 1200 } });
      expect(byId.openai!.cost).toBeCloseTo(0.00123, 9);
      expect(byId.anthropic).toMatchObject({ timeoutRate: 1, agreementWithDesigners: 0 });
      const rows = await after.query('SELECT role, chosen_hex, candidates FROM review_decisions');
      expect(rows).toHaveLength(1);
      expect(JSON.parse(String(rows[0]!.candidates))).toEqual(decision.candidates);
    } finally {
      await after.query('DELETE FROM metric_outcomes');
      await after.query('DELETE FROM metric_counters');
      await after.query('DELETE FROM review_decisions');
      await after.close();
    }
  });

  it('add up across instances sharing the database, never overwrite each other', async () => {
    const [a, b] = [await open(), await open()];
    try {
      const [ma, mb] = [createRunMetrics({ store: new SqlMetricsStore(a) }), createRunMetrics({ store: new SqlMetricsStore(b) })];
      await Promise.all([ma, mb].flatMap((m, i) => Array.from({ length: 5 }, (_, j) => m.recordDecisions([decision]).then(() => runEvents(`${kind}-${i}-${j}`).forEach((e) => m.observe(e))))));
      // Each instance's snapshot waits for its own writes; once both have, both read the same figures.
      await Promise.all([ma.snapshot(), mb.snapshot()]);
      const [sa, sb] = [await ma.snapshot(), await mb.snapshot()];
      expect(sa).toEqual(sb);
      expect(sa).toMatchObject({ runs: 10, decisions: 10 });
      expect(sa.extractors.find((e) => e.id === 'openai')).toMatchObject({ runs: 10, agreementWithConsensus: 1 });
    } finally {
      await a.query('DELETE FROM metric_outcomes');
      await a.query('DELETE FROM metric_counters');
      await Promise.all([a.close(), b.close()]);
    }
  });

  it(`keep the newest ${OUTCOME_WINDOW} outcomes of each extractor`, async () => {
    const db = await open();
    try {
      const store = new SqlMetricsStore(db);
      const outcome = (i: number, extractor = 'openai'): StoredOutcome => ({ extractor, tier: 3, status: 'done', durationMs: i, cost: 0, cached: false });
      await store.addRun([outcome(1, 'anthropic'), ...Array.from({ length: OUTCOME_WINDOW + 5 }, (_, i) => outcome(i + 1))], []);
      const { outcomes } = await store.read();
      expect(outcomes.get('openai')).toHaveLength(OUTCOME_WINDOW);
      expect(outcomes.get('openai')![0]!.durationMs).toBe(6);
      expect(outcomes.get('anthropic')).toHaveLength(1);
    } finally {
      await db.query('DELETE FROM metric_outcomes');
      await db.close();
    }
  }, 60_000);
});
