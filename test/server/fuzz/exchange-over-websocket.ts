import WebSocket from 'ws';
import { runEventSchema, type RunEvent } from '../../../core/protocol/run-event.ts';
import type { WsInput } from './fuzz-case.ts';

/** Something the client saw on the connection, in order. */
export type WsItem =
  | { readonly kind: 'event'; readonly event: RunEvent }
  | { readonly kind: 'invalid'; readonly raw: string }
  | { readonly kind: 'close'; readonly code: number; readonly reason: string }
  | { readonly kind: 'socket-error'; readonly message: string }
  | { readonly kind: 'timeout' };

export interface WsExchange {
  /** Everything received for the case until its answers were in (and the probe's answer, which is left out). */
  readonly items: readonly WsItem[];
  /** Whether the follow-up probe got its refusal: the connection still works and nothing else was pending. */
  readonly probeAnswered: boolean;
  /** Items that arrived after the case's answers and before the probe's. */
  readonly trailing: readonly WsItem[];
}

/** Not JSON: the server answers BAD_MESSAGE at once. Sent after a case to show the connection still serves. */
export const PROBE_FRAME = 'chorus-fuzz-probe';

const isTerminal = (item: WsItem) => item.kind === 'event' && (item.event.stage === 'complete' || item.event.stage === 'error');
const ends = (item: WsItem) => item.kind === 'close' || item.kind === 'timeout' || item.kind === 'socket-error';

/**
 * Opens a connection from `localAddress`, sends the frames, and reads until `input.outcomes`
 * answers have come (each a refusal or a run's last event), then sends PROBE_FRAME and reads to its
 * answer. Stops at a close, a socket error or `timeoutMs` (then the last item says so). Always
 * closes the connection.
 */
export async function exchangeOverWebSocket(url: string, input: WsInput, options: { localAddress: string; timeoutMs: number }): Promise<WsExchange> {
  const socket = new WebSocket(url, { localAddress: options.localAddress });
  const inbox: WsItem[] = [];
  let wake: (() => void) | undefined;
  const push = (item: WsItem) => {
    inbox.push(item);
    wake?.();
  };
  let opened = false;
  socket.on('open', () => {
    opened = true;
    wake?.();
  });
  socket.on('message', (data, isBinary) => {
    const raw = isBinary ? `<binary ${String(data).length}>` : String(data);
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return push({ kind: 'invalid', raw });
    }
    const parsed = runEventSchema.safeParse(json);
    push(parsed.success ? { kind: 'event', event: parsed.data } : { kind: 'invalid', raw });
  });
  socket.on('close', (code, reason) => push({ kind: 'close', code, reason: reason.toString() }));
  socket.on('error', (error) => push({ kind: 'socket-error', message: error.message }));

  const deadline = performance.now() + options.timeoutMs;
  const wait = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.max(0, deadline - performance.now()));
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const next = async (): Promise<WsItem> => {
    while (inbox.length === 0) {
      if (performance.now() >= deadline) return { kind: 'timeout' };
      await wait();
      wake = undefined;
    }
    return inbox.shift()!;
  };

  const items: WsItem[] = [];
  const trailing: WsItem[] = [];
  let probeAnswered = false;
  try {
    while (!opened) {
      if (inbox.length > 0 || performance.now() >= deadline) return { items: [await next()], probeAnswered, trailing };
      await wait();
      wake = undefined;
    }
    for (const frame of input.frames) socket.send(frame, { binary: typeof frame !== 'string' });
    let answers = 0;
    while (answers < input.outcomes) {
      const item = await next();
      items.push(item);
      if (ends(item)) return { items, probeAnswered, trailing };
      if (isTerminal(item)) answers++;
    }
    socket.send(PROBE_FRAME);
    for (;;) {
      const item = await next();
      if (item.kind === 'event' && item.event.stage === 'error' && item.event.code === 'BAD_MESSAGE' && item.event.run_id === '') {
        probeAnswered = true;
        return { items, probeAnswered, trailing };
      }
      trailing.push(item);
      if (ends(item)) return { items, probeAnswered, trailing };
    }
  } finally {
    socket.removeAllListeners('close');
    socket.on('error', () => undefined);
    socket.terminate();
  }
}
