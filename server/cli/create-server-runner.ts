import WebSocket from 'ws';
import { runEventSchema, type RunEvent } from '../../core/protocol/run-event.ts';
import { PROGRESSIVE_PATH, progressiveUrl } from '../../core/protocol/progressive-url.ts';
import { BackendUnreachable, RunTransportError, type TierRunner } from './tier-runner.ts';

/** How long opening the WebSocket (TCP connect and HTTP upgrade) may take: a backend on a LAN answers in milliseconds. */
export const CONNECT_TIMEOUT_MS = 10_000;
/**
 * How long one run may stream before the CLI gives up: the shipped tiers' timeouts run one tier
 * after another, 10 + 20 + 90 + 45 + 120 s = 285 s at worst (server/config/extractors.json), plus room.
 */
export const RUN_TIMEOUT_MS = 300_000;
/** Largest message taken from the backend: an event carries a tier's consensus, a few tens of KB. */
const MAX_EVENT_BYTES = 16 * 1024 * 1024;

export interface ServerRunnerOptions {
  readonly connectTimeoutMs?: number;
  readonly runTimeoutMs?: number;
}

/**
 * Streams each run from a running backend over its WebSocket (`/api/v1/extract/progressive`),
 * one connection per run, every message checked against `runEventSchema`. Closing the socket
 * (on a timeout or `signal`) makes the backend abort the run and its provider calls.
 */
export function createServerRunner(server: URL, options: ServerRunnerOptions = {}): TierRunner {
  const connectTimeoutMs = options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS;
  const runTimeoutMs = options.runTimeoutMs ?? RUN_TIMEOUT_MS;
  // A ws(s) address is accepted too: it names the same server.
  const url = progressiveUrl(server.href.replace(/^ws/i, 'http'));
  const where = displayUrl(server);

  return {
    run: (image, request, onEvent, signal) =>
      new Promise<void>((resolve, reject) => {
        const socket = new WebSocket(url, { handshakeTimeout: connectTimeoutMs, maxPayload: MAX_EVENT_BYTES });
        let opened = false;
        let settled = false;
        let runTimer: ReturnType<typeof setTimeout> | undefined;
        const connectTimer = setTimeout(
          () => fail(new BackendUnreachable(`can't reach the backend at ${where}: no answer within ${connectTimeoutMs / 1000} s`)),
          connectTimeoutMs,
        );
        const onAbort = () => fail(new RunTransportError('CANCELLED', 'cancelled'));

        const cleanUp = () => {
          settled = true;
          clearTimeout(connectTimer);
          clearTimeout(runTimer);
          signal.removeEventListener('abort', onAbort);
        };
        function fail(error: Error): void {
          if (settled) return;
          cleanUp();
          // terminate, not close: nothing more is wanted from this socket, and the backend aborts the run when it drops.
          socket.terminate();
          reject(error);
        }
        const finish = () => {
          if (settled) return;
          cleanUp();
          socket.close(1000);
          resolve();
        };

        if (signal.aborted) return onAbort();
        signal.addEventListener('abort', onAbort, { once: true });

        socket.on('unexpected-response', (_request, response) => {
          fail(new BackendUnreachable(`can't reach the backend at ${where}: it answered HTTP ${response.statusCode} instead of opening ${PROGRESSIVE_PATH} (is it a Chorus backend?)`));
        });
        socket.on('open', () => {
          opened = true;
          clearTimeout(connectTimer);
          runTimer = setTimeout(
            () => fail(new RunTransportError('TIMEOUT', `the backend at ${where} did not finish the run within ${runTimeoutMs / 1000} s`)),
            runTimeoutMs,
          );
          socket.send(JSON.stringify(request));
        });
        socket.on('message', (data, isBinary) => {
          if (settled) return;
          const event = isBinary ? undefined : parseEvent(String(data));
          if (!event) return fail(new RunTransportError('BAD_EVENT', `the backend at ${where} sent a message outside the protocol: ${String(data).slice(0, 120)}`));
          onEvent(event);
          if (event.stage === 'complete' || event.stage === 'error') finish();
        });
        socket.on('error', (error) => {
          if (opened) fail(new RunTransportError('DISCONNECTED', `the connection to the backend at ${where} failed: ${describeSocketError(error)}`));
          else fail(new BackendUnreachable(`can't reach the backend at ${where}: ${describeSocketError(error)}`));
        });
        socket.on('close', (code) => {
          fail(new RunTransportError('DISCONNECTED', `the backend at ${where} closed the connection before the run completed (WebSocket code ${code})`));
        });
      }),
    close: () => Promise.resolve(),
  };
}


/** The server URL as a person typed it, without the slash `URL` adds. */
function displayUrl(server: URL): string {
  return server.href.replace(/\/$/, '');
}

function parseEvent(text: string): RunEvent | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = runEventSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

/** A socket error in one line. Node's happy-eyeballs connect fails with an AggregateError whose own message is empty. */
function describeSocketError(error: Error): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    return [...new Set(error.errors.map((e: unknown) => (e instanceof Error ? e.message : String(e))))].join('; ');
  }
  const code = (error as NodeJS.ErrnoException).code;
  return (error.message || code || 'connection failed').split('\n')[0]!;
}
