import type { PluginTransport } from './plugin-transport.ts';

/**
 * Figma's iframe side of the bridge: `figma.ui.postMessage(m)` arrives as `event.data.pluginMessage`,
 * and `parent.postMessage({ pluginMessage }, '*')` reaches `figma.ui.onmessage`.
 * `'*'` because the iframe has a null origin and Figma's host origin is not ours to name.
 * Window messages without a `pluginMessage` key (browser extensions, dev tools) are not ours and are skipped;
 * everything with one goes on to the channel, which parses it.
 */
export function createWindowTransport(target: Window = window): PluginTransport {
  return {
    send(message) {
      target.parent.postMessage({ pluginMessage: message }, '*');
    },
    listen(listener) {
      const onMessage = (event: MessageEvent<unknown>): void => {
        const data = event.data;
        if (typeof data === 'object' && data !== null && 'pluginMessage' in data) listener(data.pluginMessage);
      };
      target.addEventListener('message', onMessage);
      return () => target.removeEventListener('message', onMessage);
    },
  };
}
