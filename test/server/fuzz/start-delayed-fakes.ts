import type { FakeBehaviour } from '../../fakes/providers/fake-provider.ts';
import { startFakeProviders, truthAnswer, type FakeProviders } from '../test-backend.ts';
import { createFuzzRandom } from './fuzz-random.ts';

export interface DelayOptions {
  /** Shortest and longest answer delay, ms (drawn uniformly per request from the seed). */
  readonly minMs: number;
  readonly maxMs: number;
  /** Answers scripted per fake; past them every answer takes the midpoint delay. */
  readonly scripted: number;
}

/**
 * The three fake providers, answering as a good model would for `fixture`, each answer after a
 * seeded delay between `minMs` and `maxMs`: a provider's latency, so runs overlap as they would
 * with real calls. Same environment shape as `startFakeProviders`.
 */
export async function startDelayedFakes(seed: number, delays: DelayOptions, fixture = 'login-dracula'): Promise<FakeProviders> {
  const reply = truthAnswer(fixture);
  const r = createFuzzRandom(seed);
  const fakes = await startFakeProviders(fixture, Math.round((delays.minMs + delays.maxMs) / 2));
  for (const fake of [fakes.openai, fakes.anthropic, fakes.local]) {
    fake.script(...Array.from({ length: delays.scripted }, (): FakeBehaviour => ({ reply, delayMs: r.int(delays.minMs, delays.maxMs) })));
  }
  return fakes;
}
