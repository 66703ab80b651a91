import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createLedger } from '../budget/ledger.ts';
import { FileLedgerStore } from '../budget/file-ledger-store.ts';
import { createResultCache } from '../cache/result-cache.ts';
import { FileCacheStore } from '../cache/file-cache-store.ts';
import { loadExtractorsFile } from '../config/load-extractors-file.ts';
import { decodeImage } from '../decode/decode-image.ts';
import { createExtractors, type ExtractorEnv } from '../extractors/create-extractors.ts';
import { cachedResultSchema } from '../run/cached-result-schema.ts';
import { prepareRun } from '../run/prepare-run.ts';
import { createRunService } from '../run/run-service.ts';
import { DEFAULT_DAILY_BUDGET_USD } from '../start-server.ts';
import { RunTransportError, type TierRunner } from './tier-runner.ts';

/**
 * The tiers in this process, configured from `env` exactly as `startServer` configures the backend:
 * the extractors file (`CHORUS_EXTRACTORS_CONFIG`) and keys, a durable ledger under the daily cap
 * (`CHORUS_DAILY_BUDGET_USD`) and the result cache, both in `CHORUS_DATA_DIR` (default `./.chorus`).
 * Rejects with a readable Error on a bad setting or an unreadable extractors file.
 */
export async function createLocalRunner(env: ExtractorEnv): Promise<TierRunner> {
  // Mirrors start-server.ts (which builds these inline); keep the two in step.
  const dailyCapUsd = Number(env.CHORUS_DAILY_BUDGET_USD ?? DEFAULT_DAILY_BUDGET_USD);
  if (!Number.isFinite(dailyCapUsd) || dailyCapUsd < 0) throw new Error(`CHORUS_DAILY_BUDGET_USD must be a number of dollars ≥ 0, got "${env.CHORUS_DAILY_BUDGET_USD}".`);
  const dataDirectory = path.resolve(env.CHORUS_DATA_DIR ?? '.chorus');
  await mkdir(dataDirectory, { recursive: true });

  const extractors = createExtractors(loadExtractorsFile(env.CHORUS_EXTRACTORS_CONFIG ?? undefined), env);
  const ledgerStore = new FileLedgerStore(dataDirectory);
  const ledger = await createLedger({ store: ledgerStore, dailyCapUsd });
  const cache = createResultCache({ store: new FileCacheStore({ dataDirectory }), schema: cachedResultSchema });
  const runs = createRunService({ extractors, ledger, cache, decodeImage });

  return {
    async run(image, request, onEvent, signal) {
      // What `runs.prepare` does, with the pixels the CLI already decoded (and timed) instead of a second decode.
      const prepared = await prepareRun(request, runs.extractors, () => Promise.resolve(image.rgba));
      try {
        await runs.run(prepared, request, onEvent, signal);
      } catch (error) {
        // The run reports its extractors' failures as events; what escapes is the ledger or cache failing.
        throw new RunTransportError('FAILED', error instanceof Error ? error.message : String(error), { cause: error });
      }
    },
    close: () => ledgerStore.close(),
  };
}
