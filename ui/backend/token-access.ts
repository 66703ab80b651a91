import type { BackendAccess } from '../host/host.ts';
import { openBrowserSocket } from './run-socket.ts';
import { fetchWithToken, socketWithToken } from './with-token.ts';

/** How the plugin reaches a backend with the designer's access token: `?token=` on the WebSocket, a Bearer header on every other call. */
export function tokenAccess(token: string): BackendAccess {
  return token === '' ? {} : { openSocket: socketWithToken(openBrowserSocket, token), fetch: fetchWithToken(token) };
}
