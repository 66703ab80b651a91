import type { Context, Hono } from 'hono';
import type { UpgradeWebSocket, WSContext } from 'hono/ws';
import { clientMessageSchema } from '../../core/protocol/extract-request.ts';
import type { RunEvent } from '../../core/protocol/run-event.ts';
import { ApiException } from '../run/api-exception.ts';
import type { RunService } from '../run/run-service.ts';
import { PROGRESSIVE_PATH } from '../../core/protocol/progressive-url.ts';
import { jsonDepth } from '../security/json-depth.ts';
import { LIMITS } from '../security/limits.ts';

/** RFC 6455 1000: the close is deliberate and complete (the client got every event, the last one saying why). */
const NORMAL_CLOSURE = 1000;
const SHUTTING_DOWN_IDLE = 'The Chorus server is shutting down. Reconnect in a moment.';

/**
 * `GET /api/v1/extract/progressive` (WebSocket): the client sends `{"action":"extract",…}`, the
 * server streams the run's events; `{"action":"cancel"}` or closing the socket aborts the run and
 * its provider calls. One run at a time per connection. See docs/protocol.md.
 */
export function mountProgressiveWebSocket(app: Hono, service: RunService, upgradeWebSocket: UpgradeWebSocket, clientId: (c: Context) => string): void {
  app.get(
    PROGRESSIVE_PATH,
    upgradeWebSocket((c) => {
      const client = clientId(c);
      let runs = 0;
      let current: AbortController | undefined;
      const send = (ws: WSContext, event: RunEvent) => {
        // A socket that is closing cannot take more; the run is being aborted anyway.
        if (ws.readyState === 1) ws.send(JSON.stringify(event));
      };
      const refuse = (ws: WSContext, code: string, message: string) =>
        send(ws, { v: 1, run_id: '', seq: 0, total_cost: 0, stage: 'error', code, message });
      // On shutdown an idle socket is told and closed now; one with a run is closed once the run has sent its last event.
      let onStopping: (() => void) | undefined;
      const closeForShutdown = (ws: WSContext) => {
        if (ws.readyState === 1) ws.close(NORMAL_CLOSURE, 'server shutting down');
      };

      return {
        onOpen(_event, ws) {
          onStopping = () => {
            if (current) return;
            refuse(ws, 'SHUTTING_DOWN', SHUTTING_DOWN_IDLE);
            closeForShutdown(ws);
          };
          if (service.stopping.aborted) return onStopping();
          service.stopping.addEventListener('abort', onStopping, { once: true });
        },
        onMessage(event, ws) {
          if (typeof event.data !== 'string') return refuse(ws, 'BAD_MESSAGE', 'Send JSON text messages, not binary frames.');
          if (jsonDepth(event.data, LIMITS.maxJsonDepth) > LIMITS.maxJsonDepth) {
            return refuse(ws, 'TOO_DEEP', `The message is nested deeper than ${LIMITS.maxJsonDepth} levels.`);
          }
          let json: unknown;
          try {
            json = JSON.parse(event.data);
          } catch {
            return refuse(ws, 'BAD_MESSAGE', 'The message is not JSON.');
          }
          const parsed = clientMessageSchema.safeParse(json);
          if (!parsed.success) {
            const issue = parsed.error.issues[0];
            return refuse(ws, 'BAD_MESSAGE', `The message is not a valid request (${issue?.path.join('.') || 'message'}: ${issue?.message}).`);
          }
          const message = parsed.data;
          if (message.action === 'cancel') {
            current?.abort();
            return;
          }
          if (current) return refuse(ws, 'RUN_IN_PROGRESS', 'A run is already going on this connection; cancel it or wait for it to complete.');
          if (++runs > service.limits.runsPerConnection) {
            refuse(ws, 'TOO_MANY_RUNS', `This connection has started ${service.limits.runsPerConnection} runs; open a new one.`);
            return ws.close(1008, 'too many runs');
          }
          const controller = new AbortController();
          current = controller;
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
              if (service.stopping.aborted) closeForShutdown(ws);
            });
        },
        onClose() {
          current?.abort();
          if (onStopping) service.stopping.removeEventListener('abort', onStopping);
        },
        onError() {
          current?.abort();
        },
      };
    }),
  );
}
