import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { UpgradeWebSocket } from 'hono/ws';
import { ApiException, type ApiError } from './run/api-exception.ts';
import type { RunService } from './run/run-service.ts';
import { checkOrigin } from './security/check-origin.ts';
import { corsPolicy } from './security/cors-policy.ts';
import { requireToken } from './security/require-token.ts';
import { mountDashboard } from './routes/dashboard.ts';
import { mountExtractHttp } from './routes/extract-http.ts';
import { mountProgressiveWebSocket } from './routes/extract-progressive-ws.ts';
import { mountPlayground, type PlaygroundAssets } from './routes/playground.ts';
import { createOpenSockets } from './routes/open-sockets.ts';
import { DEFAULT_SOCKET_LIMITS, type SocketLimits } from './security/socket-limits.ts';

export type { ApiError } from './run/api-exception.ts';

/** What the app needs from its runtime. Decoding, storage and the WebSocket upgrade are adapters, so the app itself runs on any Hono runtime. */
export interface AppDeps {
  readonly version: string;
  readonly runs: RunService;
  /** The runtime's WebSocket upgrade (Node: `@hono/node-server`'s); without it the progressive route is absent. */
  readonly upgradeWebSocket?: UpgradeWebSocket;
  /** Who is calling, for per-client limits (Node: the peer address). Default: everyone is one client. */
  readonly clientId?: (c: Context) => string;
  /** When set, every /api call must carry it (see security/require-token.ts). */
  readonly token?: string;
  /** Browser origins besides the plugin's `null` that may call the API. */
  readonly allowedOrigins?: readonly string[];
  /** Caps on the progressive WebSocket (default DEFAULT_SOCKET_LIMITS; the server reads them from the environment). */
  readonly socketLimits?: SocketLimits;
  /** The built browser playground, served at `/` (Node: read from dist/); without it `/` is a 404. */
  readonly playground?: PlaygroundAssets;
}

/** The Chorus backend's routes. */
export function createApp(deps: AppDeps) {
  const app = new Hono();
  const sockets = createOpenSockets(deps.socketLimits ?? DEFAULT_SOCKET_LIMITS);

  app.onError((error, c) => {
    if (error instanceof ApiException) return c.json<ApiError>({ error: { code: error.code, message: error.message } }, error.status);
    if (error instanceof HTTPException) return c.json<ApiError>({ error: { code: 'HTTP_ERROR', message: error.message } }, error.status);
    console.error('chorus: unexpected error', error);
    return c.json<ApiError>({ error: { code: 'INTERNAL', message: 'Something went wrong on the Chorus server. Try again; if it keeps happening, check the server log.' } }, 500);
  });
  app.notFound((c) => c.json<ApiError>({ error: { code: 'NOT_FOUND', message: `No route ${c.req.method} ${c.req.path}.` } }, 404));

  app.use('/api/*', corsPolicy(deps.allowedOrigins ?? []));
  app.use('/api/*', checkOrigin(deps.allowedOrigins ?? []));
  app.use('/api/*', requireToken(deps.token));
  app.use('/dashboard', requireToken(deps.token));

  app.get('/api/v1/health', async (c) => {
    // Other processes book against the same cap: read the figures fresh. A failing store shows as `ledger: unavailable`.
    await deps.runs.ledger.refresh().catch(() => undefined);
    return c.json({
      status: 'ok',
      version: deps.version,
      extractors: deps.runs.extractors.map((e) => ({
        id: e.id,
        tier: e.tier,
        kind: e.kind,
        weight: e.weight,
        ...(e.model ? { model: e.model } : {}),
        live: e.unavailable === undefined,
        ...(e.unavailable ? { reason: e.unavailable.reason } : {}),
      })),
      websocket: {
        open: sockets.count(),
        max_connections: sockets.limits.maxConnections,
        max_connections_per_client: sockets.limits.maxConnectionsPerClient,
        max_buffered_bytes: sockets.limits.maxBufferedBytes,
        max_invalid_messages: sockets.limits.maxInvalidMessages,
        idle_timeout_ms: sockets.limits.idleTimeoutMs,
        ping_interval_ms: sockets.limits.pingIntervalMs,
      },
      budget: {
        daily_cap_usd: deps.runs.ledger.dailyCapUsd,
        spent_today_usd: deps.runs.ledger.spentToday(),
        reserved_today_usd: deps.runs.ledger.reservedToday(),
        remaining_today_usd: deps.runs.ledger.remainingToday(),
        ledger: deps.runs.ledger.available() ? 'ok' : 'unavailable',
      },
    });
  });

  mountDashboard(app, deps.runs, deps.version);
  const clientId = deps.clientId ?? (() => 'anonymous');
  mountExtractHttp(app, deps.runs, clientId);
  if (deps.upgradeWebSocket) mountProgressiveWebSocket(app, deps.runs, deps.upgradeWebSocket, clientId, sockets);
  if (deps.playground) mountPlayground(app, deps.playground);
  // Browsers ask for it on every page here (the playground, the dashboard): nothing, rather than a 404 in their console.
  app.get('/favicon.ico', (c) => c.body(null, 204));
  return app;
}
