import type { MiddlewareHandler } from 'hono';
import { ApiException } from '../run/api-exception.ts';

/**
 * With a token configured, every API and WebSocket call must carry it: `Authorization: Bearer
 * <token>`, or `?token=<token>` where a client cannot set headers (a browser WebSocket, an
 * EventSource). Compared in constant time. Without a token, a pass-through.
 */
export function requireToken(token: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (token === undefined) return next();
    const header = c.req.header('authorization');
    const given = header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : c.req.query('token');
    if (given === undefined || !sameSecret(given, token)) {
      throw new ApiException(401, 'UNAUTHORIZED', 'This Chorus server needs its access token. Set it in the plugin settings (or send Authorization: Bearer <token>).');
    }
    return next();
  };
}

/** Constant-time comparison: the time taken does not reveal how much of a guess was right. */
export function sameSecret(a: string, b: string): boolean {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}
