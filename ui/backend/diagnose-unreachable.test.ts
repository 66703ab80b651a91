import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { diagnoseUnreachable } from './diagnose-unreachable.ts';

const servers: Server[] = [];

/** A real HTTP server on 127.0.0.1 that answers every request with `status` (and no WebSocket route). */
async function answering(status: number): Promise<string> {
  const server = createServer((_, response) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(status === 401 ? { error: { code: 'UNAUTHORIZED' } } : { status: 'ok' }));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** An address where nothing listens: a port that was just free. */
async function closedPort(): Promise<string> {
  const url = await answering(200);
  const server = servers.pop()!;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return url;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
});

describe('diagnoseUnreachable', () => {
  it('names a refused connection when nothing listens', async () => {
    const url = await closedPort();
    expect(await diagnoseUnreachable(url, false)).toMatchObject({ cause: 'refused', message: expect.stringContaining(`Nothing answers at ${url}`) });
  });

  it('names a refused token when the server answers 401', async () => {
    const url = await answering(401);
    expect(await diagnoseUnreachable(url, false)).toMatchObject({ cause: 'token-rejected', message: expect.stringContaining('refused Chorus\'s access token') });
  });

  it('names a missing WebSocket route when HTTP works', async () => {
    const url = await answering(200);
    expect(await diagnoseUnreachable(`${url}/`, false)).toMatchObject({ cause: 'no-websocket' });
  });

  it('names a timeout when the connection never opened in time', async () => {
    expect(await diagnoseUnreachable('http://10.255.255.1:8787', true)).toMatchObject({ cause: 'timed-out', message: expect.stringContaining('did not answer in time') });
  });

  it('names the manifest first: Figma blocks what it does not list, whatever the server does', async () => {
    const url = await answering(200);
    const diagnosis = await diagnoseUnreachable(url, false, { reachableDomains: ['http://localhost:8787', 'ws://localhost:8787'] });
    expect(diagnosis.cause).toBe('blocked');
    expect(diagnosis.message).toContain(`\`CHORUS_BACKEND_URL=${url} npm run build\``);
  });

  it('gives up on a probe that hangs and calls it refused', async () => {
    const hang: typeof fetch = (_, init) =>
      new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    expect(await diagnoseUnreachable('http://localhost:8787', false, { fetch: hang, probeTimeoutMs: 20 })).toMatchObject({ cause: 'refused' });
  });
});
