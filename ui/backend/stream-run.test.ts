import { afterEach, describe, expect, it, vi } from 'vitest';
import { extractRequestSchema } from '../../core/protocol/extract-request.ts';
import type { RunEvent } from '../../core/protocol/run-event.ts';
import { streamRun, type StreamEnd, type StreamRunOptions } from './stream-run.ts';
import { fakeSocketOpener } from './testing/fake-run-socket.ts';
import { agreedToken, runEvents } from './testing/run-events.ts';

const URL = 'ws://127.0.0.1:8787/api/v1/extract/progressive';
const request = extractRequestSchema.parse({ action: 'extract', images: ['iVBORw0KGgo='] });

function started(options: Partial<StreamRunOptions> = {}) {
  const opener = fakeSocketOpener();
  const events: RunEvent[] = [];
  const ends: StreamEnd[] = [];
  const warnings: string[] = [];
  const handle = streamRun({
    url: URL,
    request,
    onEvent: (event) => events.push(event),
    onEnd: (end) => ends.push(end),
    openSocket: opener.open,
    warn: (message) => warnings.push(message),
    ...options,
  });
  const socket = opener.sockets[0];
  if (!socket) throw new Error('streamRun opened no socket');
  return { handle, socket, events, ends, warnings };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('streamRun', () => {
  it('sends the request once the socket opens, passes each event on, and closes after `complete`', () => {
    const { socket, events, ends } = started();
    expect(socket.url).toBe(URL);
    expect(socket.sent).toEqual([]);
    socket.open();
    expect(socket.sentJson()).toEqual([request]);
    const e = runEvents();
    const stream = [e.accepted(), e.tierStarted(2, ['local-vision']), e.extractorDone('local-vision', 2), e.complete({ background: agreedToken('#ffffff') })];
    for (const event of stream) socket.receive(event);
    expect(events).toEqual(stream);
    expect(ends).toEqual([{ kind: 'ended' }]);
    expect(socket.closedWith).toEqual({ code: 1000 });
    // The close that follows is not a second end.
    socket.drop(1000);
    expect(ends).toHaveLength(1);
  });

  it('ends on an `error` event after passing it on', () => {
    const { socket, events, ends } = started();
    socket.open();
    socket.receive(runEvents().error('BAD_VOTES', 'Votes from "x" are not accepted.'));
    expect(events.map((event) => event.stage)).toEqual(['error']);
    expect(ends).toEqual([{ kind: 'ended' }]);
  });

  it('ignores a message that is not JSON, binary, or outside the protocol, with a warning, and keeps going', () => {
    const { socket, events, ends, warnings } = started();
    socket.open();
    socket.receive('{"stage": "acc');
    socket.receive(new ArrayBuffer(4));
    socket.receive({ v: 1, run_id: 'r', seq: 0, total_cost: 0, stage: 'tier_started', tier: 9, extractors: [] });
    socket.receive({ v: 2, stage: 'complete' });
    expect(events).toEqual([]);
    expect(warnings).toHaveLength(4);
    expect(warnings[0]).toMatch(/not JSON/);
    expect(warnings[1]).toMatch(/binary/);
    expect(warnings[2]).toMatch(/outside the protocol: tier/);
    const accepted = runEvents().accepted();
    socket.receive(accepted);
    expect(events).toEqual([accepted]);
    expect(ends).toEqual([]);
  });

  it('reports a refused connection as unreachable', () => {
    const { socket, ends } = started();
    socket.drop(1006);
    expect(ends).toEqual([{ kind: 'unreachable', detail: 'connection failed (close code 1006)' }]);
  });

  it('reports an address the browser refuses to open as unreachable', () => {
    const ends: StreamEnd[] = [];
    streamRun({
      url: 'ws://bad host',
      request,
      onEvent: () => {},
      onEnd: (end) => ends.push(end),
      openSocket: () => {
        throw new SyntaxError("The URL 'ws://bad host' is invalid.");
      },
    });
    expect(ends).toEqual([{ kind: 'unreachable', detail: "The URL 'ws://bad host' is invalid." }]);
  });

  it('gives up on a connection that does not open within the connect timeout', () => {
    vi.useFakeTimers();
    const { socket, ends } = started({ connectTimeoutMs: 2_000 });
    vi.advanceTimersByTime(1_999);
    expect(ends).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ends).toEqual([{ kind: 'unreachable', detail: 'no connection within 2 s', timedOut: true }]);
    expect(socket.closedWith).toEqual({ code: 1000 });
  });

  it('does not time out a connection that opened, however long the run', () => {
    vi.useFakeTimers();
    const { socket, ends } = started({ connectTimeoutMs: 1_000, idleTimeoutMs: 10_000 });
    socket.open();
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(9_000);
      socket.receive(runEvents().tierStarted(2, []));
    }
    expect(ends).toEqual([]);
  });

  it('reports a connection that closes before the last event, with its code and reason', () => {
    const { socket, ends } = started();
    socket.open();
    socket.receive(runEvents().accepted());
    socket.drop(1011, 'server restarting');
    expect(ends).toEqual([{ kind: 'closed', code: 1011, reason: 'server restarting' }]);
  });

  it('stops waiting after the idle timeout without an event', () => {
    vi.useFakeTimers();
    const { socket, ends } = started({ idleTimeoutMs: 10_000 });
    socket.open();
    vi.advanceTimersByTime(10_000);
    expect(ends).toEqual([{ kind: 'silent', idleMs: 10_000 }]);
    expect(socket.closedWith).toEqual({ code: 1000 });
  });

  it('cancels an open run: tells the server, closes, and reports nothing after', () => {
    vi.useFakeTimers();
    const { handle, socket, events, ends } = started({ idleTimeoutMs: 10_000 });
    socket.open();
    handle.cancel();
    expect(socket.sentJson()).toEqual([request, { action: 'cancel' }]);
    expect(socket.closedWith).toEqual({ code: 1000 });
    socket.receive(runEvents().error('CANCELLED', 'The run was cancelled.'));
    socket.drop(1000);
    vi.advanceTimersByTime(60_000);
    expect(events).toEqual([]);
    expect(ends).toEqual([]);
  });

  it('cancelled while connecting, leaves as soon as the socket opens, without sending the request', () => {
    const { handle, socket, ends } = started();
    handle.cancel();
    expect(socket.closedWith).toBeUndefined();
    socket.open();
    expect(socket.sent).toEqual([]);
    expect(socket.closedWith).toEqual({ code: 1000 });
    expect(ends).toEqual([]);
  });
});
