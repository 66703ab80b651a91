import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { PROGRESSIVE_PATH } from '../../core/protocol/progressive-url.ts';
import { startFakeAnthropic } from '../fakes/providers/fake-anthropic.ts';
import { startFakeOpenAI } from '../fakes/providers/fake-openai.ts';
import type { FakeProvider } from '../fakes/providers/fake-provider.ts';
import { fixtureBase64 } from './test-backend.ts';
import { isAlive, startServerProcess, type ServerProcess } from './server-process.ts';

/** What the issue asks of a stop: every client told and every provider call aborted within this. */
const EXIT_WITHIN_MS = 5_000;

describe('SIGTERM with runs in flight', () => {
  let openai: FakeProvider;
  let anthropic: FakeProvider;
  let dataDir: string;
  const servers: ServerProcess[] = [];
  beforeAll(async () => {
    // The hosted models never answer: the runs are in their paid tier when the signal comes.
    [openai, anthropic] = await Promise.all([startFakeOpenAI({ defaultBehaviour: { hang: true } }), startFakeAnthropic({ defaultBehaviour: { hang: true } })]);
    dataDir = mkdtempSync(path.join(tmpdir(), 'chorus-lifecycle-'));
  });
  afterAll(async () => {
    // Under `npm start` the server is npm's child: a failed test must not leave it serving.
    for (const s of servers) for (const pid of [s.child.pid, s.pid]) if (pid && isAlive(pid)) process.kill(pid, 'SIGKILL');
    await Promise.all([openai.close(), anthropic.close()]);
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = async () => {
    const server = await startServerProcess({
      CHORUS_DATA_DIR: dataDir,
      OPENAI_API_KEY: 'sk-test-openai',
      OPENAI_BASE_URL: `${openai.url}/v1`,
      ANTHROPIC_API_KEY: 'sk-ant-test',
      ANTHROPIC_BASE_URL: anthropic.url,
    });
    servers.push(server);
    return server;
  };

  it('tells WebSocket and SSE clients SHUTTING_DOWN, closes both normally, aborts the provider calls, releases the money and exits within 5 s', async () => {
    const server = await start();
    const request = { images: [fixtureBase64()], paid: 'always', max_cost: 1 };

    const socket = new WebSocket(`${server.url.replace('http', 'ws')}${PROGRESSIVE_PATH}`);
    const wsEvents: { stage: string; code?: string }[] = [];
    const wsClosed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.on('message', (data) => wsEvents.push(JSON.parse(String(data)) as { stage: string; code?: string }));
    socket.once('open', () => socket.send(JSON.stringify({ action: 'extract', ...request })));

    const sse = await fetch(`${server.url}/api/v1/extract`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream' }, body: JSON.stringify(request) });
    expect(sse.status).toBe(200);
    const sseText = sse.text();

    // Both runs are waiting on both hosted models.
    await openai.waitForRequests(2, 10_000);
    await anthropic.waitForRequests(2, 10_000);
    const signalledAt = Date.now();
    server.child.kill('SIGTERM');

    const code = await server.exited;
    expect(Date.now() - signalledAt).toBeLessThan(EXIT_WITHIN_MS);
    expect(code).toBe(0);

    expect(wsEvents.at(-1)).toMatchObject({ stage: 'error', code: 'SHUTTING_DOWN' });
    expect(await wsClosed).toBe(1000);
    const body = await sseText;
    const last = body.trimEnd().split('\n\n').at(-1)!;
    expect(last).toMatch(/^event: error\n/);
    expect(JSON.parse(/^data: (.*)$/m.exec(last)![1]!)).toMatchObject({ stage: 'error', code: 'SHUTTING_DOWN' });

    await openai.waitForAborted(2);
    await anthropic.waitForAborted(2);
    // No paid call started after the signal.
    for (const r of [...openai.requests, ...anthropic.requests]) expect(r.receivedAt).toBeLessThanOrEqual(signalledAt);

    // The reservations were released, not left to be booked as spent by the next start.
    const next = await start();
    const health = (await (await fetch(`${next.url}/api/v1/health`)).json()) as { budget: { spent_today_usd: number } };
    expect(health.budget.spent_today_usd).toBe(0);
    next.child.kill('SIGTERM');
    expect(await next.exited).toBe(0);
  });

  it('under `npm start` the signal reaches the server, and npm exits only after it', async () => {
    const server = await startServerProcess({ CHORUS_DATA_DIR: dataDir }, { command: ['npm', 'start', '--silent'], timeoutMs: 60_000 });
    servers.push(server);
    expect(server.pid).not.toBe(server.child.pid);
    server.child.kill('SIGTERM');
    const code = await server.exited;
    // On failure, say whether the server itself got the signal and stopped, and what it printed.
    expect({ code, serverAlive: isAlive(server.pid), log: code === 0 ? '' : server.log() }).toEqual({ code: 0, serverAlive: false, log: '' });
    await expect(fetch(`${server.url}/api/v1/health`)).rejects.toThrow();
  });
});
