import type { ExtractRequest } from '../../core/protocol/extract-request.ts';
import { runEventSchema, type RunEvent } from '../../core/protocol/run-event.ts';
import { openBrowserSocket, type OpenRunSocket, type RunSocket } from './run-socket.ts';

/**
 * How long a connection may take to open. A local backend answers (or refuses) in milliseconds;
 * an address that silently drops packets would otherwise leave the designer waiting on the
 * browser's own timeout, which is minutes.
 */
export const CONNECT_TIMEOUT_MS = 5_000;
/**
 * How long a connected run may go without an event. Every extractor has a server-side timeout
 * (the longest shipped, tier 4's, is 120 s, server/config/extractors.json) after which the server
 * reports it, so this much silence means the backend is gone.
 */
export const IDLE_TIMEOUT_MS = 150_000;
/** WebSocket close code for a normal closure (RFC 6455 §7.4.1). */
const NORMAL_CLOSURE = 1000;

/** Why a stream ended. Each run ends exactly once, unless it was cancelled. */
export type StreamEnd =
  /** The server sent the run's last event, `complete` or `error`. */
  | { readonly kind: 'ended' }
  /** No connection: refused, blocked, a bad address, or no answer within the connect timeout. */
  | { readonly kind: 'unreachable'; readonly detail: string; /** The connect timeout gave up, not the browser. */ readonly timedOut?: true }
  /** The connection closed before the run's last event. */
  | { readonly kind: 'closed'; readonly code: number; readonly reason: string }
  /** Connected, but nothing arrived for the idle timeout. */
  | { readonly kind: 'silent'; readonly idleMs: number };

export interface StreamRunOptions {
  /** `ws(s)://…/api/v1/extract/progressive`. */
  readonly url: string;
  /** Sent once the socket opens. */
  readonly request: ExtractRequest;
  /** Each server event that matches the protocol, in arrival order. */
  readonly onEvent: (event: RunEvent) => void;
  readonly onEnd: (end: StreamEnd) => void;
  readonly openSocket?: OpenRunSocket;
  readonly connectTimeoutMs?: number;
  readonly idleTimeoutMs?: number;
  /** Where ignored messages are reported. Defaults to console.warn. */
  readonly warn?: (message: string) => void;
}

export interface StreamHandle {
  /** Asks the server to cancel (`{"action":"cancel"}`) and closes. No callback is called after it. */
  cancel(): void;
}

/**
 * Streams one run over a WebSocket: opens `url` within the connect timeout, sends the request,
 * parses every message with `runEventSchema` (one that is not JSON or not in the protocol is
 * ignored, with a warning) and closes after the run's last event. Never throws: every way a run
 * can stop short is reported once through `onEnd`.
 */
export function streamRun(options: StreamRunOptions): StreamHandle {
  const openSocket = options.openSocket ?? openBrowserSocket;
  const warn = options.warn ?? ((message: string) => console.warn(message));
  const connectTimeoutMs = options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS;
  const idleTimeoutMs = options.idleTimeoutMs ?? IDLE_TIMEOUT_MS;
  let socket: RunSocket | undefined;
  let opened = false;
  let done = false;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;

  const close = (): void => {
    try {
      socket?.close(NORMAL_CLOSURE);
    } catch {
      // Already closing: nothing more to release.
    }
  };
  const stop = (): void => {
    done = true;
    clearTimeout(connectTimer);
    clearTimeout(idleTimer);
  };
  const finish = (end: StreamEnd): void => {
    if (done) return;
    stop();
    close();
    options.onEnd(end);
  };
  const armIdle = (): void => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => finish({ kind: 'silent', idleMs: idleTimeoutMs }), idleTimeoutMs);
  };

  const receive = (data: unknown): void => {
    if (done) return;
    armIdle();
    if (typeof data !== 'string') {
      warn('Chorus ignored a binary message from the backend; the protocol sends JSON text.');
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      warn(`Chorus ignored a message from the backend that is not JSON: ${data.slice(0, 80)}`);
      return;
    }
    const parsed = runEventSchema.safeParse(json);
    if (!parsed.success) {
      warn(`Chorus ignored a message from the backend outside the protocol: ${describeIssues(parsed.error.issues)}`);
      return;
    }
    options.onEvent(parsed.data);
    // onEvent may have cancelled the run.
    if (!done && (parsed.data.stage === 'complete' || parsed.data.stage === 'error')) finish({ kind: 'ended' });
  };

  const connectTimer = setTimeout(
    () => finish({ kind: 'unreachable', detail: `no connection within ${Math.round(connectTimeoutMs / 1000)} s`, timedOut: true }),
    connectTimeoutMs,
  );
  try {
    socket = openSocket(options.url, {
      onOpen() {
        opened = true;
        // Cancelled while connecting: leave now. (Closing a socket that is still connecting makes
        // the browser log an error; closing an open one does not.)
        if (done) return close();
        clearTimeout(connectTimer);
        armIdle();
        socket?.send(JSON.stringify(options.request));
      },
      onMessage: receive,
      onClose(code, reason) {
        if (opened) finish({ kind: 'closed', code, reason });
        else finish({ kind: 'unreachable', detail: `connection failed (close code ${code})` });
      },
    });
  } catch (error) {
    finish({ kind: 'unreachable', detail: error instanceof Error ? error.message : String(error) });
  }

  return {
    cancel() {
      if (done) return;
      stop();
      if (!opened) return;
      try {
        socket?.send(JSON.stringify({ action: 'cancel' }));
      } catch {
        // The socket is closing already; the server aborts the run when it closes.
      }
      close();
    },
  };
}

/** `plan.0.tier: Invalid input; …` — the first few issues, short enough for a console line. */
function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.map(String).join('.') : 'message'}: ${issue.message}`)
    .join('; ');
}
