/**
 * Limits on the progressive WebSocket, each against one way a client (careless or hostile) could
 * take the server's memory or sockets from everyone else. Configurable from the environment
 * (`socketLimitsFromEnv`), reported by `/api/v1/health`.
 */
export interface SocketLimits {
  /**
   * Bytes queued for sending on one socket before it is cut. A client that does not read makes
   * every event pile up in the server's memory; a whole run's events are tens of KB, so 4 MiB is
   * only ever reached by a socket that stopped reading.
   */
  readonly maxBufferedBytes: number;
  /** Invalid messages one connection may send, each answered with an error; past this it is closed (1008). */
  readonly maxInvalidMessages: number;
  /** WebSockets open at once on this server process. */
  readonly maxConnections: number;
  /** WebSockets open at once from one client (peer address). A plugin uses one at a time. */
  readonly maxConnectionsPerClient: number;
  /** A socket with no run and no message for this long is closed (1000); 0 turns it off. */
  readonly idleTimeoutMs: number;
  /** The server pings every socket this often and cuts one that did not answer the previous ping; 0 turns it off. */
  readonly pingIntervalMs: number;
}

export const DEFAULT_SOCKET_LIMITS: SocketLimits = {
  maxBufferedBytes: 4 * 1024 * 1024,
  maxInvalidMessages: 20,
  maxConnections: 1_000,
  maxConnectionsPerClient: 16,
  idleTimeoutMs: 5 * 60_000,
  // Under the 60 s idle timeout common in load balancers and proxies, so a quiet socket stays open through them.
  pingIntervalMs: 30_000,
};

/** Environment variable of each limit. */
export const SOCKET_LIMIT_ENV: Readonly<Record<keyof SocketLimits, string>> = {
  maxBufferedBytes: 'CHORUS_WS_MAX_BUFFERED_BYTES',
  maxInvalidMessages: 'CHORUS_WS_MAX_INVALID_MESSAGES',
  maxConnections: 'CHORUS_WS_MAX_CONNECTIONS',
  maxConnectionsPerClient: 'CHORUS_WS_MAX_CONNECTIONS_PER_CLIENT',
  idleTimeoutMs: 'CHORUS_WS_IDLE_TIMEOUT_MS',
  pingIntervalMs: 'CHORUS_WS_PING_INTERVAL_MS',
};

/** The limits with any set in `env` (whole numbers ≥ 0). Throws a readable Error on a bad value. */
export function socketLimitsFromEnv(env: Readonly<Record<string, string | undefined>>): SocketLimits {
  const limits: Record<keyof SocketLimits, number> = { ...DEFAULT_SOCKET_LIMITS };
  for (const key of Object.keys(SOCKET_LIMIT_ENV) as (keyof SocketLimits)[]) {
    const raw = env[SOCKET_LIMIT_ENV[key]];
    if (raw === undefined || raw.trim() === '') continue;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${SOCKET_LIMIT_ENV[key]} must be a whole number ≥ 0, got "${raw}".`);
    limits[key] = value;
  }
  return limits;
}
