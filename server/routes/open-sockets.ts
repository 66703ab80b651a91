import type { SocketLimits } from '../security/socket-limits.ts';

/** The progressive WebSockets open now, counted against the caps of `SocketLimits`. */
export interface OpenSockets {
  readonly limits: SocketLimits;
  /** Null when `client` may open one more; otherwise why not (a code and a sentence). */
  refusal(client: string): { code: 'TOO_MANY_SOCKETS'; message: string } | null;
  opened(client: string): void;
  closed(client: string): void;
  /** Sockets open now, for `/api/v1/health`. */
  count(): number;
}

export function createOpenSockets(limits: SocketLimits): OpenSockets {
  const perClient = new Map<string, number>();
  let total = 0;
  return {
    limits,
    refusal(client) {
      if (total >= limits.maxConnections) {
        return { code: 'TOO_MANY_SOCKETS', message: `The server has ${limits.maxConnections} connections open, its limit. Try again in a moment.` };
      }
      if ((perClient.get(client) ?? 0) >= limits.maxConnectionsPerClient) {
        return { code: 'TOO_MANY_SOCKETS', message: `You have ${limits.maxConnectionsPerClient} connections open to this server, the limit per client. Close some (other Chorus windows) and try again.` };
      }
      return null;
    },
    opened(client) {
      total++;
      perClient.set(client, (perClient.get(client) ?? 0) + 1);
    },
    closed(client) {
      total--;
      const left = (perClient.get(client) ?? 1) - 1;
      if (left <= 0) perClient.delete(client);
      else perClient.set(client, left);
    },
    count: () => total,
  };
}
