import type { OpenRunSocket, RunSocket, RunSocketHandlers } from '../run-socket.ts';

/** A WebSocket a test drives by hand: it opens, delivers and drops when told, and records what was sent. */
export class FakeRunSocket implements RunSocket {
  readonly sent: string[] = [];
  /** Set once the client closes it. */
  closedWith: { code?: number; reason?: string } | undefined;

  constructor(
    readonly url: string,
    private readonly handlers: RunSocketHandlers,
  ) {}

  send(text: string): void {
    if (this.closedWith) throw new Error('send on a closed socket');
    this.sent.push(text);
  }

  close(code?: number, reason?: string): void {
    this.closedWith = { ...(code !== undefined ? { code } : {}), ...(reason !== undefined ? { reason } : {}) };
  }

  /** The server accepts the connection. */
  open(): void {
    this.handlers.onOpen();
  }

  /** The server sends `data`: an object is sent as JSON text, a string as it is. */
  receive(data: unknown): void {
    this.handlers.onMessage(typeof data === 'string' || data instanceof ArrayBuffer ? data : JSON.stringify(data));
  }

  /** The connection ends: 1006 is what a browser reports for a refused or dropped one. */
  drop(code = 1006, reason = ''): void {
    this.handlers.onClose(code, reason);
  }

  /** What the client sent, parsed. */
  sentJson(): unknown[] {
    return this.sent.map((text) => JSON.parse(text) as unknown);
  }
}

/** An OpenRunSocket that hands out FakeRunSockets, newest last. */
export function fakeSocketOpener(): { open: OpenRunSocket; sockets: FakeRunSocket[] } {
  const sockets: FakeRunSocket[] = [];
  return {
    sockets,
    open: (url, handlers) => {
      const socket = new FakeRunSocket(url, handlers);
      sockets.push(socket);
      return socket;
    },
  };
}
