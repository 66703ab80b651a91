import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createLedger, DEFAULT_STALE_AFTER_MS } from '../budget/ledger.ts';
import { importFileLedger } from '../budget/import-file-ledger.ts';
import { SqlLedgerStore } from '../budget/sql-ledger-store.ts';
import { createResultCache } from '../cache/result-cache.ts';
import { SqlCacheStore } from '../cache/sql-cache-store.ts';
import { openPostgresDatabase } from '../db/open-postgres-database.ts';
import { openSqliteDatabase, SQLITE_FILE_NAME } from '../db/open-sqlite-database.ts';
import { loadExtractorsFile } from '../config/load-extractors-file.ts';
import { decodeImage } from '../decode/decode-image.ts';
import { createExtractors, type ExtractorEnv } from '../extractors/create-extractors.ts';
import { createRunMetrics } from '../metrics/run-metrics.ts';
import { LIMITS } from '../security/limits.ts';
import { SqlMetricsStore } from '../metrics/sql-metrics-store.ts';
import { cachedResultSchema } from './cached-result-schema.ts';
import { createCpuPool } from './cpu-pool.ts';
import { createRunService, type RunService } from './run-service.ts';

/** The spend cap per UTC day when CHORUS_DAILY_BUDGET_USD is not set: a careful default for a designer's own server. */
export const DEFAULT_DAILY_BUDGET_USD = 5;

/**
 * The run service as the backend and the CLI both build it from the environment: the extractors
 * file (`CHORUS_EXTRACTORS_CONFIG`) and keys, the ledger under the daily cap
 * (`CHORUS_DAILY_BUDGET_USD`) and the result cache, both in one database: PostgreSQL at
 * `CHORUS_DATABASE_URL` when set, else SQLite in `CHORUS_DATA_DIR` (default `./.chorus`). A file
 * ledger from an earlier version there is moved into the database first.
 * Rejects with a readable Error on a bad setting, an unreadable extractors file, or a damaged or
 * unreachable database.
 */
export async function createRunServiceFromEnv(env: ExtractorEnv): Promise<{ runs: RunService; workersReady: Promise<void>; close: () => Promise<void> }> {
  const dailyCapUsd = Number(env.CHORUS_DAILY_BUDGET_USD ?? DEFAULT_DAILY_BUDGET_USD);
  if (!Number.isFinite(dailyCapUsd) || dailyCapUsd < 0) throw new Error(`CHORUS_DAILY_BUDGET_USD must be a number of dollars ≥ 0, got "${env.CHORUS_DAILY_BUDGET_USD}".`);
  const dataDirectory = path.resolve(env.CHORUS_DATA_DIR ?? '.chorus');
  await mkdir(dataDirectory, { recursive: true });
  const extractors = createExtractors(loadExtractorsFile(env.CHORUS_EXTRACTORS_CONFIG ?? undefined), env);
  const staleAfterMs = Number(env.CHORUS_LEDGER_STALE_AFTER_MS ?? DEFAULT_STALE_AFTER_MS);
  if (!Number.isSafeInteger(staleAfterMs) || staleAfterMs < 1_000) throw new Error(`CHORUS_LEDGER_STALE_AFTER_MS must be a whole number of milliseconds ≥ 1000, got "${env.CHORUS_LEDGER_STALE_AFTER_MS}".`);
  // CHORUS_WORKERS=0 decodes and runs CV on the event loop (the build before the pool; the bench compares both).
  const workers = env.CHORUS_WORKERS === undefined || env.CHORUS_WORKERS.trim() === '' ? undefined : Number(env.CHORUS_WORKERS);
  if (workers !== undefined && (!Number.isSafeInteger(workers) || workers < 0)) throw new Error(`CHORUS_WORKERS must be a whole number of threads ≥ 0, got "${env.CHORUS_WORKERS}".`);
  const pixelsInFlight = env.CHORUS_MAX_PIXELS_IN_FLIGHT === undefined || env.CHORUS_MAX_PIXELS_IN_FLIGHT.trim() === '' ? LIMITS.maxPixelsInFlight : Number(env.CHORUS_MAX_PIXELS_IN_FLIGHT);
  if (!Number.isSafeInteger(pixelsInFlight) || pixelsInFlight < LIMITS.maxPixelsPerRequest) {
    throw new Error(`CHORUS_MAX_PIXELS_IN_FLIGHT must be a whole number of pixels ≥ ${LIMITS.maxPixelsPerRequest} (one request's most), got "${env.CHORUS_MAX_PIXELS_IN_FLIGHT}".`);
  }
  const databaseUrl = env.CHORUS_DATABASE_URL?.trim();
  const db = databaseUrl ? await openPostgresDatabase(databaseUrl) : await openSqliteDatabase(path.join(dataDirectory, SQLITE_FILE_NAME));
  try {
    await importFileLedger(dataDirectory, db);
    const ledger = await createLedger({ store: new SqlLedgerStore(db), dailyCapUsd, staleAfterMs });
    const cache = createResultCache({ store: new SqlCacheStore(db), schema: cachedResultSchema });
    const pool = workers === 0 ? undefined : createCpuPool({ ...(workers ? { size: workers } : {}), extractorsConfig: env.CHORUS_EXTRACTORS_CONFIG ?? undefined });
    return {
      runs: createRunService({
        extractors: pool ? pool.offload(extractors) : extractors,
        ledger,
        cache,
        decodeImage: pool ? pool.decode : decodeImage,
        metrics: createRunMetrics({ store: new SqlMetricsStore(db) }),
        limits: { ...LIMITS, maxPixelsInFlight: pixelsInFlight },
        ...(pool ? { cpu: pool } : {}),
      }),
      workersReady: pool ? pool.allReady : Promise.resolve(),
      close: async () => {
        await ledger.stop();
        await db.close();
        await pool?.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
