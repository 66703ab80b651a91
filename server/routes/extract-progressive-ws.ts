import type { Context, Hono } from 'hono';
import type { UpgradeWebSocket, WSContext } from 'hono/ws';
import { clientMessageSchema } from '../../core/protocol/extract-request.ts';
import type { RunEvent } from '../../core/protocol/run-event.ts';
import { ApiException } from '../run/api-exception.ts';
import type { RunService } from '../run/run-service.ts';
import { PROGRESSIVE_PATH } from '../../core/protocol/progressive-url.ts';
import { jsonDepth } from '../security/json-depth.ts';
import { LIMITS } from '../security/limits.ts';
import type { OpenSockets } from './open-sockets.ts';

/** RFC 6455 close codes used here. */
const CLOSE = {
  /** Deliberate and complete: the client got every event, the last one saying why. */
  normal: 1000,
  /** The client broke the protocol's rules (too many runs, too many invalid messages). */
  policy: 1008,
  /** The server cannot take this socket now (connection caps). */
  tryAgainLater: 1013,
} as const;
const SHUTTING_DOWN_IDLE = 'The Chorus server is shutting down. Reconnect in a moment.';

/**
 * What the Node adapter's socket (`ws`) offers beyond `WSContext`: its send queue, ping/pong and a
 * hard cut. On a runtime without them the buffered-bytes cap and the ping are not enforced.
 */
interface NodeSocket {
  readonly bufferedAmount: number;
  ping(): void;
  terminate(): void;
  on(event: 'pong', listener: () => void): unknown;
}

function nodeSocket(raw: unknown): NodeSocket | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const candidate = raw as Partial<Record<keyof NodeSocket, unknown>>;
  return typeof candidate.bufferedAmount === 'number' && typeof candidate.ping === 'function' && typeof candidate.terminate === 'function' && typeof candidate.on === 'function'
    ? (raw as NodeSocket)
    : undefined;
}

/**
 * `GET /api/v1/extract/progressive` (WebSocket): the client sends `{"action":"extract",…}`, the
 * server streams the run's events; `{"action":"cancel"}` or closing the socket aborts the run and
 * its provider calls. One run at a time per connection. Sockets are capped in number (server-wide
 * and per client), in bytes waiting to be sent, in invalid messages, and in idle time; see
 * `SocketLimits` and docs/protocol.md.
 */
export function mountProgressiveWebSocket(app: Hono, service: RunService, upgradeWebSocket: UpgradeWebSocket, clientId: (c: Context) => string, sockets: OpenSockets): void {
  const { limits } = sockets;
  app.get(
    PROGRESSIVE_PATH,
    upgradeWebSocket((c) => {
      const client = clientId(c);
      let runs = 0;
      let invalid = 0;
      let current: AbortController | undefined;
      let counted = false;
      let closed = false;
      let raw: NodeSocket | undefined;
      let idleTimer: ReturnType<typeof setTimeout> | undefined;
      let pingTimer: ReturnType<typeof setInterval> | undefined;
      let onStopping: (() => void) | undefined;

      const cut = (ws: WSContext, why: string) => {
        if (closed) return;
        console.warn(`chorus: closing a WebSocket from ${client}: ${why}`);
        if (raw) raw.terminate();
        else ws.close(CLOSE.policy, why);
      };
      const send = (ws: WSContext, event: RunEvent) => {
        // A socket that is closing cannot take more; the run is being aborted anyway.
        if (ws.readyState !== 1) return;
        ws.send(JSON.stringify(event));
        // A client that stopped reading: its events would pile up in memory, so it is cut (and its run aborted by onClose).
        if (raw && raw.bufferedAmount > limits.maxBufferedBytes) cut(ws, `over ${limits.maxBufferedBytes} bytes waiting to be sent (the client is not reading)`);
      };
      const refuse = (ws: WSContext, code: string, message: string) =>
        send(ws, { v: 1, run_id: '', seq: 0, total_cost: 0, stage: 'error', code, message });
      const close = (ws: WSContext, code: number, reason: string) => {
        if (ws.readyState === 1) ws.close(code, reason);
      };
      /** An invalid message is answered, up to the cap; then the connection is closed, so a flood costs the server nothing more. */
      const invalidMessage = (ws: WSContext, code: string, message: string) => {
        if (++invalid > limits.maxInvalidMessages) {
          refuse(ws, 'TOO_MANY_INVALID', `This connection sent ${limits.maxInvalidMessages} invalid messages; it is closed. Check the client against docs/protocol.md.`);
          return close(ws, CLOSE.policy, 'too many invalid messages');
        }
        refuse(ws, code, message);
      };
      const armIdle = (ws: WSContext) => {
        if (idleTimer) clearTimeout(idleTimer);
        if (limits.idleTimeoutMs === 0 || current) return;
        idleTimer = setTimeout(() => close(ws, CLOSE.normal, 'idle'), limits.idleTimeoutMs);
      };

      return {
        onOpen(_event, ws) {
          // Refused after the upgrade rather than before: Node's adapter sends an upgrade's HTTP refusal without a body, so the client could not read why.
          const refusal = sockets.refusal(client);
          if (refusal) {
            refuse(ws, refusal.code, refusal.message);
            return close(ws, CLOSE.tryAgainLater, 'too many sockets');
          }
          sockets.opened(client);
          counted = true;
          raw = nodeSocket(ws.raw);
          if (raw && limits.pingIntervalMs > 0) {
            let answered = true;
            raw.on('pong', () => {
              answered = true;
            });
            pingTimer = setInterval(() => {
              if (!answered) return cut(ws, `no answer to a ping within ${limits.pingIntervalMs} ms`);
              answered = false;
              raw?.ping();
            }, limits.pingIntervalMs);
          }
          armIdle(ws);
          // On shutdown an idle socket is told and closed now; one with a run is closed once the run has sent its last event.
          onStopping = () => {
            if (current) return;
            refuse(ws, 'SHUTTING_DOWN', SHUTTING_DOWN_IDLE);
            close(ws, CLOSE.normal, 'server shutting down');
          };
          if (service.stopping.aborted) return onStopping();
          service.stopping.addEventListener('abort', onStopping, { once: true });
        },
        onMessage(event, ws) {
          armIdle(ws);
          if (typeof event.data !== 'string') return invalidMessage(ws, 'BAD_MESSAGE', 'Send JSON text messages, not binary frames.');
          if (jsonDepth(event.data, LIMITS.maxJsonDepth) > LIMITS.maxJsonDepth) {
            return invalidMessage(ws, 'TOO_DEEP', `The message is nested deeper than ${LIMITS.maxJsonDepth} levels.`);
          }
          let json: unknown;
          try {
            json = JSON.parse(event.data);
          } catch {
            return invalidMessage(ws, 'BAD_MESSAGE', 'The message is not JSON.');
          }
          const parsed = clientMessageSchema.safeParse(json);
          if (!parsed.success) {
            const issue = parsed.error.issues[0];
            return invalidMessage(ws, 'BAD_MESSAGE', `The message is not a valid request (${issue?.path.join('.') || 'message'}: ${issue?.message}).`);
          }
          const message = parsed.data;
          if (message.action === 'cancel') {
            current?.abort();
            return;
          }
          if (current) return invalidMessage(ws, 'RUN_IN_PROGRESS', 'A run is already going on this connection; cancel it or wait for it to complete.');
          if (++runs > service.limits.runsPerConnection) {
            refuse(ws, 'TOO_MANY_RUNS', `This connection has started ${service.limits.runsPerConnection} runs; open a new one.`);
            return close(ws, CLOSE.policy, 'too many runs');
          }
          const controller = new AbortController();
          current = controller;
          armIdle(ws);
          service
            .prepare(message, client)
            .then((prepared) => service.run(prepared, message, (e) => send(ws, e), controller.signal))
            .catch((error: unknown) => {
              if (error instanceof ApiException) refuse(ws, error.code, error.message);
              else {
                console.error('chorus: run failed unexpectedly', error);
                refuse(ws, 'INTERNAL', 'The run failed on the server. Try again; if it keeps happening, check the server log.');
              }
            })
            .finally(() => {
              if (current === controller) current = undefined;
              if (service.stopping.aborted) close(ws, CLOSE.normal, 'server shutting down');
              else if (!closed) armIdle(ws);
            });
        },
        onClose() {
          closed = true;
          current?.abort();
          if (idleTimer) clearTimeout(idleTimer);
          if (pingTimer) clearInterval(pingTimer);
          if (onStopping) service.stopping.removeEventListener('abort', onStopping);
          if (counted) sockets.closed(client);
          counted = false;
        },
        onError() {
          current?.abort();
        },
      };
    }),
  );
}
