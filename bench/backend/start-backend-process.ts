import type { ExtractorEnv } from '../../server/extractors/create-extractors.ts';
import { startNodeScript, type NodeScript } from './start-node-script.ts';

/** The entry `npm start` runs, started the same way the process test does. */
const SERVER_ENTRY = 'server/main.ts';
const START_TIMEOUT_MS = 30_000;
/** main.ts prints where it listens, then the extractors, then this summary line last. */
const READY = /listening on http:\/\/localhost:(\d+)[\s\S]*Live extractors: (.*)\n/;
/** Variables of this shell that would change the backend under test (a real key, another config or data dir). */
const INHERITED_SETTINGS = /^(CHORUS_|OPENAI_|ANTHROPIC_)/;
/**
 * The daily cap for the benchmark's server, USD: far above what hundreds of runs book against
 * the fakes, so no paid tier is skipped as DAILY_CAP (the default cap is $5).
 */
const BENCH_DAILY_BUDGET_USD = 1_000;

export interface BackendProcess {
  /** `ws://127.0.0.1:PORT/api/v1/extract/progressive`. */
  readonly wsUrl: string;
  /** The extractors main.ts reports live, e.g. `flat-regions (tier 1), …`. */
  readonly liveExtractors: string;
  readonly script: NodeScript;
}

/**
 * Starts the real backend (`node --import tsx server/main.ts`) on 127.0.0.1 and an ephemeral port,
 * with its data in `dataDirectory` and its providers from `providerEnv`; resolves once it has said
 * where it listens and which extractors are live.
 */
export async function startBackendProcess(providerEnv: ExtractorEnv, dataDirectory: string): Promise<BackendProcess> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !INHERITED_SETTINGS.test(key)));
  const env = {
    ...inherited,
    ...providerEnv,
    PORT: '0',
    HOST: '127.0.0.1',
    CHORUS_DATA_DIR: dataDirectory,
    CHORUS_DAILY_BUDGET_USD: String(BENCH_DAILY_BUDGET_USD),
  };
  const { script, match } = await startNodeScript(SERVER_ENTRY, env, READY, START_TIMEOUT_MS);
  return { wsUrl: `ws://127.0.0.1:${match[1]!}/api/v1/extract/progressive`, liveExtractors: match[2]!.trim(), script };
}
