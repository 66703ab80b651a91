// The backend at scale (issue 12): CV-only runs at 1, 50 and 200 at once against the event-loop
// build (CHORUS_WORKERS=0) and the worker pool, in the same run; ledger reserve+settle per second
// on SQLite and PostgreSQL; server memory per run at 200 at once. Prints a Markdown section.
//   npx tsx bench/backend/scale-bench.ts [--levels 1,50,200]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createLedger } from '../../server/budget/ledger.ts';
import { SqlLedgerStore } from '../../server/budget/sql-ledger-store.ts';
import { openPostgresDatabase } from '../../server/db/open-postgres-database.ts';
import { openSqliteDatabase } from '../../server/db/open-sqlite-database.ts';
import type { SqlDatabase } from '../../server/db/sql-database.ts';
import { loadFixtures } from '../../test/fixtures/load-fixtures.ts';
import { startTestPostgres } from '../../test/server/postgres-server.ts';
import { percentile } from '../percentile.ts';
import { loopbackAddress } from './loopback-address.ts';
import { readProcessMemory } from './read-process-memory.ts';
import { openSocket, runOnSocket } from './run-on-socket.ts';
import { startBackendProcess } from './start-backend-process.ts';

const { values: args } = parseArgs({ options: { levels: { type: 'string' } } });
const LEVELS = (args.levels ?? '1,50,200').split(',').map(Number);
const RUN_TIMEOUT_MS = 120_000;
/** Bookings timed per store: enough for a stable rate, a few seconds each. */
const LEDGER_OPS = 500;

const screens = loadFixtures().map((f) => Buffer.from(f.png).toString('base64'));
const NO_PROVIDERS = { OPENAI_API_KEY: '', ANTHROPIC_API_KEY: '', CHORUS_LOCAL_BASE_URL: '' };

interface Burst {
  readonly runs: number;
  readonly seconds: number;
  readonly tier1: readonly number[];
  readonly failed: number;
  readonly peakRssBytes: number | null;
  readonly baseRssBytes: number | null;
}

async function burst(wsUrl: string, pid: number, runs: number): Promise<Burst> {
  const base = readProcessMemory(pid);
  // One client per run (its own loopback address), as many designers would be, under the per-client limits.
  const sockets = await Promise.all(Array.from({ length: runs }, (_, i) => openSocket(wsUrl, loopbackAddress(i), RUN_TIMEOUT_MS)));
  let peak = base?.rssBytes ?? 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, readProcessMemory(pid)?.rssBytes ?? 0);
  }, 20);
  const started = performance.now();
  const results = await Promise.all(
    sockets.map(({ socket }, i) =>
      runOnSocket(socket, { action: 'extract', images: [screens[i % screens.length]!], use_ai: false }, RUN_TIMEOUT_MS).then(
        (events) => (socket.close(), events),
        () => (socket.close(), []),
      ),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const tier1 = results.flatMap((events) => events.filter((e) => e.event.stage === 'tier_1_complete').map((e) => e.atMs));
  const failed = results.filter((events) => events.at(-1)?.event.stage !== 'complete').length;
  return { runs, seconds, tier1, failed, peakRssBytes: base ? peak : null, baseRssBytes: base?.rssBytes ?? null };
}

async function scale(workers: '0' | undefined): Promise<Burst[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'chorus-bench-scale-'));
  const backend = await startBackendProcess({ ...NO_PROVIDERS, ...(workers ? { CHORUS_WORKERS: workers } : {}) }, dir);
  try {
    // Warm-up: the workers load and the code paths compile before anything is timed.
    await burst(backend.wsUrl, backend.script.pid, 4);
    const bursts: Burst[] = [];
    for (const level of LEVELS) bursts.push(await burst(backend.wsUrl, backend.script.pid, level));
    return bursts;
  } finally {
    await backend.script.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

async function ledgerRate(db: SqlDatabase): Promise<number> {
  const ledger = await createLedger({ store: new SqlLedgerStore(db), dailyCapUsd: 1_000_000, heartbeatMs: 0 });
  const started = performance.now();
  for (let i = 0; i < LEDGER_OPS; i++) await ledger.settle((await ledger.reserve(`bench-${i}`, 0.001))!, 0.001);
  const rate = LEDGER_OPS / ((performance.now() - started) / 1000);
  await ledger.stop();
  return rate;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const row = (label: string, b: Burst) =>
  `| ${label} | ${b.runs} | ${(b.runs / b.seconds).toFixed(1)} | ${percentile(b.tier1, 50).toFixed(0)} | ${percentile(b.tier1, 99).toFixed(0)} | ${b.failed} | ${
    b.peakRssBytes !== null && b.baseRssBytes !== null ? `${mb(b.peakRssBytes)} (${((b.peakRssBytes - b.baseRssBytes) / b.runs / 1024 / 1024).toFixed(1)} per run)` : 'n/a'
  } |`;

const eventLoop = await scale('0');
const pool = await scale(undefined);

const dir = await mkdtemp(path.join(tmpdir(), 'chorus-bench-ledger-'));
const sqlite = await openSqliteDatabase(path.join(dir, 'chorus.db'));
const sqliteRate = await ledgerRate(sqlite);
await sqlite.close();
await rm(dir, { recursive: true, force: true });
const postgres = await startTestPostgres();
const pg = await openPostgresDatabase(postgres.url);
const pgRate = await ledgerRate(pg);
await pg.close();
await postgres.stop();

console.log(`### Scale: CV-only runs at once, event loop against the worker pool (${new Date().toISOString().slice(0, 10)})

| build | runs at once | runs/s | tier 1 p50 (ms) | tier 1 p99 (ms) | not complete | server RSS peak, MB |
|---|---|---|---|---|---|---|
${eventLoop.map((b) => row('event loop (CHORUS_WORKERS=0)', b)).join('\n')}
${pool.map((b) => row('worker pool (one per core)', b)).join('\n')}

### Ledger: reserve + settle per second (one process, sequential, each a durable transaction)

| store | per second |
|---|---|
| SQLite (WAL, synchronous=FULL) | ${sqliteRate.toFixed(0)} |
| PostgreSQL (the tests' throwaway local server: fsync off) | ${pgRate.toFixed(0)} |
`);
