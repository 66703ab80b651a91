/** What a run's connection reports. Exactly one `onClose` ends every socket that was opened. */
export interface RunSocketHandlers {
  onOpen(): void;
  /** A message's payload: text for JSON frames (anything else is reported as it came). */
  onMessage(data: unknown): void;
  /** `code` and `reason` as the WebSocket close event gives them (1006: no close frame, e.g. refused). */
  onClose(code: number, reason: string): void;
}

/** The little of a WebSocket a run needs; tests pass a fake. */
export interface RunSocket {
  send(text: string): void;
  close(code?: number, reason?: string): void;
}

/** Opens a socket to `url` and reports to `handlers`. May throw (a malformed URL, a blocked address). */
export type OpenRunSocket = (url: string, handlers: RunSocketHandlers) => RunSocket;

/**
 * The browser's WebSocket. An `error` event is always followed by `close` (WHATWG WebSockets
 * §"fail the WebSocket connection"), so only `close` is reported: it carries the outcome.
 */
export const openBrowserSocket: OpenRunSocket = (url, handlers) => {
  const socket = new WebSocket(url);
  socket.addEventListener('open', () => handlers.onOpen());
  socket.addEventListener('message', (event: MessageEvent<unknown>) => handlers.onMessage(event.data));
  socket.addEventListener('close', (event: CloseEvent) => handlers.onClose(event.code, event.reason));
  return {
    send: (text) => socket.send(text),
    close: (code, reason) => socket.close(code, reason),
  };
};
