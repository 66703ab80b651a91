import { createWindowTransport } from '../create-window-transport.ts';
import { createPluginChannel } from '../plugin-channel.ts';
import { FIGMA_CAPABILITIES, type Host } from './host.ts';

/** The plugin's iframe: requests go to Figma's sandbox over `parent.postMessage`. */
export function createFigmaHost(): Host {
  return {
    channel: createPluginChannel({ transport: createWindowTransport() }),
    can: FIGMA_CAPABILITIES,
    // Undefined when the UI was bundled without scripts/build.mjs: then nothing is known to be blocked.
    ...(typeof __CHORUS_REACHABLE_DOMAINS__ !== 'undefined' ? { reachableDomains: __CHORUS_REACHABLE_DOMAINS__ } : {}),
  };
}
