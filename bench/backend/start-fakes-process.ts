import { z } from 'zod';
import type { ExtractorEnv } from '../../server/extractors/create-extractors.ts';
import { startNodeScript, type NodeScript } from './start-node-script.ts';

/** Starting tsx and three HTTP servers takes about a second; a loaded 2-core machine gets room. */
const START_TIMEOUT_MS = 30_000;
const READY = /fake providers ready (\{.*\})\n/;
const envSchema = z.record(z.string(), z.string());

export interface FakesProcess {
  readonly env: ExtractorEnv;
  readonly script: NodeScript;
}

/** Starts bench/backend/fake-providers-main.ts, every model answer delayed `delayMs`, and reads the provider env it prints. */
export async function startFakesProcess(delayMs: number): Promise<FakesProcess> {
  const { script, match } = await startNodeScript(
    'bench/backend/fake-providers-main.ts',
    { ...process.env, CHORUS_BENCH_FAKE_DELAY_MS: String(delayMs) },
    READY,
    START_TIMEOUT_MS,
  );
  try {
    return { env: envSchema.parse(JSON.parse(match[1]!)), script };
  } catch (error) {
    await script.stop();
    throw error;
  }
}
