import { cors } from 'hono/cors';
import type { MiddlewareHandler } from 'hono';

/**
 * CORS for the plugin and the configured origins only. Figma runs plugin UIs in a sandboxed iframe
 * whose origin is the literal `null`; the playground is same-origin and needs nothing. Any other
 * origin gets no CORS headers, so a browser will not let its page read the answers.
 * CORS is not authentication: any non-browser client ignores it. `CHORUS_TOKEN` is what keeps a
 * server private.
 */
export function corsPolicy(allowedOrigins: readonly string[]): MiddlewareHandler {
  const allowed = new Set(['null', ...allowedOrigins]);
  return cors({
    origin: (origin) => (allowed.has(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Authorization', 'Accept'],
    maxAge: 600,
  });
}
