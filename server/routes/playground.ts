import type { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/** The built playground (scripts/build.mjs), as the runtime reads it; `undefined` when it was not built. */
export interface PlaygroundAssets {
  /** dist/playground.html */
  readonly html: () => Promise<string | undefined>;
  /** dist/playground.js */
  readonly script: () => Promise<string | undefined>;
}

/** Served in place of the page when `npm run build` has not run: a person is reading it, so it says what to do. */
const NOT_BUILT_HTML =
  '<!doctype html><meta charset="utf-8"><title>Chorus</title><p>The Chorus playground is not built. Run <code>npm run build</code> (or <code>npm start</code>), then reload.</p>';

/**
 * The page loads its script and talks to its own server, nothing else: scripts from this origin
 * only (no inline script, no eval); inline styles, because the UI injects its stylesheet and
 * colours each chip with a style attribute; `connect-src 'self'` covers the API and, in CSP 3,
 * the WebSocket on the same host. Not framable. HSTS is left to whoever terminates TLS.
 */
const pageHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    connectSrc: ["'self'"],
    baseUri: ["'none'"],
    formAction: ["'none'"],
    frameAncestors: ["'none'"],
  },
  strictTransportSecurity: false,
});

/**
 * `GET /`: the browser playground, the plugin's UI on a browser host (ui/playground.tsx); and
 * `GET /playground.js`, its script. No token needed to load them: the page holds no secret, and
 * its API calls carry the token given in its address (`/?token=…`). Read on every request, so a
 * rebuild shows on reload; no-cache for the same reason. 503 with a sentence when not built.
 */
export function mountPlayground(app: Hono, assets: PlaygroundAssets): void {
  app.get('/', pageHeaders, async (c) => {
    const html = await assets.html();
    c.header('cache-control', 'no-cache');
    return html === undefined ? c.html(NOT_BUILT_HTML, 503) : c.html(html);
  });
  app.get('/playground.js', pageHeaders, async (c) => {
    const script = await assets.script();
    if (script === undefined) return c.text('The Chorus playground is not built: run npm run build.', 503);
    return c.body(script, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' });
  });
}
