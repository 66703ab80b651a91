import { serve, upgradeWebSocket, type ServerType } from '@hono/node-server';
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

/** The spend cap per UTC day when CHORUS_DAILY_BUDGET_USD is not set: a careful default for a designer's own server. */
export const DEFAULT_DAILY_BUDGET_USD = 5;
/** 8787: the port the plugin's manifest allows in development. */
export const DEFAULT_PORT = 8787;
/** Largest WebSocket message: a request with a few base64 images. */
const MAX_WS_MESSAGE_BYTES = 64 * 1024 * 1024;

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
  // Loopback only by default: the backend holds API keys and spends money; exposing it is a deliberate act.
  const hostname = env.HOST ?? '127.0.0.1';
  const dailyCapUsd = Number(env.CHORUS_DAILY_BUDGET_USD ?? DEFAULT_DAILY_BUDGET_USD);
  if (!Number.isFinite(dailyCapUsd) || dailyCapUsd < 0) throw new Error(`CHORUS_DAILY_BUDGET_USD must be a number of dollars ≥ 0, got "${env.CHORUS_DAILY_BUDGET_USD}".`);
  const dataDirectory = path.resolve(env.CHORUS_DATA_DIR ?? '.chorus');
  await mkdir(dataDirectory, { recursive: true });

  const extractors = createExtractors(loadExtractorsFile(env.CHORUS_EXTRACTORS_CONFIG ?? undefined), env);
  const ledger = await createLedger({ store: new FileLedgerStore(dataDirectory), dailyCapUsd });
  const cache = createResultCache({ store: new FileCacheStore({ dataDirectory }), schema: cachedResultSchema });
  const runs = createRunService({ extractors, ledger, cache, decodeImage });
  const app = createApp({ version, runs, upgradeWebSocket });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_WS_MESSAGE_BYTES });
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
