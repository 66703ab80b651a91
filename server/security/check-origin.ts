import type { MiddlewareHandler } from 'hono';
import { ApiException } from '../run/api-exception.ts';

/**
 * Refuses calls a browser makes on behalf of another site. CORS only stops a page from reading an
 * answer; it does not stop a `text/plain` POST or a WebSocket from running, and a run spends money.
 * A call with an Origin header must come from the plugin (`null`), this server's own pages, or a
 * configured origin; calls without one (curl, the CLI, servers) are not browsers and pass.
 */
export function checkOrigin(allowedOrigins: readonly string[]): MiddlewareHandler {
  const allowed = new Set(['null', ...allowedOrigins]);
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (origin === undefined || allowed.has(origin) || origin === new URL(c.req.url).origin) return next();
    throw new ApiException(403, 'FORBIDDEN_ORIGIN', `Calls from ${origin} are not allowed. Add it to CHORUS_ALLOWED_ORIGINS on the server if it should be.`);
  };
}
