/**
 * The backend's progressive-extraction route. Mirrors PROGRESSIVE_PATH in
 * server/routes/extract-progressive-ws.ts (ui/ may not import server/).
 */
export const PROGRESSIVE_PATH = '/api/v1/extract/progressive';

/**
 * The WebSocket address of the progressive route on `serverUrl` (an http(s) address, as the
 * settings hold it): `http://localhost:8787` → `ws://localhost:8787/api/v1/extract/progressive`,
 * `https://…` → `wss://…`. A path on the server (a reverse proxy's prefix) is kept; a query or
 * fragment is dropped. Throws TypeError when `serverUrl` is not an absolute http(s) URL.
 */
export function progressiveUrl(serverUrl: string): string {
  const url = new URL(serverUrl.trim());
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`${serverUrl} is not an http(s) address`);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.pathname = `${url.pathname.replace(/\/+$/, '')}${PROGRESSIVE_PATH}`;
  url.search = '';
  url.hash = '';
  return url.href;
}
