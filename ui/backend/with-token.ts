import type { OpenRunSocket } from './run-socket.ts';

/**
 * Opens the run's WebSocket with the server's access token as `?token=`: a browser cannot set
 * headers on a WebSocket, and the server accepts the query there (server/security/require-token.ts).
 */
export function socketWithToken(open: OpenRunSocket, token: string): OpenRunSocket {
  return (url, handlers) => {
    const withToken = new URL(url);
    withToken.searchParams.set('token', token);
    return open(withToken.href, handlers);
  };
}

/** `fetch` with `Authorization: Bearer <token>` on every call. */
export function fetchWithToken(token: string, base: typeof fetch = (input, init) => fetch(input, init)): typeof fetch {
  return (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('authorization', `Bearer ${token}`);
    return base(input, { ...init, headers });
  };
}
