import { prepareRun } from '../run/prepare-run.ts';
import { createRunServiceFromEnv } from '../run/create-run-service-from-env.ts';
import type { ExtractorEnv } from '../extractors/create-extractors.ts';
import { RunTransportError, type TierRunner } from './tier-runner.ts';

/**
 * The tiers in this process, configured from `env` exactly as `startServer` configures the backend:
 * the extractors file (`CHORUS_EXTRACTORS_CONFIG`) and keys, a durable ledger under the daily cap
 * (`CHORUS_DAILY_BUDGET_USD`) and the result cache, both in `CHORUS_DATA_DIR` (default `./.chorus`).
 * Rejects with a readable Error on a bad setting or an unreadable extractors file.
 */
export async function createLocalRunner(env: ExtractorEnv): Promise<TierRunner> {
  const { runs, close } = await createRunServiceFromEnv(env);
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
    close,
  };
}
