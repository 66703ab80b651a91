/**
 * The backend's limits at the edge, in one place. Each exists so that no client, careless or
 * hostile, can take the server's memory, CPU or budget from everyone else.
 */
export const LIMITS = {
  /** Largest HTTP body: a request with a few base64 screenshots. */
  maxBodyBytes: 64 * 1024 * 1024,
  /** Largest WebSocket message: the same request over a socket. */
  maxWsMessageBytes: 64 * 1024 * 1024,
  /** Deepest JSON nesting accepted: the protocol needs 5; anything far deeper is an attack on the parser. */
  maxJsonDepth: 32,
  /** Pixels one request may carry across its images: 40 MP, a 6K screen or a long 2x capture, as one image may. */
  maxPixelsPerRequest: 40_000_000,
  /**
   * Decoded pixels held by all runs at once: 200 MP is 800 MB of RGBA. A request that would pass it
   * waits for no one: it is refused as busy, to be retried, so memory stays bounded under load.
   */
  maxPixelsInFlight: 200_000_000,
  /** Runs one WebSocket connection may start: a plugin session extracts dozens of times, not thousands. */
  runsPerConnection: 200,
  /** Runs one client may have going at once. */
  concurrentRunsPerClient: 8,
  /** Runs one client may start per minute. */
  runsPerMinutePerClient: 120,
  /** Clients remembered by the rate limiter; the least recently seen are forgotten first. */
  maxTrackedClients: 10_000,
} as const;
export type Limits = { -readonly [K in keyof typeof LIMITS]: number };
