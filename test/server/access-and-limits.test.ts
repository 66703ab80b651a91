import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type ApiError } from '../../server/app.ts';
import { LIMITS } from '../../server/security/limits.ts';
import { startServer } from '../../server/start-server.ts';
import { createTestRunService, extractRequest, fixtureBase64, runOverWebSocket, startFakeProviders, type FakeProviders } from './test-backend.ts';

/** A PNG header (signature + IHDR) that claims the given size, and nothing after it: a decompression bomb's first bytes. */
function pngClaiming(width: number, height: number): string {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(bytes.buffer).setUint32(16, width);
  new DataView(bytes.buffer).setUint32(20, height);
  bytes[24] = 8;
  bytes[25] = 6;
  return Buffer.from(bytes).toString('base64');
}

const TOKEN = 'test-token-0123456789abcdef';
const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json', ...headers },
});

describe('access and limits', () => {
  let fakes: FakeProviders;
  beforeAll(async () => {
    fakes = await startFakeProviders();
  });
  afterAll(() => fakes.close());

  it('with CHORUS_TOKEN, refuses every API call without it, and serves those with it', async () => {
    const { runs } = await createTestRunService({ env: fakes.env });
    const app = createApp({ version: 't', runs, token: TOKEN });
    expect((await app.request('/api/v1/health')).status).toBe(401);
    expect((await app.request('/api/v1/health', { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);
    const refused = await app.request('/api/v1/extract', json({ images: [fixtureBase64()], use_ai: false }));
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as ApiError).error.code).toBe('UNAUTHORIZED');
    expect((await app.request('/api/v1/health', { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    expect((await app.request(`/api/v1/health?token=${TOKEN}`)).status).toBe(200);
  });

  it('lets the plugin iframe read a refused token (the 401 carries CORS), so the plugin can name that cause', async () => {
    const { runs } = await createTestRunService({ env: fakes.env });
    const app = createApp({ version: 't', runs, token: TOKEN });
    const refused = await app.request('/api/v1/health', { headers: { origin: 'null' } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe('null');
  });

  it('allows the plugin iframe (origin null) and configured origins by CORS, and nobody else', async () => {
    const { runs } = await createTestRunService({ env: fakes.env });
    const app = createApp({ version: 't', runs, allowedOrigins: ['https://tokens.example'] });
    const from = async (origin: string) => (await app.request('/api/v1/health', { headers: { origin } })).headers.get('access-control-allow-origin');
    expect(await from('null')).toBe('null');
    expect(await from('https://tokens.example')).toBe('https://tokens.example');
    expect(await from('https://evil.example')).toBeNull();
  });

  it('refuses runs a browser starts for another site, by POST or WebSocket, and lets the plugin through', async () => {
    const { runs } = await createTestRunService({ env: fakes.env });
    const app = createApp({ version: 't', runs });
    const body = { images: [fixtureBase64()], use_ai: false };
    // text/plain needs no CORS preflight: CORS alone would let this run.
    const forged = await app.request('/api/v1/extract', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'text/plain', origin: 'https://evil.example' } });
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as ApiError).error.code).toBe('FORBIDDEN_ORIGIN');
    expect((await app.request('/api/v1/extract', json(body, { origin: 'null' }))).status).toBe(200);
    expect((await app.request('/api/v1/extract', json(body))).status).toBe(200);
  });

  it('refuses a decompression bomb from its header, before decoding', async () => {
    const { runs } = await createTestRunService({ env: fakes.env });
    const res = await createApp({ version: 't', runs }).request('/api/v1/extract', json({ images: [pngClaiming(100_000, 100_000)], use_ai: false }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as ApiError).error.code).toBe('TOO_LARGE');
  });

  it('refuses GIFs before decoding: a damaged one once looped the decoder forever (fuzz seed 47527, case 1598)', async () => {
    const { runs } = await createTestRunService({ env: fakes.env });
    const app = createApp({ version: 't', runs });
    const freezing =
      'R0lGODlhGAAQAIYAABi6fyC+fyGRoicakCc4oSgAfyvBfzIAfzJmyzbDgDwAgEHEf0YAgErFf1AAgFbFf1l4f1oAgF11f2LFf2QAgGV1f23Ff28AgHB1f3N1f3XFf3h2f3kAgICXf4HFf4QAgIR2f4nFf4oAgI12f5QAgJTFf5d2f58AgKB2f6Crf6kAgKp2f6rFf7N2f7W1f7cAgLjFf8AAgMDEf8F2f8S8f8XEf8d2f8gAgMm/f8piesrCf9AejNEAgNJnfdN2f9h0f9lyf9wAgOMAgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAACH/C05FVFNDQVBFMi4wAwEAAAAh+QQICAAAACwAAAAAGAAQAAAHhIAFgoIHCgwOERQXHB8iJCcqLzE3PEFCA5iZmIiKjI6QO6GiBKSlBBKoFRgZICMmKCs5sj20tra2ELm5qhutrystMzY+P0AAx8cGCQsPDx3PzynSLi40NDg4yAHKCw3NExYaHiElLCwwMjU66wjt7u/w8fLz9PX29/j5+vv8/f7/AOkFAgA7';
    const zeroHigh = 'R0lGODlhGAAAAIAAADNmzAAAACH/C05FVFNDQVBFMi4wAwEAAAAh+QQICAAAACwAAAAAGAAQAAACEYSPqcvtD6OctNqLs968+68UADs=';
    for (const image of [freezing, zeroHigh]) {
      const res = await app.request('/api/v1/extract', json({ images: [image], use_ai: false }));
      expect(res.status).toBe(415);
      expect(((await res.json()) as ApiError).error.message).toMatch(/PNG/);
    }
  });

  it('refuses JSON nested deeper than the protocol could need', async () => {
    const { runs } = await createTestRunService({ env: fakes.env });
    const deep = `{"images":${'['.repeat(LIMITS.maxJsonDepth + 5)}${']'.repeat(LIMITS.maxJsonDepth + 5)}}`;
    const res = await createApp({ version: 't', runs }).request('/api/v1/extract', { method: 'POST', body: deep, headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ApiError).error.code).toBe('TOO_DEEP');
  });

  it('limits the runs a client may have going at once, and says so with 429', async () => {
    const { runs } = await createTestRunService({ env: fakes.env });
    const app = createApp({ version: 't', runs, clientId: () => 'one-client' });
    const slots = Array.from({ length: LIMITS.concurrentRunsPerClient }, () => runs.prepare(extractRequest({ images: [fixtureBase64()], use_ai: false, max_cost: 0 }), 'one-client'));
    const held = await Promise.all(slots);
    const res = await app.request('/api/v1/extract', json({ images: [fixtureBase64()], use_ai: false }));
    expect(res.status).toBe(429);
    expect(((await res.json()) as ApiError).error.code).toBe('TOO_MANY_RUNS');
    for (const p of held) p.release();
    expect((await app.request('/api/v1/extract', json({ images: [fixtureBase64()], use_ai: false }))).status).toBe(200);
  });

  it('refuses to listen beyond loopback without a token', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'chorus-access-'));
    try {
      await expect(startServer({ PORT: '0', HOST: '0.0.0.0', CHORUS_DATA_DIR: dataDir }, 't')).rejects.toThrow(/without CHORUS_TOKEN/);
      await expect(startServer({ PORT: '0', HOST: '0.0.0.0', CHORUS_DATA_DIR: dataDir, CHORUS_TOKEN: 'short' }, 't')).rejects.toThrow(/too short/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('over a real socket: the WebSocket needs the token too', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'chorus-access-'));
    const server = await startServer({ ...fakes.env, PORT: '0', CHORUS_DATA_DIR: dataDir, CHORUS_TOKEN: TOKEN }, 't');
    try {
      const ws = `${server.url.replace('http', 'ws')}/api/v1/extract/progressive`;
      await expect(runOverWebSocket(ws, { action: 'extract', images: [fixtureBase64()], use_ai: false }, { timeoutMs: 5_000 })).rejects.toThrow();
      const events = await runOverWebSocket(`${ws}?token=${TOKEN}`, { action: 'extract', images: [fixtureBase64()], use_ai: false });
      expect(events.at(-1)!.event.stage).toBe('complete');
      // A page on another site cannot open the socket, token or not.
      await expect(runOverWebSocket(`${ws}?token=${TOKEN}`, { action: 'extract', images: [fixtureBase64()], use_ai: false }, { timeoutMs: 5_000, origin: 'https://evil.example' })).rejects.toThrow();
    } finally {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
