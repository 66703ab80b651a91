// The manifest Figma loads from dist/: manifest.json with paths relative to dist/ and, for a team's
// own backend (CHORUS_BACKEND_URL), that backend's origins in networkAccess. Figma enforces
// networkAccess with a content-security policy: an origin not listed there is blocked, whatever
// the settings say, so the address has to be known when the plugin is built.

/** An http(s) origin, with nothing after it but an optional path (which Figma's origins do not need). */
const BACKEND_URL = /^(https?):\/\/((?:\[[0-9a-f:.]+\]|[a-z0-9-]+(?:\.[a-z0-9-]+)*)(?::\d{1,5})?)(?:\/[^\s?#]*)?$/i;

/**
 * The origins a backend at `backendUrl` is reached on: its http(s) origin (the API's fetch calls)
 * and the matching ws(s) origin (the progressive run's WebSocket).
 * @param {string} backendUrl
 * @returns {{ http: string, ws: string }}
 */
export function backendOrigins(backendUrl) {
  const match = BACKEND_URL.exec(backendUrl.trim());
  if (!match) {
    throw new Error(`CHORUS_BACKEND_URL must be an http:// or https:// address such as https://chorus.example.com, not "${backendUrl}".`);
  }
  const secure = match[1].toLowerCase() === 'https';
  const host = match[2].toLowerCase();
  return { http: `${secure ? 'https' : 'http'}://${host}`, ws: `${secure ? 'wss' : 'ws'}://${host}` };
}

/**
 * The manifest for dist/, from the repository's manifest.json (`source`, parsed). Without a
 * backend URL, networkAccess is the source's (development: localhost only). With one, its https
 * and wss origins become the allowed domains, with a `reasoning` line Figma shows to designers and
 * admins; the development origins stay in devAllowedDomains.
 * @param {Record<string, unknown> & { networkAccess: { allowedDomains: string[], devAllowedDomains?: string[], reasoning?: string } }} source
 * @param {string | undefined} backendUrl
 */
export function builtManifest(source, backendUrl) {
  const manifest = { ...source, main: 'plugin.js', ui: 'ui.html' };
  if (backendUrl === undefined || backendUrl.trim() === '') return manifest;
  const origins = backendOrigins(backendUrl);
  return {
    ...manifest,
    networkAccess: {
      ...source.networkAccess,
      allowedDomains: [origins.http, origins.ws],
      reasoning: `Chorus sends the selected frames to your team's Chorus backend at ${origins.http} and streams its refinements back over a WebSocket (${origins.ws}).`,
    },
  };
}

/**
 * Every origin the built plugin may reach, allowed or dev-allowed, for the UI to check the
 * designer's server address against (Figma applies devAllowedDomains to development plugins only).
 * @param {{ networkAccess?: { allowedDomains?: string[], devAllowedDomains?: string[] } }} manifest
 * @returns {string[]}
 */
export function reachableDomains(manifest) {
  const access = manifest.networkAccess ?? {};
  return [...(access.allowedDomains ?? []), ...(access.devAllowedDomains ?? [])].filter((domain) => domain !== 'none');
}
