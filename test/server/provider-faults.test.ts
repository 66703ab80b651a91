import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunEvent } from '../../core/protocol/run-event.ts';
import type { ExtractorsFile } from '../../server/config/extractor-config.ts';
import type { FakeBehaviour } from '../fakes/providers/fake-provider.ts';
import { configWithTimeouts, createTestRunService, extractRequest, fixtureBase64, startFakeProviders, truthAnswer, type FakeProviders } from './test-backend.ts';

type Done = Extract<RunEvent, { stage: 'extractor_done' }>;

/** Tier 1 plus the two hosted tier-3 models: each fault is injected into one of them. */
function hostedOnly(timeoutMs: number): ExtractorsFile {
  const all = configWithTimeouts(timeoutMs);
  return { ...all, extractors: all.extractors.filter((e) => e.tier === 1 || e.id === 'openai' || e.id === 'anthropic') };
}

describe('provider faults end as clear statuses; the run completes; only what was billed is booked', () => {
  let fakes: FakeProviders;
  beforeAll(async () => {
    fakes = await startFakeProviders();
  });
  afterAll(() => fakes.close());

  async function runWith(openai: FakeBehaviour, anthropic: FakeBehaviour, timeoutMs = 1_500) {
    fakes.openai.script(openai);
    fakes.anthropic.script(anthropic);
    const { runs, ledger } = await createTestRunService({ env: fakes.env, config: hostedOnly(timeoutMs) });
    const request = extractRequest({ images: [fixtureBase64()], paid: 'always' });
    const events: RunEvent[] = [];
    const result = await runs.run(await runs.prepare(request, 'test'), request, (e) => events.push(e), new AbortController().signal);
    const done = (id: string) => events.find((e): e is Done => e.stage === 'extractor_done' && e.extractor === id)!;
    const billed = events.filter((e): e is Done => e.stage === 'extractor_done').reduce((sum, e) => sum + e.cost, 0);
    return { result, events, done, ledger, billed };
  }

  const ok: FakeBehaviour = { reply: truthAnswer('login-dracula') };

  it('a connection reset is a provider error', async () => {
    // The SDK retries a reset twice; all three attempts are reset.
    fakes.openai.script({ reset: true }, { reset: true });
    // Three attempts and two backoffs (up to 0.5 s and 1 s): a total timeout with room for them.
    const { result, done, ledger, billed } = await runWith({ reset: true }, ok, 3_000);
    expect(done('openai')).toMatchObject({ status: 'failed', code: 'PROVIDER_ERROR', cost: 0 });
    expect(done('anthropic').status).toBe('done');
    expect(result.status).toBe('complete');
    expect(ledger.spentToday()).toBeCloseTo(billed, 9);
    expect(ledger.reservedToday()).toBe(0);
  });

  it('a stream that stalls after its headers times out', async () => {
    const { result, done, ledger } = await runWith(ok, { stallAfterHeaders: true }, 800);
    expect(done('anthropic')).toMatchObject({ status: 'timeout', code: 'TIMEOUT' });
    expect(result.status).toBe('complete');
    expect(ledger.reservedToday()).toBe(0);
  });

  it('a truncated answer (the output cap) is invalid output, and what it cost is booked', async () => {
    const { done, ledger, billed } = await runWith({ reply: truthAnswer('login-dracula'), finish: 'length' }, { reply: truthAnswer('login-dracula'), finish: 'max_tokens' });
    expect(done('openai')).toMatchObject({ status: 'failed', code: 'INVALID_OUTPUT', reason: expect.stringMatching(/cut off/) });
    expect(done('anthropic')).toMatchObject({ status: 'failed', code: 'INVALID_OUTPUT', reason: expect.stringMatching(/cut off/) });
    expect(done('openai').cost).toBeGreaterThan(0);
    expect(ledger.spentToday()).toBeCloseTo(billed, 9);
  });

  it('a refusal is REFUSED', async () => {
    const { result, done } = await runWith({ reply: truthAnswer('login-dracula'), finish: 'refusal' }, { reply: truthAnswer('login-dracula'), finish: 'refusal' });
    expect(done('openai')).toMatchObject({ status: 'failed', code: 'REFUSED' });
    expect(done('anthropic')).toMatchObject({ status: 'failed', code: 'REFUSED' });
    expect(result.status).toBe('complete');
  });

  it('a 429 with retry-after is retried after the wait, and succeeds', async () => {
    const { done } = await runWith({ status: 429, retryAfter: 0.2 }, ok);
    expect(done('openai')).toMatchObject({ status: 'done' });
    expect(done('openai').duration_ms).toBeGreaterThanOrEqual(190);
  });

  it('an overloaded Anthropic (529) is retried, then reported', async () => {
    fakes.anthropic.script({ status: 529 }, { status: 529 });
    const { done } = await runWith(ok, { status: 529 });
    expect(done('anthropic')).toMatchObject({ status: 'failed', code: 'PROVIDER_ERROR', reason: expect.stringMatching(/529/) });
  });

  it('a refused key (401) says to check the key, is not retried, and never shows the key', async () => {
    const before = fakes.openai.requests.length;
    const logged: string[] = [];
    const spies = (['log', 'warn', 'error', 'info'] as const).map((level) => vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' '))));
    try {
      const { done, events } = await runWith({ status: 401 }, ok);
      expect(done('openai')).toMatchObject({ status: 'failed', code: 'PROVIDER_ERROR', reason: expect.stringMatching(/key/) });
      expect(fakes.openai.requests.length - before).toBe(1);
      for (const key of [fakes.env.OPENAI_API_KEY!, fakes.env.ANTHROPIC_API_KEY!]) {
        expect(JSON.stringify(events)).not.toContain(key);
        expect(logged.join('\n')).not.toContain(key);
      }
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it('schema-invalid JSON and JSON that is not an answer at all are INVALID_OUTPUT', async () => {
    const { done } = await runWith({ reply: { colors: [] } }, { rawContent: 'Sure! Here are the colours: #282a36, #bd93f9' });
    expect(done('openai')).toMatchObject({ status: 'failed', code: 'INVALID_OUTPUT' });
    expect(done('anthropic')).toMatchObject({ status: 'failed', code: 'INVALID_OUTPUT', reason: expect.stringMatching(/not JSON/) });
  });
});
