import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRunService, fixtureBase64, startFakeProviders, type FakeProviders } from '../../test/server/test-backend.ts';
import { createApp } from '../app.ts';

describe('the dashboard', () => {
  let fakes: FakeProviders;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    fakes = await startFakeProviders();
    const { runs } = await createTestRunService({ env: fakes.env });
    app = createApp({ version: 'test', runs });
    const res = await app.request('/api/v1/extract', { method: 'POST', body: JSON.stringify({ images: [fixtureBase64()], paid: 'always' }), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(200);
  });
  afterAll(() => fakes.close());

  it('serves the figures as JSON after a run', async () => {
    const body = (await (await app.request('/api/v1/metrics')).json()) as { runs: number; extractors: { id: string; runs: number; agreementWithConsensus: number | null }[]; spent_today_usd: number };
    expect(body.runs).toBe(1);
    expect(body.extractors.find((e) => e.id === 'openai')).toMatchObject({ runs: 1, agreementWithConsensus: expect.any(Number) });
    expect(body.spent_today_usd).toBeGreaterThan(0);
  });

  it('records designers’ review decisions', async () => {
    const res = await app.request('/api/v1/decisions', {
      method: 'POST',
      body: JSON.stringify({ decisions: [{ role: 'primary', chosen_hex: '#bd93f9', candidates: [{ hex: '#bd93f9', extractors: ['openai', 'flat-regions'] }] }] }),
      headers: { 'content-type': 'application/json' },
    });
    expect(await res.json()).toEqual({ recorded: 1 });
    const bad = await app.request('/api/v1/decisions', { method: 'POST', body: '{"decisions":[{}]}', headers: { 'content-type': 'application/json' } });
    expect(bad.status).toBe(400);
  });

  it('draws the page with plots, not only tables', async () => {
    const res = await app.request('/dashboard');
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html.match(/<svg /g)?.length).toBeGreaterThanOrEqual(4);
    expect(html).toContain('openai');
    expect(html).toMatch(/of \$5\.00/);
  });
});
