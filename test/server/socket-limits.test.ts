import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { PROGRESSIVE_PATH } from '../../core/protocol/progressive-url.ts';
import { startServer, type StartedServer } from '../../server/start-server.ts';
import { SOCKET_LIMIT_ENV } from '../../server/security/socket-limits.ts';
import { fixtureBase64, runOverWebSocket } from './test-backend.ts';

const dataDir = mkdtempSync(path.join(tmpdir(), 'chorus-sockets-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

let started: StartedServer | undefined;
afterEach(async () => {
  await started?.close();
  started = undefined;
});

/** A backend on loopback with the given socket limits (by their environment variables) and no provider. */
async function serverWith(limits: Partial<Record<keyof typeof SOCKET_LIMIT_ENV, number>>): Promise<{ ws: string; http: string }> {
  const env: Record<string, string> = { PORT: '0', CHORUS_DATA_DIR: dataDir, OPENAI_API_KEY: '', ANTHROPIC_API_KEY: '', CHORUS_LOCAL_BASE_URL: '' };
  for (const [key, value] of Object.entries(limits)) env[SOCKET_LIMIT_ENV[key as keyof typeof SOCKET_LIMIT_ENV]] = String(value);
  started = await startServer(env, 'test');
  return { ws: `${started.url.replace('http', 'ws')}${PROGRESSIVE_PATH}`, http: started.url };
}

/** Opens a socket from `localAddress` (any 127.x.y.z is this machine; the server sees each as a client). */
function open(url: string, localAddress = '127.0.0.1'): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { localAddress });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Opens a socket that the server refuses: resolves with the one event it sent and how it closed. */
async function refused(url: string, localAddress = '127.0.0.1'): Promise<{ event: { code: string; message: string }; close: { code: number; reason: string } }> {
  const socket = new WebSocket(url, { localAddress });
  const event = new Promise<{ code: string; message: string }>((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data)) as { code: string; message: string })));
  return { event: await event, close: await closed(socket) };
}

const closed = (socket: WebSocket) => new Promise<{ code: number; reason: string }>((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
const health = async (http: string) => (await (await fetch(`${http}/api/v1/health`)).json()) as { websocket: Record<string, number> };

describe('WebSocket limits', () => {
  it('reports its limits and open sockets in /api/v1/health', async () => {
    const { ws, http } = await serverWith({ maxConnections: 7, maxBufferedBytes: 12345 });
    const socket = await open(ws);
    expect((await health(http)).websocket).toMatchObject({ open: 1, max_connections: 7, max_buffered_bytes: 12345, max_invalid_messages: 20, max_connections_per_client: 16 });
    socket.close();
    await closed(socket);
    await expect.poll(async () => (await health(http)).websocket.open).toBe(0);
  });

  it('caps sockets per client and server-wide: the next one is told why and closed (1013)', async () => {
    const { ws, http } = await serverWith({ maxConnections: 3, maxConnectionsPerClient: 2 });
    const sockets = [await open(ws), await open(ws)];
    const perClient = await refused(ws);
    expect(perClient).toMatchObject({ event: { code: 'TOO_MANY_SOCKETS', message: expect.stringMatching(/per client/) }, close: { code: 1013 } });
    sockets.push(await open(ws, '127.0.0.2'));
    const serverWide = await refused(ws, '127.0.0.3');
    expect(serverWide).toMatchObject({ event: { code: 'TOO_MANY_SOCKETS', message: expect.stringMatching(/server has 3 connections/) }, close: { code: 1013 } });
    expect((await health(http)).websocket.open).toBe(3);
    // A closed socket frees its place.
    sockets[0]!.close();
    await closed(sockets[0]!);
    await expect.poll(async () => (await health(http)).websocket.open).toBe(2);
    sockets.push(await open(ws));
    const stays = closed(sockets.at(-1)!);
    const outcome = await Promise.race([stays.then(() => 'closed'), new Promise((wake) => setTimeout(() => wake('open'), 200))]);
    expect(outcome).toBe('open');
    for (const s of sockets) s.close();
  });

  it('answers invalid messages up to the cap, then closes the connection (1008)', async () => {
    const { ws } = await serverWith({ maxInvalidMessages: 5 });
    const socket = await open(ws);
    const codes: string[] = [];
    socket.on('message', (data) => codes.push((JSON.parse(String(data)) as { code: string }).code));
    const end = closed(socket);
    for (let i = 0; i < 1000; i++) socket.send('not json');
    expect(await end).toMatchObject({ code: 1008 });
    expect(codes).toEqual([...Array(5).fill('BAD_MESSAGE'), 'TOO_MANY_INVALID']);
  });

  it('cuts a socket that never reads once its replies pile up, while another client runs normally', async () => {
    const { ws, http } = await serverWith({ maxBufferedBytes: 256 * 1024, maxInvalidMessages: 10_000_000, pingIntervalMs: 0 });
    const flooder = await open(ws);
    // Stops reading: what the server sends it stays in the server's memory.
    flooder.pause();
    const end = closed(flooder);
    // The server says when it cuts a socket for not reading; waiting on that line (not on time) ends the flood.
    const warn = console.warn.bind(console);
    let cut = false;
    const cutLogged = new Promise<void>((resolve) => {
      vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
        warn(...args);
        if (typeof args[0] === 'string' && args[0].includes('the client is not reading')) {
          cut = true;
          resolve();
        }
      });
    });
    // The other client's run goes on while the flood does.
    const run = runOverWebSocket(ws, { action: 'extract', images: [fixtureBase64()], use_ai: false }, { timeoutMs: 20_000 });
    const junk = 'x'.repeat(32);
    const batch = 5_000;
    const most = 200_000;
    let sent = 0;
    // Bounded: 200 000 invalid messages' replies are ~30 MB, far past the kernel's buffers and the cap.
    // Each batch waits until the client socket took its last frame (or the cut), which also lets the
    // in-process server read them, so the pace follows the machine, however loaded, not a timer.
    while (sent < most && !cut && flooder.readyState === WebSocket.OPEN) {
      const written = new Promise<void>((resolve) => {
        for (let i = 1; i < batch; i++) flooder.send(junk);
        // An error here is the server having cut the socket: the flood is over either way.
        flooder.send(junk, () => resolve());
      });
      sent += batch;
      await Promise.race([written, cutLogged]);
    }
    expect(cut, `the server cut the flooder after ${sent} messages`).toBe(true);
    expect(sent).toBeLessThan(most);
    const events = await run;
    expect(events.at(-1)?.event.stage).toBe('complete');
    flooder.resume();
    expect((await end).code).toBe(1006);
    vi.restoreAllMocks();
    await expect.poll(async () => (await health(http)).websocket.open).toBe(0);
  });

  it('closes a socket idle for the timeout (1000), and cuts one that does not answer pings', async () => {
    const { ws } = await serverWith({ idleTimeoutMs: 300, pingIntervalMs: 10_000 });
    const idle = await open(ws);
    expect(await closed(idle)).toEqual({ code: 1000, reason: 'idle' });
    await started!.close();

    const { ws: pinged, http } = await serverWith({ idleTimeoutMs: 0, pingIntervalMs: 150 });
    const answering = await open(pinged);
    const silent = await open(pinged);
    // A paused client reads nothing, so it never sees the pings to answer them.
    silent.pause();
    const silentEnd = closed(silent);
    await expect.poll(async () => (await health(http)).websocket.open, { timeout: 3_000 }).toBe(1);
    silent.resume();
    expect((await silentEnd).code).toBe(1006);
    expect(answering.readyState).toBe(WebSocket.OPEN);
    answering.close();
  });
});
