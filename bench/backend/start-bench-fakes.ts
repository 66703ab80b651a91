import type { ExtractorEnv } from '../../server/extractors/create-extractors.ts';
import { startFakeProviders } from '../../test/server/test-backend.ts';

/**
 * The fixture every fake answers with, whatever the image: its truth palette. The answer only
 * has to be a valid one of realistic size; which screen it describes does not change the work.
 */
export const FAKE_ANSWER_FIXTURE = 'login-dracula';

export interface BenchFakes {
  /** The provider variables that point the backend's real SDKs at the fakes. */
  readonly env: ExtractorEnv;
  close(): Promise<void>;
}

/**
 * OpenAI, Anthropic and a local OpenAI-compatible model on 127.0.0.1, as `startFakeProviders()` in
 * test/server/test-backend.ts starts them, except that every model answer waits `delayMs` first.
 */
export async function startBenchFakes(delayMs: number): Promise<BenchFakes> {
  return startFakeProviders(FAKE_ANSWER_FIXTURE, delayMs);
}
