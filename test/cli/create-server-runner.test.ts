import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import type { RunEvent } from '../../core/protocol/run-event.ts';
import { createServerRunner } from '../../server/cli/create-server-runner.ts';
import { BackendUnreachable, RunTransportError, type CliImage } from '../../server/cli/tier-runner.ts';
import { extractRequest } from '../server/test-backend.ts';
import { MID_RUN, stamp } from './run-events.ts';

/** Short enough to keep the suite quick, long enough for a loopback handshake on a loaded machine. */
const SHORT_MS = 400;
const IMAGE: CliImage = { file: 'x.png', bytes: new Uint8Array([1]), base64: 'AQ==', rgba: { data: new Uint8Array(4), width: 1, height: 1 } };
const REQUEST = extractRequest({ images: ['AQ=='] });

/** Servers a test starts, closed after it whatever happened. */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((close) => close()));
});

/** A WebSocket backend on loopback whose behaviour on a request the test decides. */
async function fakeBackend(onRequest: (socket: WebSocket, message: unknown) => void): Promise<{ url: URL; closed: Promise<void> }> {
  const http = createHttpServer();
  const wss = new WebSocketServer({ server: http, path: '/api/v1/extract/progressive' });
  let resolveClosed: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (resolveClosed = resolve));
  wss.on('connection', (socket) => {
    socket.on('message', (data) => onRequest(socket, JSON.parse(String(data))));
    socket.on('close', () => resolveClosed());
  });
  await listen(http);
  cleanups.push(async () => {
    for (const client of wss.clients) client.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
    await new Promise<void>((resolve) => http.close(() => resolve()));
  });
  return { url: new URL(`http://127.0.0.1:${(http.address() as AddressInfo).port}`), closed };
}

function listen(server: Server | ReturnType<typeof createTcpServer>): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
}

const run = (url: URL, options: { signal?: AbortSignal; runTimeoutMs?: number; connectTimeoutMs?: number } = {}) => {
  const events: RunEvent[] = [];
  const runner = createServerRunner(url, { connectTimeoutMs: options.connectTimeoutMs ?? 5_000, runTimeoutMs: options.runTimeoutMs ?? 5_000 });
  const done = runner.run(IMAGE, REQUEST, (event) => events.push(event), options.signal ?? new AbortController().signal);
  return { events, done };
};

describe('createServerRunner', () => {
  it('sends the request and hands over every event, in order, until complete', async () => {
    const events = stamp([...MID_RUN, { stage: 'complete', tokens: {}, confidence: 0.9, duration_ms: 10 }]);
    let received: unknown;
    const backend = await fakeBackend((socket, message) => {
      received = message;
      for (const event of events) socket.send(JSON.stringify(event));
    });
    const { events: got, done } = run(backend.url);
    await done;
    expect(received).toEqual(REQUEST);
    expect(got).toEqual(events);
    await backend.closed;
  });

  it('ends a run the backend never finishes after the run timeout, and drops the connection', async () => {
    const backend = await fakeBackend((socket) => socket.send(JSON.stringify(stamp(MID_RUN)[0])));
    const { events, done } = run(backend.url, { runTimeoutMs: SHORT_MS });
    await expect(done).rejects.toThrow(new RunTransportError('TIMEOUT', `the backend at ${backend.url.href.replace(/\/$/, '')} did not finish the run within 0.4 s`));
    expect(events.map((e) => e.stage)).toEqual(['accepted']);
    await backend.closed;
  });

  it('gives up on a server that accepts the connection but never answers the upgrade', async () => {
    const sockets: Socket[] = [];
    const silent = createTcpServer((socket) => sockets.push(socket));
    await listen(silent);
    cleanups.push(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    });
    const url = new URL(`http://127.0.0.1:${(silent.address() as AddressInfo).port}`);
    const { done } = run(url, { connectTimeoutMs: SHORT_MS });
    const error = await done.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendUnreachable);
    expect((error as Error).message).toMatch(/^can't reach the backend at http:\/\/127\.0\.0\.1:\d+: /);
  });

  it('says so when something else answers HTTP at that address', async () => {
    const http = createHttpServer((_req, res) => res.writeHead(404).end('not here'));
    await listen(http);
    cleanups.push(() => new Promise<void>((resolve) => http.close(() => resolve())));
    const { done } = run(new URL(`http://127.0.0.1:${(http.address() as AddressInfo).port}`));
    await expect(done).rejects.toThrow(/can't reach the backend at .*: it answered HTTP 404 instead of opening \/api\/v1\/extract\/progressive \(is it a Chorus backend\?\)/);
  });

  it('refuses a message outside the protocol', async () => {
    const backend = await fakeBackend((socket) => socket.send(JSON.stringify({ stage: 'accepted', hello: true })));
    const { events, done } = run(backend.url);
    await expect(done).rejects.toMatchObject({ code: 'BAD_EVENT', message: expect.stringMatching(/sent a message outside the protocol: \{"stage":"accepted"/) });
    expect(events).toEqual([]);
  });

  it('reports a backend that hangs up mid-run', async () => {
    const backend = await fakeBackend((socket) => {
      socket.send(JSON.stringify(stamp(MID_RUN)[0]));
      socket.close(1011);
    });
    await expect(run(backend.url).done).rejects.toMatchObject({ code: 'DISCONNECTED', message: expect.stringMatching(/closed the connection before the run completed \(WebSocket code 1011\)/) });
  });

  it('drops the connection when cancelled, which the backend takes as a cancel', async () => {
    const controller = new AbortController();
    const backend = await fakeBackend((socket) => {
      socket.send(JSON.stringify(stamp(MID_RUN)[0]));
      controller.abort();
    });
    await expect(run(backend.url, { signal: controller.signal }).done).rejects.toMatchObject({ code: 'CANCELLED' });
    await backend.closed;
  });
});
