import { CacheError } from './cache-error.ts';

/** A SHA-256 digest as 64 lowercase hex digits: the shape of image hashes and cache keys. */
const SHA256_HEX = /^[0-9a-f]{64}$/;
/** Bumped if the way a key is derived ever changes, so old entries become unreachable, not wrong. */
const KEY_FORMAT = 'chorus-result-v1';

/** True for a 64-digit lowercase hex digest, the only key shape the cache stores accept (also keeps keys safe as file names). */
export function isCacheKey(key: string): boolean {
  return SHA256_HEX.test(key);
}

/** SHA-256 of `bytes` as 64 lowercase hex digits, by Web Crypto (Node 20+, Workers, Deno, Bun). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  // Web Crypto takes an ArrayBuffer-backed view; copy only a view over a SharedArrayBuffer.
  const data = bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** What makes two extractor results interchangeable. */
export interface CacheKeyParts {
  /** `sha256Hex` of the image bytes as received (hash once per request, reuse for every extractor). */
  readonly imageSha256: string;
  readonly extractorId: string;
  /** The model name, or '' for an extractor without one. */
  readonly model: string;
  /** Bump when the prompt or the output parsing changes, so old answers are not reused. */
  readonly promptVersion: string;
}

/**
 * The cache key of one extractor's result on one image: SHA-256 over the parts as a JSON array
 * (so no choice of separator can make two different part lists collide). 64 lowercase hex digits.
 * Throws `CacheError('BAD_KEY')` if `imageSha256` is not a hex SHA-256.
 */
export async function cacheKey(parts: CacheKeyParts): Promise<string> {
  if (!isCacheKey(parts.imageSha256)) {
    throw new CacheError('BAD_KEY', `imageSha256 must be 64 lowercase hex digits from sha256Hex, got '${parts.imageSha256.slice(0, 80)}'.`);
  }
  const canonical = JSON.stringify([KEY_FORMAT, parts.imageSha256, parts.extractorId, parts.model, parts.promptVersion]);
  return sha256Hex(new TextEncoder().encode(canonical));
}
