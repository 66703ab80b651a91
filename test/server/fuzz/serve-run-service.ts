import { serve, upgradeWebSocket } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { WebSocketServer } from 'ws';
import { createApp } from '../../../server/app.ts';
import type { RunService } from '../../../server/run/run-service.ts';
import type { SocketLimits } from '../../../server/security/socket-limits.ts';

/** A served app: its base URL (`http://127.0.0.1:port`) and how to stop it. */
export interface ServedApp {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves the Chorus app over `runs` on 127.0.0.1 (an ephemeral port), wired as
 * `server/start-server.ts` wires it (node-server, the ws upgrade, the peer address as client id),
 * so a test can give the run service limits of its own. Close ends every connection and stops listening.
 */
export function serveRunService(runs: RunService, version = 'test', socketLimits?: SocketLimits): Promise<ServedApp> {
  const app = createApp({ version, runs, upgradeWebSocket, clientId: (c) => getConnInfo(c).remote.address ?? 'unknown', ...(socketLimits ? { socketLimits } : {}) });
  const wss = new WebSocketServer({ noServer: true, maxPayload: runs.limits.maxWsMessageBytes });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1', websocket: { server: wss } }, (info) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
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
