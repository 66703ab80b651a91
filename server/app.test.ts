import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEventSchema, type RunEvent } from '../core/protocol/run-event.ts';
import { FIXTURES_DIR } from '../test/fixtures/load-fixtures.ts';
import { createTestRunService, fixtureBase64, startFakeProviders, type FakeProviders } from '../test/server/test-backend.ts';
import { createApp, type ApiError } from './app.ts';
import { MAX_BODY_BYTES } from './routes/extract-http.ts';

const png = readFileSync(path.join(FIXTURES_DIR, 'login-dracula.png'));

describe('the backend app, through app.request()', () => {
  let fakes: FakeProviders;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    fakes = await startFakeProviders();
    const { runs } = await createTestRunService({ env: fakes.env });
    app = createApp({ version: 'test', runs });
  });
  afterAll(() => fakes.close());

  it('says it is up, which extractors are live, and the budget', async () => {
    const res = await app.request('/api/v1/health');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; extractors: { id: string; tier: number; live: boolean }[]; budget: { daily_cap_usd: number } };
    expect(body.status).toBe('ok');
    expect(body.extractors.map((e) => [e.id, e.tier, e.live])).toEqual([
      ['flat-regions', 1, true],
      ['oklab-clusters', 1, true],
      ['flat-regions-full', 2, true],
      ['local-vision', 2, true],
      ['openai', 3, true],
      ['anthropic', 3, true],
      ['gemini', 3, true],
      ['anthropic-deep', 4, true],
    ]);
    expect(body.budget.daily_cap_usd).toBe(5);
  });

  it('reports an extractor without its key as not live, with the reason', async () => {
    const { runs } = await createTestRunService({ env: { ...fakes.env, OPENAI_API_KEY: undefined } });
    const body = (await (await createApp({ version: 'test', runs }).request('/api/v1/health')).json()) as { extractors: { id: string; live: boolean; reason?: string }[] };
    expect(body.extractors.find((e) => e.id === 'openai')).toMatchObject({ live: false, reason: expect.stringMatching(/OPENAI_API_KEY/) });
  });

  it('runs a bare PNG body to a final JSON result with tokens and every event', async () => {
    const res = await app.request('/api/v1/extract', { method: 'POST', body: png, headers: { 'content-type': 'image/png' } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; tokens: Record<string, { hex: string }>; events: RunEvent[]; total_cost: number };
    expect(body.status).toBe('complete');
    expect(body.tokens.background?.hex).toBe('#282a36');
    for (const e of body.events) runEventSchema.parse(e);
    expect(body.events[0]!.stage).toBe('accepted');
    expect(body.events.at(-1)!.stage).toBe('complete');
  });

  it('takes the JSON request without an action, computer vision only', async () => {
    const res = await app.request('/api/v1/extract', {
      method: 'POST',
      body: JSON.stringify({ images: [fixtureBase64()], use_ai: false }),
      headers: { 'content-type': 'application/json' },
    });
    const body = (await res.json()) as { events: RunEvent[]; total_cost: number };
    const done = body.events.filter((e): e is Extract<RunEvent, { stage: 'extractor_done' }> => e.stage === 'extractor_done');
    expect(done.filter((e) => e.status === 'skipped').map((e) => [e.extractor, e.code])).toEqual([
      ['local-vision', 'NO_AI'],
      ['openai', 'NO_AI'],
      ['anthropic', 'NO_AI'],
      ['gemini', 'NO_AI'],
      ['anthropic-deep', 'NO_AI'],
    ]);
    expect(body.total_cost).toBe(0);
  });

  it('streams the same events as SSE, named by stage', async () => {
    const res = await app.request('/api/v1/extract', {
      method: 'POST',
      body: JSON.stringify({ images: [fixtureBase64()], use_ai: false }),
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const text = await res.text();
    const frames = text.split('\n\n').filter((f) => f.trim() !== '');
    const events = frames.map((frame) => {
      const name = /^event: (.*)$/m.exec(frame)?.[1];
      const data = runEventSchema.parse(JSON.parse(/^data: (.*)$/m.exec(frame)![1]!));
      expect(name).toBe(data.stage);
      return data;
    });
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i));
    expect(events[0]!.stage).toBe('accepted');
    expect(events.at(-1)!.stage).toBe('complete');
  });

  it('refuses a body that is not an image with a code and a sentence', async () => {
    const res = await app.request('/api/v1/extract', { method: 'POST', body: 'hello', headers: { 'content-type': 'image/png' } });
    expect(res.status).toBe(415);
    const body = (await res.json()) as ApiError;
    expect(body.error.code).toBe('NOT_IMAGE');
    expect(body.error.message).toMatch(/PNG/);
  });

  it('refuses a truncated PNG before streaming anything, even when SSE was asked for', async () => {
    const res = await app.request('/api/v1/extract', {
      method: 'POST',
      body: png.subarray(0, 1000),
      headers: { 'content-type': 'image/png', accept: 'text/event-stream' },
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as ApiError).error.code).toBe('TRUNCATED');
  });

  it('refuses malformed JSON and an invalid request with 400', async () => {
    const bad = await app.request('/api/v1/extract', { method: 'POST', body: '{"images":', headers: { 'content-type': 'application/json' } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ApiError).error.code).toBe('BAD_JSON');
    const invalid = await app.request('/api/v1/extract', { method: 'POST', body: JSON.stringify({ images: [], max_cost: -1 }), headers: { 'content-type': 'application/json' } });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as ApiError).error.code).toBe('BAD_REQUEST');
  });

  it('refuses an image that is not valid base64 with 400, not a server error', async () => {
    const res = await app.request('/api/v1/extract', { method: 'POST', body: JSON.stringify({ images: ['abcde'], use_ai: false }), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ApiError).error.code).toBe('BAD_BASE64');
  });

  it('refuses votes from extractors the server does not run, and model guesses posing as client votes', async () => {
    const foreign = await app.request('/api/v1/extract', {
      method: 'POST',
      body: JSON.stringify({ images: [fixtureBase64()], votes: [{ extractor: 'my-model', weight: 100, hex: '#ff0000', measured: true }] }),
      headers: { 'content-type': 'application/json' },
    });
    expect(foreign.status).toBe(422);
    expect(((await foreign.json()) as ApiError).error.code).toBe('BAD_VOTES');
  });

  it('refuses an upload over the limit before reading it whole', async () => {
    const res = await app.request('/api/v1/extract', {
      method: 'POST',
      body: new Uint8Array(MAX_BODY_BYTES + 1),
      headers: { 'content-type': 'image/png', 'content-length': String(MAX_BODY_BYTES + 1) },
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as ApiError).error.code).toBe('TOO_LARGE');
  });

  it('answers an unknown route with a JSON 404', async () => {
    const res = await app.request('/nope');
    expect(res.status).toBe(404);
    expect(((await res.json()) as ApiError).error.code).toBe('NOT_FOUND');
  });
});
