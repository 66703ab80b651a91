import type { ExportedImage } from '../../../core/messages/plugin-messages.ts';
import { openBrowserSocket } from '../../backend/run-socket.ts';
import { createPluginChannel } from '../../plugin-channel.ts';
import { BROWSER_CAPABILITIES, type Host } from '../host.ts';
import { createBrowserPlugin, type SettingsStorage } from './create-browser-plugin.ts';
import { imageToPng } from './image-to-png.ts';
import { createLoopbackTransport } from './create-loopback-transport.ts';
import { fetchWithToken, socketWithToken } from '../../backend/with-token.ts';

/** Longest image name kept: the contract's `source` takes 256 characters. */
const MAX_NAME = 256;

export interface BrowserHostOptions {
  /** The page's address: its origin and path are the backend's, its `?token=` the backend's access token. */
  readonly pageUrl: string;
  readonly storage: SettingsStorage;
}

/**
 * The playground: the same channel as in Figma, answered in the page (createBrowserPlugin), the
 * image the designer gives as the selection, the backend that served the page as the server
 * (same origin, which the server's origin check allows), and, when the page's address carries
 * `?token=`, that token on every backend call.
 */
export function createBrowserHost(options: BrowserHostOptions): Host {
  const page = new URL(options.pageUrl);
  // The directory the page was served from: behind a reverse proxy's path prefix the API is under it too.
  const serverUrl = `${page.origin}${page.pathname.replace(/[^/]*$/, '')}`;
  const token = page.searchParams.get('token') ?? '';
  let image: ExportedImage | null = null;
  let count = 0;
  const transport = createLoopbackTransport(createBrowserPlugin({ storage: options.storage, serverUrl, image: () => image }));
  const channel = createPluginChannel({ transport });
  return {
    channel,
    can: BROWSER_CAPABILITIES,
    images: {
      async put(file, name) {
        const png = await imageToPng(file, name);
        const shortName = (name.trim() || 'Pasted image').slice(0, MAX_NAME);
        const nodeId = `image-${++count}`;
        image = { nodeId, name: shortName, png };
        transport.push({ type: 'selection-changed', nodes: [{ id: nodeId, name: shortName, exportable: true }] });
      },
    },
    ...(token !== '' ? { backend: { openSocket: socketWithToken(openBrowserSocket, token), fetch: fetchWithToken(token) } } : {}),
  };
}
