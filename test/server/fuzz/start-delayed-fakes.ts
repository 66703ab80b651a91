import { startFakeAnthropic } from '../../fakes/providers/fake-anthropic.ts';
import type { FakeBehaviour } from '../../fakes/providers/fake-provider.ts';
import { startFakeOpenAI } from '../../fakes/providers/fake-openai.ts';
import { truthAnswer, type FakeProviders } from '../test-backend.ts';
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
  const defaultBehaviour: FakeBehaviour = { reply, delayMs: Math.round((delays.minMs + delays.maxMs) / 2) };
  const [openai, anthropic, local] = await Promise.all([startFakeOpenAI({ defaultBehaviour }), startFakeAnthropic({ defaultBehaviour }), startFakeOpenAI({ defaultBehaviour })]);
  for (const fake of [openai, anthropic, local]) {
    fake.script(...Array.from({ length: delays.scripted }, (): FakeBehaviour => ({ reply, delayMs: r.int(delays.minMs, delays.maxMs) })));
  }
  return {
    openai,
    anthropic,
    local,
    env: {
      OPENAI_API_KEY: 'sk-test-openai',
      OPENAI_BASE_URL: `${openai.url}/v1`,
      ANTHROPIC_API_KEY: 'sk-ant-test',
      ANTHROPIC_BASE_URL: anthropic.url,
      CHORUS_LOCAL_BASE_URL: `${local.url}/v1`,
    },
    close: async () => {
      await Promise.all([openai.close(), anthropic.close(), local.close()]);
    },
  };
}
