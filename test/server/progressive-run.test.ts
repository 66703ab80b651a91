import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../core/protocol/run-event.ts';
import type { ExtractorsFile } from '../../server/config/extractor-config.ts';
import { startServer, type StartedServer } from '../../server/start-server.ts';
import { validColorAnswer } from '../fakes/providers/valid-color-answer.ts';
import { configWithTimeouts, fixtureBase64, runOverWebSocket, startFakeProviders, truthAnswer, type FakeProviders, type TimedEvent } from './test-backend.ts';

type Done = Extract<RunEvent, { stage: 'extractor_done' }>;
const done = (events: readonly TimedEvent[], id: string): Done => {
  const found = events.find((e) => e.event.stage === 'extractor_done' && e.event.extractor === id)?.event;
  if (!found || found.stage !== 'extractor_done') throw new Error(`no extractor_done for ${id}: ${events.map((e) => e.event.stage).join(', ')}`);
  return found;
};
const indexOf = (events: readonly TimedEvent[], predicate: (e: RunEvent) => boolean) => events.findIndex((e) => predicate(e.event));
const last = (events: readonly TimedEvent[]) => events.at(-1)!.event;

describe('a run over a real WebSocket, with the real SDKs against fake providers', () => {
  let fakes: FakeProviders;
  let dataDir: string;
  let server: StartedServer | undefined;
  let wsUrl: string;

  const start = async (options: { config?: ExtractorsFile; env?: Record<string, string> } = {}) => {
    const configPath = path.join(dataDir, `extractors-${Math.random().toString(36).slice(2)}.json`);
    await writeFile(configPath, JSON.stringify(options.config ?? configWithTimeouts(3_000)));
    server = await startServer({ ...fakes.env, PORT: '0', HOST: '127.0.0.1', CHORUS_DATA_DIR: dataDir, CHORUS_EXTRACTORS_CONFIG: configPath, ...options.env }, 'test');
    wsUrl = `${server.url.replace('http', 'ws')}/api/v1/extract/progressive`;
  };
  const extract = (extra: Record<string, unknown> = {}) => ({ action: 'extract', images: [fixtureBase64()], paid: 'always', ...extra });

  beforeAll(async () => {
    fakes = await startFakeProviders();
  });
  afterAll(() => fakes.close());
  afterEach(async () => {
    await server?.close();
    server = undefined;
    await rm(dataDir, { recursive: true, force: true });
  });
  // Each test gets its own data directory: its own ledger and cache.
  const freshDataDir = async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'chorus-run-'));
  };

  it('streams accepted first, tier 1 before tier 3, and tier 3 only after the provider answers', async () => {
    await freshDataDir();
    await start();
    const delay = 600;
    fakes.openai.script({ reply: truthAnswer('login-dracula'), delayMs: delay });
    fakes.anthropic.script({ reply: truthAnswer('login-dracula'), delayMs: delay });
    const events = await runOverWebSocket(wsUrl, extract());
    expect(events[0]!.event.stage).toBe('accepted');
    expect(events.map((e) => e.event.seq)).toEqual(events.map((_, i) => i));
    for (const e of events) expect(e.event.run_id).toBe(events[0]!.event.run_id);
    const tier1 = indexOf(events, (e) => e.stage === 'tier_1_complete');
    const openai = indexOf(events, (e) => e.stage === 'extractor_done' && e.extractor === 'openai');
    const tier3 = indexOf(events, (e) => e.stage === 'tier_3_complete');
    expect(tier1).toBeGreaterThan(0);
    expect(openai).toBeGreaterThan(tier1);
    expect(tier3).toBeGreaterThan(openai);
    // The fake held its answer `delay` ms; tier 1 did not wait for it.
    expect(events[openai]!.at - events[tier1]!.at).toBeGreaterThanOrEqual(delay - 50);
    expect(done(events, 'openai')).toMatchObject({ status: 'done', cached: false });
    expect(done(events, 'openai').cost).toBeGreaterThan(0);
    const complete = last(events);
    expect(complete.stage).toBe('complete');
    if (complete.stage === 'complete') {
      expect(complete.tokens.background?.hex).toBe('#282a36');
      expect(complete.total_cost).toBeGreaterThan(0);
    }
  });

  it('sends the key only to its provider, in its header', async () => {
    await freshDataDir();
    await start();
    const before = fakes.openai.requests.length;
    await runOverWebSocket(wsUrl, extract());
    const request = fakes.openai.requests.slice(before).find((r) => r.path === '/v1/chat/completions')!;
    expect(request.headers.authorization).toBe('Bearer sk-test-openai');
    expect(JSON.stringify(fakes.anthropic.requests.map((r) => r.headers))).not.toContain('sk-test-openai');
  });

  it('skips a paid extractor whose estimate is over the request budget, and never calls it', async () => {
    await freshDataDir();
    await start();
    const before = fakes.openai.requests.length;
    const events = await runOverWebSocket(wsUrl, extract({ max_cost: 0.0001 }));
    const accepted = events[0]!.event;
    if (accepted.stage !== 'accepted') throw new Error('first event is not accepted');
    expect(accepted.plan.find((p) => p.extractor === 'openai')).toMatchObject({ will_run: false, code: 'OVER_BUDGET' });
    expect(done(events, 'openai')).toMatchObject({ status: 'skipped', code: 'OVER_BUDGET' });
    expect(last(events).stage).toBe('complete');
    expect(fakes.openai.requests.length).toBe(before);
  });

  it('times out a provider that never answers, aborts its request, and completes the run', async () => {
    await freshDataDir();
    await start({ config: configWithTimeouts(800) });
    fakes.anthropic.script({ hang: true });
    const events = await runOverWebSocket(wsUrl, extract());
    expect(done(events, 'anthropic')).toMatchObject({ status: 'timeout', code: 'TIMEOUT', cost: 0 });
    expect(done(events, 'openai').status).toBe('done');
    expect(last(events).stage).toBe('complete');
    await fakes.anthropic.waitForAborted(1, 3_000);
  });

  it('retries 429 and 5xx, then reports them, and the run completes', async () => {
    await freshDataDir();
    await start();
    const openaiBefore = fakes.openai.requests.length;
    const anthropicBefore = fakes.anthropic.requests.length;
    fakes.openai.script({ status: 429, retryAfter: 0.01 }, { status: 429, retryAfter: 0.01 }, { status: 429, retryAfter: 0.01 });
    fakes.anthropic.script({ status: 500 }, { status: 500 }, { status: 500 });
    const events = await runOverWebSocket(wsUrl, extract());
    expect(done(events, 'openai')).toMatchObject({ status: 'failed', code: 'RATE_LIMITED' });
    expect(done(events, 'anthropic')).toMatchObject({ status: 'failed', code: 'PROVIDER_ERROR' });
    const haiku = (from: number) => fakes.anthropic.requests.slice(from).filter((r) => (r.body as { model?: string }).model === 'claude-haiku-5-5');
    expect(fakes.openai.requests.length - openaiBefore).toBe(3);
    expect(haiku(anthropicBefore)).toHaveLength(3);
    expect(last(events).stage).toBe('complete');
  });

  it('reports malformed and schema-invalid model output as failed, with the reason', async () => {
    await freshDataDir();
    await start();
    fakes.openai.script({ rawContent: '{"colors": [ {"hex": "#282a' });
    fakes.anthropic.script({ reply: { colors: [{ hex: 'dark grey', role: 'background', name: 'x' }] } });
    const events = await runOverWebSocket(wsUrl, extract());
    expect(done(events, 'openai')).toMatchObject({ status: 'failed', code: 'INVALID_OUTPUT', reason: expect.stringMatching(/not JSON/) });
    expect(done(events, 'anthropic')).toMatchObject({ status: 'failed', code: 'INVALID_OUTPUT', reason: expect.stringMatching(/colors\.0\.hex/) });
    // The provider billed the call even though the answer was useless: booked.
    expect(done(events, 'openai').cost).toBeGreaterThan(0);
    expect(last(events).stage).toBe('complete');
  });

  it('aborts the provider request when the client disconnects', async () => {
    await freshDataDir();
    await start();
    fakes.anthropic.script({ hang: true });
    const before = fakes.anthropic.requests.filter((r) => r.aborted).length;
    await runOverWebSocket(wsUrl, extract(), {
      until: (event, socket) => {
        if (event.stage === 'tier_started' && event.tier === 3) {
          // Give the SDK a moment to send the request, then leave.
          setTimeout(() => socket.terminate(), 200);
        }
        return false;
      },
      timeoutMs: 1_500,
    }).catch(() => undefined);
    const aborted = await fakes.anthropic.waitForAborted(before + 1, 3_000);
    expect(aborted.length).toBeGreaterThan(before);
  });

  it('aborts on cancel and says so', async () => {
    await freshDataDir();
    await start();
    fakes.openai.script({ hang: true });
    const events = await runOverWebSocket(wsUrl, extract(), {
      until: (event, socket) => {
        if (event.stage === 'tier_started' && event.tier === 3) setTimeout(() => socket.send(JSON.stringify({ action: 'cancel' })), 200);
        return false;
      },
    });
    expect(last(events)).toMatchObject({ stage: 'error', code: 'CANCELLED' });
    expect(done(events, 'openai')).toMatchObject({ status: 'cancelled' });
  });

  it('answers a repeat from the cache at $0 without calling any provider', async () => {
    await freshDataDir();
    await start();
    const first = await runOverWebSocket(wsUrl, extract());
    expect(last(first).total_cost).toBeGreaterThan(0);
    const calls = fakes.openai.requests.length + fakes.anthropic.requests.length + fakes.local.requests.length;
    const second = await runOverWebSocket(wsUrl, extract());
    expect(last(second)).toMatchObject({ stage: 'complete', total_cost: 0 });
    for (const id of ['local-vision', 'openai', 'anthropic', 'anthropic-deep']) expect(done(second, id)).toMatchObject({ status: 'done', cached: true, cost: 0 });
    expect(fakes.openai.requests.length + fakes.anthropic.requests.length + fakes.local.requests.length).toBe(calls);
  });

  it('holds the daily cap, and still holds it after a restart', async () => {
    await freshDataDir();
    const onlyOpenAi = configWithTimeouts(3_000);
    const config: ExtractorsFile = { ...onlyOpenAi, extractors: onlyOpenAi.extractors.filter((e) => e.tier === 1 || e.id === 'openai') };
    // One gpt-6-luna estimate on a 1440×900 frame is about $0.00105; the fake bills $0.00015.
    const env = { CHORUS_DAILY_BUDGET_USD: '0.0011' };
    await start({ config, env });
    const before = fakes.openai.requests.length;
    const first = await runOverWebSocket(wsUrl, extract());
    expect(done(first, 'openai').status).toBe('done');
    const second = await runOverWebSocket(wsUrl, extract({ images: [fixtureBase64('login-primer-light')] }));
    expect(done(second, 'openai')).toMatchObject({ status: 'skipped', code: 'DAILY_CAP' });
    await server!.close();
    await start({ config, env });
    const third = await runOverWebSocket(wsUrl, extract({ images: [fixtureBase64('pricing-stripe')] }));
    expect(done(third, 'openai')).toMatchObject({ status: 'skipped', code: 'DAILY_CAP' });
    expect(fakes.openai.requests.length - before).toBe(1);
  });

  it('runs both paid tiers for the standard request (OpenAI + Anthropic keys, no local model), although CV agrees with itself', async () => {
    await freshDataDir();
    const all = configWithTimeouts(3_000);
    // The classic set-up: OpenAI and Anthropic keys, no Gemini key, no local model.
    await start({ config: { ...all, extractors: all.extractors.filter((e) => e.id !== 'local-vision') }, env: { GEMINI_API_KEY: '' } });
    const openaiBefore = fakes.openai.requests.length;
    const events = await runOverWebSocket(wsUrl, { action: 'extract', images: [fixtureBase64()], use_ai: true, max_cost: 0.1 });
    expect(done(events, 'gemini')).toMatchObject({ status: 'skipped', code: 'MISSING_KEY' });
    // The two tier-1 CV extractors read the same pixels: their agreement is no reason to skip a model.
    expect(done(events, 'openai')).toMatchObject({ status: 'done', cached: false });
    expect(done(events, 'anthropic')).toMatchObject({ status: 'done', cached: false });
    expect(done(events, 'openai').cost).toBeGreaterThan(0);
    expect(fakes.openai.requests.length - openaiBefore).toBe(1);
    // Both models gave the truth: nothing left for the deep model to settle.
    expect(done(events, 'anthropic-deep')).toMatchObject({ status: 'skipped', code: 'NO_DOUBT', reason: expect.stringMatching(/no doubt/) });
    expect(last(events)).toMatchObject({ stage: 'complete' });
    expect(last(events).total_cost).toBeGreaterThan(0);
  });

  it('runs the paid tiers on its own: CV alone never claims the confidence that would skip them', async () => {
    await freshDataDir();
    const all = configWithTimeouts(3_000);
    await start({ config: { ...all, extractors: all.extractors.filter((e) => e.id !== 'local-vision') } });
    const events = await runOverWebSocket(wsUrl, extract({ paid: 'auto' }));
    const tier2 = events.find((e) => e.event.stage === 'tier_2_complete')!.event;
    if (tier2.stage !== 'tier_2_complete') throw new Error('no tier 2');
    // The CV extractors read the same pixels: one witness, about 0.75 however many of them agree.
    expect(tier2.confidence).toBeLessThan(0.8);
    expect(done(events, 'openai').status).toBe('done');
    expect(done(events, 'anthropic').status).toBe('done');
    const complete = last(events);
    if (complete.stage !== 'complete') throw new Error('run did not complete');
    expect(complete.confidence).toBeGreaterThan(tier2.confidence);
  });

  it('asks the deep model on its own when the tier-3 models disagree on a role', async () => {
    await freshDataDir();
    await start();
    const truth = truthAnswer('login-dracula');
    // Anthropic calls another colour the primary: a material split between independent models.
    fakes.anthropic.script({ reply: { colors: truth.colors.map((c) => (c.role === 'primary' ? { ...c, hex: '#00ff00' } : c)) } });
    const events = await runOverWebSocket(wsUrl, extract({ paid: 'auto' }));
    expect(done(events, 'openai').status).toBe('done');
    expect(done(events, 'anthropic').status).toBe('done');
    expect(done(events, 'anthropic-deep')).toMatchObject({ status: 'done', cached: false });
    expect(last(events).stage).toBe('complete');
  });

  it('asks the deep model when no tier-3 model could answer', async () => {
    await freshDataDir();
    await start();
    fakes.openai.script({ status: 400 });
    fakes.anthropic.script({ status: 400 });
    fakes.gemini.script({ status: 400 });
    const events = await runOverWebSocket(wsUrl, extract({ paid: 'auto' }));
    expect(done(events, 'openai').status).toBe('failed');
    expect(done(events, 'anthropic').status).toBe('failed');
    expect(done(events, 'gemini').status).toBe('failed');
    expect(done(events, 'anthropic-deep').status).toBe('done');
  });

  it('refuses a malformed message and a second run on a busy connection, and keeps serving', async () => {
    await freshDataDir();
    await start();
    const bad = await runOverWebSocket(wsUrl, { action: 'extract', images: 'not-a-list' });
    expect(last(bad)).toMatchObject({ stage: 'error', code: 'BAD_MESSAGE' });
    const good = await runOverWebSocket(wsUrl, extract({ use_ai: false }));
    expect(last(good).stage).toBe('complete');
  });
});
