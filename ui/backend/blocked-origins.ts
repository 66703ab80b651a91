/** scheme, host[:port] of an absolute http(s) or ws(s) address. */
const ORIGIN = /^([a-z][a-z0-9+.-]*):\/\/([^/?#\s]+)/i;

/**
 * The origins of `serverUrl` that a plugin whose manifest lists `domains` (networkAccess's
 * allowedDomains and devAllowedDomains) may not reach: its http(s) origin, for the API's fetch
 * calls, and its ws(s) origin, for the run's WebSocket. Empty when both are allowed, or when
 * `serverUrl` is empty. Matching follows Figma's manifest docs: `https://host[:port]` names one
 * origin, `host` without a scheme any scheme, `*.example.com` any subdomain; a path in an entry
 * is not checked (Chorus's routes sit under the server's address).
 */
export function blockedOrigins(serverUrl: string, domains: readonly string[]): string[] {
  const match = ORIGIN.exec(serverUrl.trim());
  if (!match) return [];
  const secure = match[1]!.toLowerCase() === 'https';
  const host = match[2]!.toLowerCase();
  const origins = [`${secure ? 'https' : 'http'}://${host}`, `${secure ? 'wss' : 'ws'}://${host}`];
  return origins.filter((origin) => !domains.some((domain) => domainAllows(domain, origin)));
}

function domainAllows(domain: string, origin: string): boolean {
  const entry = domain.trim().toLowerCase();
  if (entry === '' || entry === 'none') return false;
  if (entry === '*') return true;
  const [scheme, host] = origin.split('://') as [string, string];
  const withScheme = ORIGIN.exec(entry);
  const entryScheme = withScheme ? withScheme[1] : undefined;
  const entryHost = withScheme ? withScheme[2]! : entry.split('/')[0]!;
  if (entryScheme !== undefined && entryScheme !== scheme) return false;
  if (entryHost.startsWith('*.')) {
    const suffix = entryHost.slice(1);
    return host.endsWith(suffix) && host.length > suffix.length;
  }
  return entryHost === host;
}
