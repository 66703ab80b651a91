import { blockedOrigins } from './blocked-origins.ts';

/** Why a run's WebSocket never opened, as far as the iframe can tell. */
export type UnreachableCause =
  /** The plugin's manifest does not list the server's origins: Figma's content-security policy blocks them. */
  | 'blocked'
  /** No answer within the connect timeout (a firewall that drops packets, a sleeping host). */
  | 'timed-out'
  /** The server answered and refused the access token (HTTP 401). */
  | 'token-rejected'
  /** The server answers HTTP but not the WebSocket upgrade (a proxy that does not pass it on). */
  | 'no-websocket'
  /** Nothing accepts connections there: the server is not running, or the address is wrong. */
  | 'refused';

export interface UnreachableDiagnosis {
  readonly cause: UnreachableCause;
  /** One sentence; text between backticks is a command. */
  readonly message: string;
}

export interface DiagnoseOptions {
  /** The manifest's allowedDomains and devAllowedDomains; undefined where no manifest applies (the playground). */
  readonly reachableDomains?: readonly string[] | undefined;
  /** For the health probe (the playground's adds its token). */
  readonly fetch?: typeof fetch;
  /** How long the health probe may take. */
  readonly probeTimeoutMs?: number;
}

/** A reachable server answers its health route in milliseconds; a few seconds covers a cold proxy. */
export const PROBE_TIMEOUT_MS = 3_000;
const HTTP_UNAUTHORIZED = 401;

/**
 * Tells the designer why the backend at `serverUrl` could not be reached, from what is known
 * without asking (the manifest's origins; `timedOut`, the socket's connect timeout) and, for the
 * rest, one `GET /api/v1/health`: a 401 is a refused token, any other answer means HTTP works but
 * the WebSocket does not, and no answer at all is a refused connection. Never rejects.
 */
export async function diagnoseUnreachable(serverUrl: string, timedOut: boolean, options: DiagnoseOptions = {}): Promise<UnreachableDiagnosis> {
  const blocked = options.reachableDomains ? blockedOrigins(serverUrl, options.reachableDomains) : [];
  if (blocked.length > 0) {
    return {
      cause: 'blocked',
      message: `Figma blocked the connection to ${serverUrl}: this build of Chorus may only reach the servers in its manifest. Build it for this server with \`CHORUS_BACKEND_URL=${serverUrl} npm run build\` and import dist/manifest.json, or change the server in settings.`,
    };
  }
  if (timedOut) {
    return {
      cause: 'timed-out',
      message: `The Chorus backend at ${serverUrl} did not answer in time. Check the address and that the server is running and reachable from this computer, or change the server in settings.`,
    };
  }
  const status = await probeHealth(serverUrl, options.fetch ?? ((input, init) => fetch(input, init)), options.probeTimeoutMs ?? PROBE_TIMEOUT_MS);
  if (status === HTTP_UNAUTHORIZED) {
    return {
      cause: 'token-rejected',
      message: `The Chorus backend at ${serverUrl} refused Chorus's access token (its CHORUS_TOKEN was missing or wrong). Ask whoever runs it for access, or change the server in settings.`,
    };
  }
  if (status !== undefined) {
    return {
      cause: 'no-websocket',
      message: `The Chorus backend at ${serverUrl} answers, but not over WebSocket: a proxy in front of it must pass WebSocket upgrades on. Ask whoever runs it, or change the server in settings.`,
    };
  }
  return {
    cause: 'refused',
    message: `Nothing answers at ${serverUrl}: start the Chorus backend there (\`npm start\` for one on this computer), or change the server in settings.`,
  };
}

/** The health route's HTTP status, or undefined when no answer came (refused, reset, timed out). */
async function probeHealth(serverUrl: string, probe: typeof fetch, timeoutMs: number): Promise<number | undefined> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await probe(`${serverUrl.trim().replace(/[?#].*$/, '').replace(/\/+$/, '')}/api/v1/health`, { signal: controller.signal });
    await response.body?.cancel();
    return response.status;
  } catch {
    // What fetch reports as a TypeError is the absence of an answer: the cause this returns.
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
