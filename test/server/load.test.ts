import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLedger } from '../../server/budget/ledger.ts';
import { SqlLedgerStore } from '../../server/budget/sql-ledger-store.ts';
import { createResultCache } from '../../server/cache/result-cache.ts';
import { SqlCacheStore } from '../../server/cache/sql-cache-store.ts';
import { openSqliteDatabase } from '../../server/db/open-sqlite-database.ts';
import { loadExtractorsFile } from '../../server/config/load-extractors-file.ts';
import { decodeImage } from '../../server/decode/decode-image.ts';
import { createExtractors } from '../../server/extractors/create-extractors.ts';
import { cachedResultSchema } from '../../server/run/cached-result-schema.ts';
import { createRunService } from '../../server/run/run-service.ts';
import { LIMITS } from '../../server/security/limits.ts';
import { startServer } from '../../server/start-server.ts';
import { fuzzSeed } from './fuzz/fuzz-seed.ts';
import { startHangWatchdog, type HangWatchdog } from './fuzz/hang-watchdog.ts';
import { perturbedScreens, type PerturbedScreen } from './fuzz/perturbed-screens.ts';
import { formatLoadSummary, runConcurrently, summariseLoad, type LoadRun } from './fuzz/run-concurrently.ts';
import { serveRunService } from './fuzz/serve-run-service.ts';
import { startDelayedFakes } from './fuzz/start-delayed-fakes.ts';
import type { FakeProviders } from './test-backend.ts';

/** Runs started at once, each on its own WebSocket from 127.0.0.1. */
const RUNS = 100;
/** Longest any one run may take before it counts as hung; the whole batch is bounded by it too. */
const RUN_TIMEOUT_MS = 60_000;
/**
 * The daily cap, USD: a handful of runs' paid calls. Each run reserves the estimates of four
 * paid calls (about $0.05 on a 1440 × 900 screen, most of it Sonnet and Gemini's output cap) and is billed far less by the
 * fakes, so with 100 runs at once the cap turns many calls away with DAILY_CAP.
 */
const DAILY_CAP_USD = 0.1;
/** The 1.2–1.3 MP fixture screens (dashboard-nord, at 4 MP, is left out to keep 100 in flight within the pixel budget). */
const SCREENS = [
  'dashboard-tailwind-indigo', 'dashboard-primer-dark', 'dashboard-carbon-g100', 'mobile-m3-light', 'mobile-airbnb', 'mobile-discord', 'mobile-tailwind-warm',
  'pricing-stripe', 'pricing-bootstrap5', 'pricing-m3-dark', 'login-atlassian', 'login-primer-light', 'login-dracula', 'login-tailwind-indigo',
  'shop-airbnb', 'shop-tailwind-warm', 'shop-bootstrap5',
];
/** Longest the event loop may be blocked (the server is in-process) before the watchdog ends the test process: far above any one run's work. */
const STALL_MS = 30_000;
/** Codes a run may be refused with before it starts: a client's limits, or the server's pixel budget. */
const REFUSALS = ['refused TOO_MANY_RUNS', 'refused RATE_LIMITED', 'refused SERVER_BUSY'];

const seed = fuzzSeed();

/** Problems over all runs: hangs, protocol faults, and any end that is neither `complete` nor an allowed refusal. */
function loadProblems(runs: readonly LoadRun[], allowed: readonly string[]): string[] {
  return runs.flatMap((run) => [
    ...run.problems.map((p) => `run ${run.index}: ${p}`),
    ...(run.outcome === 'complete' || allowed.includes(run.outcome) ? [] : [`run ${run.index} ended ${run.outcome}`]),
  ]);
}

describe(`${RUNS} concurrent WebSocket runs with every tier (fakes answering in 20–100 ms)`, () => {
  let fakes: FakeProviders;
  let screens: PerturbedScreen[];
  let watchdog: HangWatchdog;
  const dirs: string[] = [];
  const tempDir = async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'chorus-load-'));
    dirs.push(dir);
    return dir;
  };
  const requests = () => screens.map((s) => ({ action: 'extract', images: [s.base64], paid: 'always' }));

  beforeAll(async () => {
    watchdog = startHangWatchdog(`load watchdog (CHORUS_FUZZ_SEED=${seed})`, STALL_MS);
    watchdog.describe(`${RUNS} concurrent runs`);
    fakes = await startDelayedFakes(seed, { minMs: 20, maxMs: 100, scripted: 2 * RUNS * 4 });
    screens = perturbedScreens(SCREENS, RUNS, seed);
  });
  afterAll(async () => {
    await watchdog?.stop();
    await fakes?.close();
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('with the shipped limits, admits what one client may run and refuses the rest cleanly, within the daily cap', async () => {
    const server = await startServer({ ...fakes.env, PORT: '0', HOST: '127.0.0.1', CHORUS_DATA_DIR: await tempDir(), CHORUS_DAILY_BUDGET_USD: String(DAILY_CAP_USD) }, 'load');
    try {
      const started = performance.now();
      const runs = await runConcurrently(`${server.url.replace('http', 'ws')}/api/v1/extract/progressive`, requests(), RUN_TIMEOUT_MS);
      const summary = summariseLoad(runs);
      console.log(formatLoadSummary(`shipped limits, one client (CHORUS_FUZZ_SEED=${seed})`, runs, summary, performance.now() - started));

      expect(loadProblems(runs, REFUSALS), `CHORUS_FUZZ_SEED=${seed}`).toEqual([]);
      // The first concurrentRunsPerClient are admitted before any can finish; the rest meet the limit.
      expect(summary.outcomes.get('complete') ?? 0).toBeGreaterThanOrEqual(LIMITS.concurrentRunsPerClient);
      expect(summary.outcomes.get('refused TOO_MANY_RUNS') ?? 0).toBeGreaterThan(0);

      const health = (await (await fetch(`${server.url}/api/v1/health`)).json()) as { budget: { daily_cap_usd: number; spent_today_usd: number; remaining_today_usd: number } };
      expect(health.budget.spent_today_usd).toBeLessThanOrEqual(DAILY_CAP_USD);
      // remaining = cap − spent − reserved: with nothing running, nothing may still be reserved.
      expect(health.budget.daily_cap_usd - health.budget.spent_today_usd - health.budget.remaining_today_usd).toBeCloseTo(0, 9);
    } finally {
      await server.close();
    }
  }, 2 * RUN_TIMEOUT_MS);

  it('with limits that admit them all, completes every run with contiguous events, never passes the daily cap and leaves nothing reserved', async () => {
    const dataDirectory = await tempDir();
    const db = await openSqliteDatabase(path.join(dataDirectory, 'chorus.db'));
    const ledger = await createLedger({ store: new SqlLedgerStore(db), dailyCapUsd: DAILY_CAP_USD });
    const runs = createRunService({
      extractors: createExtractors(loadExtractorsFile(), fakes.env),
      ledger,
      cache: createResultCache({ store: new SqlCacheStore(db), schema: cachedResultSchema }),
      decodeImage,
      // One client may run all of them at once; the pixel budget stays as shipped (100 screens ≈ 130 MP of 200).
      limits: { ...LIMITS, concurrentRunsPerClient: RUNS, runsPerMinutePerClient: 10 * RUNS },
    });
    const served = await serveRunService(runs, 'load');
    try {
      const started = performance.now();
      const results = await runConcurrently(`${served.url.replace('http', 'ws')}/api/v1/extract/progressive`, requests(), RUN_TIMEOUT_MS);
      const summary = summariseLoad(results);
      console.log(formatLoadSummary(`limits raised (CHORUS_FUZZ_SEED=${seed})`, results, summary, performance.now() - started));
      console.log(`  ledger: spent $${ledger.spentToday().toFixed(6)} of a $${DAILY_CAP_USD} cap, reserved $${ledger.reservedToday()}; runs reported $${summary.reportedCostUsd.toFixed(6)}`);

      expect(loadProblems(results, []), `CHORUS_FUZZ_SEED=${seed}`).toEqual([]);
      expect(summary.outcomes.get('complete')).toBe(RUNS);
      // The cap was reached (so the check below means something), and held.
      expect(summary.extractorStatuses.get('skipped DAILY_CAP') ?? 0).toBeGreaterThan(0);
      expect(ledger.spentToday()).toBeLessThanOrEqual(DAILY_CAP_USD);
      expect(ledger.reservedToday()).toBe(0);
      // What the runs told their clients they spent is what the ledger booked (each run's total is rounded to 1e-6).
      expect(Math.abs(summary.reportedCostUsd - ledger.spentToday())).toBeLessThan(RUNS * 1e-6);
    } finally {
      await served.close();
      await ledger.stop();
      await db.close();
    }
  }, 2 * RUN_TIMEOUT_MS);
});
