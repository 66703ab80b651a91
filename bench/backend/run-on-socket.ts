import WebSocket from 'ws';
import type { ExtractRequestInput } from '../../core/protocol/extract-request.ts';
import { runEventSchema, type RunEvent } from '../../core/protocol/run-event.ts';

/** A run event and when it arrived. */
export interface TimedRunEvent {
  readonly event: RunEvent;
  /** Milliseconds from sending the request to this event's arrival (before it is parsed). */
  readonly atMs: number;
}

/**
 * Opens a WebSocket from `localAddress` and resolves once it is open, with how long that took (ms);
 * rejects after `timeoutMs`.
 */
export function openSocket(url: string, localAddress: string, timeoutMs: number): Promise<{ readonly socket: WebSocket; readonly connectMs: number }> {
  const started = performance.now();
  const socket = new WebSocket(url, { perMessageDeflate: false, localAddress });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.terminate();
      reject(new Error(`no WebSocket to ${url} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('open', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve({ socket, connectMs: performance.now() - started });
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/**
 * Sends `request` on an open socket and collects the run's events, each validated against the
 * protocol, until `complete` or `error`; then closes the socket. Rejects on an event outside the
 * protocol, on the socket closing first, or after `timeoutMs`.
 */
export function runOnSocket(socket: WebSocket, request: ExtractRequestInput, timeoutMs: number): Promise<TimedRunEvent[]> {
  const events: TimedRunEvent[] = [];
  const text = JSON.stringify(request);
  return new Promise((resolve, reject) => {
    let sentAt = 0;
    let settled = false;
    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.removeAllListeners();
      if (error) {
        socket.terminate();
        reject(error);
      } else {
        socket.close();
        resolve(events);
      }
    };
    const timer = setTimeout(() => finish(new Error(`the run did not end within ${timeoutMs} ms; got ${events.map((e) => e.event.stage).join(', ')}`)), timeoutMs);
    socket.on('message', (data) => {
      const atMs = performance.now() - sentAt;
      const parsed = runEventSchema.safeParse(JSON.parse(String(data)));
      if (!parsed.success) return finish(new Error(`the server sent an event outside the protocol: ${String(data).slice(0, 300)}`));
      events.push({ event: parsed.data, atMs });
      if (parsed.data.stage === 'complete' || parsed.data.stage === 'error') finish();
    });
    socket.on('close', () => finish(new Error(`the server closed the socket mid-run after ${events.map((e) => e.event.stage).join(', ') || 'nothing'}`)));
    socket.on('error', (error) => finish(error));
    sentAt = performance.now();
    socket.send(text);
  });
}
