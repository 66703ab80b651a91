import type { Decision } from '../../core/messages/plugin-messages.ts';

/** The backend's route for review decisions (server/routes/dashboard.ts). */
export const DECISIONS_PATH = '/api/v1/decisions';
/** Reporting is evidence for the dashboard, not part of the designer's work: give up after this. */
export const DECISIONS_TIMEOUT_MS = 5_000;
/** Decisions per request, and candidates per decision and extractors per candidate: the route's limits. */
const MAX_DECISIONS_PER_REQUEST = 64;
const MAX_CANDIDATES = 16;
const MAX_EXTRACTORS = 32;
/** The route needs a role; a colour the vote gave none is reported under this. */
const NO_ROLE = 'color';

export interface PostDecisionsOptions {
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
  /** Where a failure is reported. Defaults to console.warn: a dashboard that missed a decision is no error for the designer. */
  readonly warn?: (message: string) => void;
}

/**
 * Tells the backend at `serverUrl` which candidates the designer picked in review, as
 * `{decisions:[{role, chosen_hex, candidates:[{hex, extractors}]}]}` (in batches of at most 64),
 * so its dashboard can show which extractors designers agree with. Does nothing without a server.
 * Never rejects: resolves true when every batch was recorded, false (after a warning) otherwise.
 */
export async function postDecisions(serverUrl: string, decisions: readonly Decision[], options: PostDecisionsOptions = {}): Promise<boolean> {
  const url = decisionsUrl(serverUrl);
  const wire = decisions
    .filter((d) => d.candidates.length > 0)
    .map((d) => ({
      role: d.role || NO_ROLE,
      chosen_hex: d.chosenHex,
      candidates: d.candidates.slice(0, MAX_CANDIDATES).map((c) => ({ hex: c.hex, extractors: c.extractors.slice(0, MAX_EXTRACTORS) })),
    }));
  if (url === null || wire.length === 0) return true;
  const send = options.fetch ?? fetch;
  const warn = options.warn ?? ((message: string) => console.warn(message));
  const timeoutMs = options.timeoutMs ?? DECISIONS_TIMEOUT_MS;
  let recorded = true;
  for (let i = 0; i < wire.length; i += MAX_DECISIONS_PER_REQUEST) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await send(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ decisions: wire.slice(i, i + MAX_DECISIONS_PER_REQUEST) }),
        signal: controller.signal,
      });
      if (!response.ok) {
        recorded = false;
        warn(`Chorus could not report review decisions to ${url}: HTTP ${response.status} ${(await response.text().catch(() => '')).slice(0, 200)}`);
      }
    } catch (error) {
      recorded = false;
      const reason = controller.signal.aborted ? `no answer within ${timeoutMs >= 1000 ? `${timeoutMs / 1000} s` : `${timeoutMs} ms`}` : error instanceof Error ? error.message : String(error);
      warn(`Chorus could not report review decisions to ${url}: ${reason}`);
    } finally {
      clearTimeout(timer);
    }
  }
  return recorded;
}

const HTTP_URL = /^(https?:\/\/[^/?#\s]+)([^?#\s]*)/i;

/** `http://host/prefix/` → `http://host/prefix/api/v1/decisions`; null for no (or no http) server. */
function decisionsUrl(serverUrl: string): string | null {
  const match = HTTP_URL.exec(serverUrl.trim());
  if (!match) return null;
  return `${match[1]}${(match[2] ?? '').replace(/\/+$/, '')}${DECISIONS_PATH}`;
}
