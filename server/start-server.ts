import { serve, upgradeWebSocket, type ServerType } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { WebSocketServer } from 'ws';
import { createApp } from './app.ts';
import { createLedger } from './budget/ledger.ts';
import { FileLedgerStore } from './budget/file-ledger-store.ts';
import { createResultCache } from './cache/result-cache.ts';
import { FileCacheStore } from './cache/file-cache-store.ts';
import { loadExtractorsFile } from './config/load-extractors-file.ts';
import { decodeImage } from './decode/decode-image.ts';
import { createExtractors, type ExtractorEnv } from './extractors/create-extractors.ts';
import type { Extractor } from './orchestrator/extractor.ts';
import { cachedResultSchema } from './run/cached-result-schema.ts';
import { createRunService } from './run/run-service.ts';
import { LIMITS } from './security/limits.ts';

/** The spend cap per UTC day when CHORUS_DAILY_BUDGET_USD is not set: a careful default for a designer's own server. */
export const DEFAULT_DAILY_BUDGET_USD = 5;
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
  const dailyCapUsd = Number(env.CHORUS_DAILY_BUDGET_USD ?? DEFAULT_DAILY_BUDGET_USD);
  if (!Number.isFinite(dailyCapUsd) || dailyCapUsd < 0) throw new Error(`CHORUS_DAILY_BUDGET_USD must be a number of dollars ≥ 0, got "${env.CHORUS_DAILY_BUDGET_USD}".`);
  const dataDirectory = path.resolve(env.CHORUS_DATA_DIR ?? '.chorus');
  await mkdir(dataDirectory, { recursive: true });

  const extractors = createExtractors(loadExtractorsFile(env.CHORUS_EXTRACTORS_CONFIG ?? undefined), env);
  const ledger = await createLedger({ store: new FileLedgerStore(dataDirectory), dailyCapUsd });
  const cache = createResultCache({ store: new FileCacheStore({ dataDirectory }), schema: cachedResultSchema });
  const runs = createRunService({ extractors, ledger, cache, decodeImage });
  const app = createApp({
    version,
    runs,
    upgradeWebSocket,
    clientId: (c) => getConnInfo(c).remote.address ?? 'unknown',
    ...(token ? { token } : {}),
    allowedOrigins,
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: LIMITS.maxWsMessageBytes });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname, websocket: { server: wss } }, (info) => {
      resolve({
        server,
        url: `http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${info.port}`,
        extractors,
        close: () =>
          new Promise<void>((done) => {
            for (const client of wss.clients) client.terminate();
            wss.close();
            server.close(() => done());
          }),
      });
    });
    server.once('error', reject);
  });
}
