import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRunService } from '../../test/server/test-backend.ts';
import { createApp } from '../app.ts';
import { readPlaygroundAssets } from '../playground/read-playground-assets.ts';
import type { RunService } from '../run/run-service.ts';
import type { PlaygroundAssets } from './playground.ts';

const HTML = '<!doctype html><title>Chorus playground</title><script src="playground.js" defer></script>';
const SCRIPT = 'console.log("chorus")';
const BUILT: PlaygroundAssets = { html: async () => HTML, script: async () => SCRIPT };
/** A token as long as start-server.ts insists on. */
const TOKEN = 'playground-test-token-0123456789';
const DECISION = JSON.stringify({ decisions: [{ role: 'border', chosen_hex: '#d0d7de', candidates: [{ hex: '#d0d7de', extractors: ['flat-regions'] }] }] });

describe('the playground page', () => {
  let runs: RunService;
  beforeAll(async () => {
    // No provider is called here: the extractors are built without keys.
    runs = (await createTestRunService({ env: {} })).runs;
  });

  it('serves the page at / as HTML, under a policy that allows its own script and server only', async () => {
    const res = await createApp({ version: 'test', runs, playground: BUILT }).request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    expect(await res.text()).toBe(HTML);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('serves its script as JavaScript', async () => {
    const res = await createApp({ version: 'test', runs, playground: BUILT }).request('/playground.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await res.text()).toBe(SCRIPT);
  });

  it('says how to build it when it is not built', async () => {
    const app = createApp({ version: 'test', runs, playground: { html: async () => undefined, script: async () => undefined } });
    const page = await app.request('/');
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('npm run build');
    expect((await app.request('/playground.js')).status).toBe(503);
  });

  it('is absent from an app built without it', async () => {
    expect((await createApp({ version: 'test', runs }).request('/')).status).toBe(404);
  });

  it('loads without the token on a protected server, while its API calls and the dashboard need it', async () => {
    const app = createApp({ version: 'test', runs, token: TOKEN, playground: BUILT });
    expect((await app.request('/')).status).toBe(200);
    expect((await app.request('/?token=wrong')).status).toBe(200);
    expect((await app.request('/playground.js')).status).toBe(200);
    expect((await app.request('/api/v1/health')).status).toBe(401);
    expect((await app.request(`/api/v1/health?token=${TOKEN}`)).status).toBe(200);
    expect((await app.request('/dashboard')).status).toBe(401);
    expect((await app.request('/api/v1/health', { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
  });

  it('accepts the page’s own calls: the same origin passes the origin check, another site does not', async () => {
    const app = createApp({ version: 'test', runs, playground: BUILT });
    const post = (origin: string) =>
      app.request('http://127.0.0.1:8787/api/v1/decisions', { method: 'POST', body: DECISION, headers: { 'content-type': 'application/json', origin } });
    expect((await post('http://127.0.0.1:8787')).status).toBe(200);
    const foreign = await post('https://evil.example');
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN_ORIGIN');
  });
});

describe('readPlaygroundAssets', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'chorus-playground-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads the built files on every call, and gives undefined for a missing one', async () => {
    const assets = readPlaygroundAssets(dir);
    expect(await assets.html()).toBeUndefined();
    await writeFile(path.join(dir, 'playground.html'), HTML);
    expect(await assets.html()).toBe(HTML);
    expect(await assets.script()).toBeUndefined();
  });
});
