/** The backend's progressive-extraction WebSocket route (server/routes/extract-progressive-ws.ts). */
export const PROGRESSIVE_PATH = '/api/v1/extract/progressive';

const HTTP_URL = /^(https?):\/\/([^/?#\s]+)([^?#\s]*)/i;

/**
 * The WebSocket address of the progressive route on a backend's http(s) address:
 * `http://localhost:8787` → `ws://localhost:8787/api/v1/extract/progressive`, `https` → `wss`. A
 * path prefix (a reverse proxy's) is kept, the route is not added twice, a query or fragment is
 * dropped. Throws TypeError when `serverUrl` is not an absolute http(s) address.
 */
export function progressiveUrl(serverUrl: string): string {
  const match = HTTP_URL.exec(serverUrl.trim());
  if (!match) throw new TypeError(`${serverUrl} is not an http(s) address`);
  const [, scheme, host, path] = match;
  const prefix = (path ?? '').replace(/\/+$/, '');
  return `${scheme!.toLowerCase() === 'https' ? 'wss' : 'ws'}://${host}${prefix.endsWith(PROGRESSIVE_PATH) ? prefix : `${prefix}${PROGRESSIVE_PATH}`}`;
}
