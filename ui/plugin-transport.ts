import type { UiRequest } from '../core/messages/plugin-messages.ts';

/** How messages cross the iframe boundary. The window one is used in Figma; tests pass a fake. */
export interface PluginTransport {
  send(message: UiRequest): void;
  /** Calls `listener` with each candidate plugin message, already unwrapped from `{ pluginMessage }`. Returns an unsubscribe. */
  listen(listener: (pluginMessage: unknown) => void): () => void;
}
