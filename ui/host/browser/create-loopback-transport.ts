import type { PluginMessage, UiRequest } from '../../../core/messages/plugin-messages.ts';
import type { PluginTransport } from '../../plugin-transport.ts';

export interface LoopbackTransport extends PluginTransport {
  /** Delivers a message the page's own "plugin" sends unasked (`selection-changed`). */
  push(message: PluginMessage): void;
}

/**
 * A transport whose far end is in the same page: each request is handed to `answer` and its reply
 * delivered to the listeners, always after the current task, as a postMessage reply would be. The
 * channel on top parses both directions with the contract's schemas, as it does in Figma.
 */
export function createLoopbackTransport(answer: (request: UiRequest) => Promise<PluginMessage>): LoopbackTransport {
  const listeners = new Set<(message: unknown) => void>();
  const deliver = (message: PluginMessage): void => {
    setTimeout(() => {
      for (const listener of [...listeners]) listener(message);
    }, 0);
  };
  return {
    send(request) {
      void answer(request).then(deliver);
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    push: deliver,
  };
}
