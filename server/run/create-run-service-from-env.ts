import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createLedger } from '../budget/ledger.ts';
import { FileLedgerStore } from '../budget/file-ledger-store.ts';
import { createResultCache } from '../cache/result-cache.ts';
import { FileCacheStore } from '../cache/file-cache-store.ts';
import { loadExtractorsFile } from '../config/load-extractors-file.ts';
import { decodeImage } from '../decode/decode-image.ts';
import { createExtractors, type ExtractorEnv } from '../extractors/create-extractors.ts';
import { cachedResultSchema } from './cached-result-schema.ts';
import { createRunService, type RunService } from './run-service.ts';

/** The spend cap per UTC day when CHORUS_DAILY_BUDGET_USD is not set: a careful default for a designer's own server. */
export const DEFAULT_DAILY_BUDGET_USD = 5;

/**
 * The run service as the backend and the CLI both build it from the environment: the extractors
 * file (`CHORUS_EXTRACTORS_CONFIG`) and keys, a durable ledger under the daily cap
 * (`CHORUS_DAILY_BUDGET_USD`), and the result cache, both in `CHORUS_DATA_DIR` (default `./.chorus`).
 * Rejects with a readable Error on a bad setting or an unreadable extractors file.
 */
export async function createRunServiceFromEnv(env: ExtractorEnv): Promise<{ runs: RunService; close: () => Promise<void> }> {
  const dailyCapUsd = Number(env.CHORUS_DAILY_BUDGET_USD ?? DEFAULT_DAILY_BUDGET_USD);
  if (!Number.isFinite(dailyCapUsd) || dailyCapUsd < 0) throw new Error(`CHORUS_DAILY_BUDGET_USD must be a number of dollars ≥ 0, got "${env.CHORUS_DAILY_BUDGET_USD}".`);
  const dataDirectory = path.resolve(env.CHORUS_DATA_DIR ?? '.chorus');
  await mkdir(dataDirectory, { recursive: true });
  const extractors = createExtractors(loadExtractorsFile(env.CHORUS_EXTRACTORS_CONFIG ?? undefined), env);
  const ledgerStore = new FileLedgerStore(dataDirectory);
  const ledger = await createLedger({ store: ledgerStore, dailyCapUsd });
  const cache = createResultCache({ store: new FileCacheStore({ dataDirectory }), schema: cachedResultSchema });
  return { runs: createRunService({ extractors, ledger, cache, decodeImage }), close: () => ledgerStore.close() };
}
