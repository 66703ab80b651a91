import { EnvHttpProxyAgent, fetch as undiciFetch } from 'undici';
import type { ExtractorEnv } from './create-extractors.ts';

/** Retries the SDKs make on 408/409/429/5xx, timeouts and connection errors, with their backoff (honouring retry-after). */
export const PROVIDER_RETRIES = 2;
/** A local model is slow, not flaky: one retry, so each attempt keeps half the timeout. */
export const LOCAL_RETRIES = 1;
/** What the SDKs' backoff between attempts can take, ms (0.5 s, then 1 s, each with up to 25 % jitter, rounded up). */
const BACKOFF_BUDGET_MS = 2_000;
/** No attempt is given less than this, ms: under it even a healthy API cannot answer a vision call. */
const MIN_ATTEMPT_MS = 1_000;

/**
 * The SDK's per-attempt timeout, so a slow first attempt is abandoned and retried within the
 * extractor's total timeout: the total less the backoff, shared by every attempt. (Giving the SDK the
 * whole timeout would let one hung attempt use all of it, and its retries never run.)
 */
export function attemptTimeoutMs(totalMs: number, retries: number): number {
  return Math.max(MIN_ATTEMPT_MS, Math.floor((totalMs - BACKOFF_BUDGET_MS) / (retries + 1)));
}

/** The SDK client options that route its requests through a proxy: `fetch` and its `fetchOptions.dispatcher`. */
export interface ProxyTransport {
  readonly fetch: typeof globalThis.fetch;
  /** Only the dispatcher: the SDKs set body, headers, method and signal themselves. */
  readonly fetchOptions: Omit<RequestInit, 'body' | 'headers' | 'method' | 'signal'>;
}

/**
 * When `HTTPS_PROXY` (or `HTTP_PROXY`, either case) is set, undici's fetch with an agent that
 * honours them and `NO_PROXY`, for the openai and Anthropic SDKs (both take `fetch` and
 * `fetchOptions`); otherwise undefined and the SDKs use the global fetch directly.
 * One agent is shared by every client, so connections to the proxy are pooled.
 */
export function proxyTransport(env: ExtractorEnv): ProxyTransport | undefined {
  const httpsProxy = env.HTTPS_PROXY ?? env.https_proxy;
  const httpProxy = env.HTTP_PROXY ?? env.http_proxy;
  if (!httpsProxy && !httpProxy) return undefined;
  const noProxy = env.NO_PROXY ?? env.no_proxy;
  const dispatcher = new EnvHttpProxyAgent({
    ...(httpProxy ? { httpProxy } : {}),
    ...(httpsProxy ? { httpsProxy } : {}),
    ...(noProxy !== undefined ? { noProxy } : {}),
  });
  // undici 7's fetch and agent are the ones Node's global fetch is built on; their types differ only
  // nominally from @types/node's copy (undici-types), so they are cast once, here.
  return { fetch: undiciFetch as unknown as typeof globalThis.fetch, fetchOptions: { dispatcher } as unknown as ProxyTransport['fetchOptions'] };
}
