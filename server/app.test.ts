import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from '../test/fixtures/load-fixtures.ts';
import { createApp, MAX_UPLOAD_BYTES, type ApiError } from './app.ts';
import { decodeImage } from './decode/decode-image.ts';

const app = createApp({ decodeImage, version: 'test' });
const png = readFileSync(path.join(FIXTURES_DIR, 'login-dracula.png'));

describe('the backend app', () => {
  it('says it is up and which extractors are live', async () => {
    const res = await app.request('/api/v1/health');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; extractors: { id: string; tier: number }[] };
    expect(body.status).toBe('ok');
    expect(body.extractors.map((e) => e.id)).toEqual(['flat-regions', 'oklab-clusters']);
  });

  it('extracts a tier-1 palette from a PNG body', async () => {
    const res = await app.request('/api/v1/extract', { method: 'POST', body: png, headers: { 'content-type': 'image/png' } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { width: number; colors: { hex: string; role?: string }[] };
    expect(body.width).toBe(1440);
    expect(body.colors[0]).toMatchObject({ hex: '#282a36', role: 'background' });
  });

  it('refuses a body that is not an image with a code and a sentence', async () => {
    const res = await app.request('/api/v1/extract', { method: 'POST', body: 'hello', headers: { 'content-type': 'image/png' } });
    expect(res.status).toBe(415);
    const body = (await res.json()) as ApiError;
    expect(body.error.code).toBe('NOT_IMAGE');
    expect(body.error.message).toMatch(/PNG/);
  });

  it('refuses a truncated PNG', async () => {
    const res = await app.request('/api/v1/extract', { method: 'POST', body: png.subarray(0, 1000), headers: { 'content-type': 'image/png' } });
    expect(res.status).toBe(422);
    expect(((await res.json()) as ApiError).error.code).toBe('TRUNCATED');
  });

  it('refuses an upload over the limit before reading it whole', async () => {
    const res = await app.request('/api/v1/extract', {
      method: 'POST',
      body: new Uint8Array(MAX_UPLOAD_BYTES + 1),
      headers: { 'content-type': 'image/png', 'content-length': String(MAX_UPLOAD_BYTES + 1) },
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
