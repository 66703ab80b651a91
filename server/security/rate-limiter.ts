export interface RateLimiterOptions {
  readonly concurrentRuns: number;
  readonly runsPerMinute: number;
  readonly maxTrackedClients: number;
  readonly now?: () => number;
}

export type Admission =
  | { readonly ok: true; readonly release: () => void }
  | { readonly ok: false; readonly code: 'TOO_MANY_RUNS' | 'RATE_LIMITED'; readonly message: string; readonly retryAfterSeconds: number };

/** Per-client admission of runs: at most N at once, and a sliding minute's worth of starts. */
export interface RateLimiter {
  admit(clientId: string): Admission;
}

const MINUTE_MS = 60_000;

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const now = options.now ?? (() => Date.now());
  // Map order is recency, so the least recently seen client is forgotten first.
  const clients = new Map<string, { running: number; starts: number[] }>();
  return {
    admit(clientId) {
      const t = now();
      const client = clients.get(clientId) ?? { running: 0, starts: [] };
      clients.delete(clientId);
      clients.set(clientId, client);
      while (client.starts.length > 0 && client.starts[0]! <= t - MINUTE_MS) client.starts.shift();
      for (const id of clients.keys()) {
        if (clients.size <= options.maxTrackedClients) break;
        if (clients.get(id)!.running === 0) clients.delete(id);
        else break;
      }
      if (client.running >= options.concurrentRuns) {
        return { ok: false, code: 'TOO_MANY_RUNS', message: `Already ${client.running} runs going from this client; wait for one to finish.`, retryAfterSeconds: 1 };
      }
      if (client.starts.length >= options.runsPerMinute) {
        const retry = Math.max(1, Math.ceil((client.starts[0]! + MINUTE_MS - t) / 1000));
        return { ok: false, code: 'RATE_LIMITED', message: `More than ${options.runsPerMinute} runs a minute from this client; try again in ${retry} s.`, retryAfterSeconds: retry };
      }
      client.running++;
      client.starts.push(t);
      let released = false;
      return {
        ok: true,
        release: () => {
          if (released) return;
          released = true;
          client.running--;
        },
      };
    },
  };
}
