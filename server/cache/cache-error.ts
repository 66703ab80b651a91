/**
 * Why the result cache refused an operation. A miss, or an entry discarded as damaged or stale,
 * is not an error: `get` resolves to undefined (and reports the discard through `onDiscard`).
 *
 * - `BAD_KEY`: a key that is not a 64-digit lowercase hex digest from `cacheKey`.
 * - `INVALID_VALUE`: `set` was given a value its schema rejects, or that does not survive JSON
 *   (NaN, undefined fields, class instances), so it could not be read back as written.
 * - `TOO_LARGE`: one value is bigger than the store's whole byte budget.
 */
export type CacheErrorCode = 'BAD_KEY' | 'INVALID_VALUE' | 'TOO_LARGE';

export class CacheError extends Error {
  override readonly name = 'CacheError';

  constructor(
    readonly code: CacheErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
