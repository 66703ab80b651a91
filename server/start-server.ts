import { serve, upgradeWebSocket, type ServerType } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { WebSocketServer } from 'ws';
import { createApp } from './app.ts';
import type { ExtractorEnv } from './extractors/create-extractors.ts';
import { readPlaygroundAssets } from './playground/read-playground-assets.ts';
import { createRunServiceFromEnv } from './run/create-run-service-from-env.ts';
import type { Extractor } from './orchestrator/extractor.ts';
import { LIMITS } from './security/limits.ts';
import { socketLimitsFromEnv } from './security/socket-limits.ts';

/** 8787: the port the plugin's manifest allows in development. */
export const DEFAULT_PORT = 8787;
/** Shortest CHORUS_TOKEN accepted: 128 bits of a random base64 string. */
const MIN_TOKEN_LENGTH = 22;

/** True for addresses only this machine can reach. */
export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '::1' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

export interface StartedServer {
  readonly server: ServerType;
  readonly url: string;
  readonly extractors: readonly Extractor[];
  /** Resolves once every CPU worker thread has loaded (at once without a pool): lets a memory measurement start after the pool's fixed start-up cost. */
  readonly workersReady: Promise<void>;
  close(): Promise<void>;
}

/**
 * Builds everything the backend needs from `env` (the only place that reads it) and listens.
 * Rejects with a readable Error on a bad setting.
 */
export async function startServer(env: ExtractorEnv, version: string): Promise<StartedServer> {
  const port = Number(env.PORT ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}".`);
  // Loopback only by default: the backend holds API keys and spends money; exposing it is a deliberate act,
  // and it needs a token: anyone who can reach an open port could spend the budget.
  const hostname = env.HOST ?? '127.0.0.1';
  const token = env.CHORUS_TOKEN && env.CHORUS_TOKEN.trim() !== '' ? env.CHORUS_TOKEN.trim() : undefined;
  if (!isLoopback(hostname) && !token) {
    throw new Error(`Refusing to listen on ${hostname} without CHORUS_TOKEN: beyond loopback anyone could spend the budget. Set CHORUS_TOKEN (a long random string), or leave HOST unset for 127.0.0.1.`);
  }
  if (token && token.length < MIN_TOKEN_LENGTH) throw new Error(`CHORUS_TOKEN is too short to keep anyone out; use at least ${MIN_TOKEN_LENGTH} random characters.`);
  const allowedOrigins = (env.CHORUS_ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter((o) => o !== '');
  const socketLimits = socketLimitsFromEnv(env);
  const { runs, close: closeStores, workersReady } = await createRunServiceFromEnv(env);
  const extractors = runs.extractors;
  const app = createApp({
    version,
    runs,
    upgradeWebSocket,
    clientId: (c) => getConnInfo(c).remote.address ?? 'unknown',
    ...(token ? { token } : {}),
    allowedOrigins,
    socketLimits,
    playground: readPlaygroundAssets(),
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: LIMITS.maxWsMessageBytes });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname, websocket: { server: wss } }, (info) => {
      let closing: Promise<void> | undefined;
      resolve({
        server,
        url: `http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${info.port}`,
        extractors,
        workersReady,
        close: () => (closing ??= shutDown(server, wss, runs.shutdown, closeStores)),
      });
    });
    server.once('error', reject);
  });
}

/** How long sockets get to finish their close handshake after their runs ended, before they are cut. */
const CLOSE_GRACE_MS = 1_000;

/**
 * Stops accepting connections, stops every run (each client is told SHUTTING_DOWN and its socket or
 * stream ends normally), then cuts whatever is left and closes the stores.
 */
async function shutDown(server: ServerType, wss: WebSocketServer, stopRuns: () => Promise<void>, closeStores: () => Promise<void>): Promise<void> {
  const listenerClosed = new Promise<void>((done) => server.close(() => done()));
  await stopRuns();
  const deadline = Date.now() + CLOSE_GRACE_MS;
  while (wss.clients.size > 0 && Date.now() < deadline) await new Promise((wake) => setTimeout(wake, 20));
  for (const client of wss.clients) client.terminate();
  wss.close();
  // Keep-alive connections idle between requests would hold `server.close` open until their timeout.
  if ('closeIdleConnections' in server) server.closeIdleConnections();
  const cut = setTimeout(() => {
    if ('closeAllConnections' in server) server.closeAllConnections();
  }, CLOSE_GRACE_MS);
  await listenerClosed;
  clearTimeout(cut);
  await closeStores();
}
