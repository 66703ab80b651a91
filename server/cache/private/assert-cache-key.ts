import { CacheError } from '../cache-error.ts';
import { isCacheKey } from '../cache-key.ts';

/** Throws `CacheError('BAD_KEY')` unless `key` came from `cacheKey`; on disk this also rules out path tricks like '../x'. */
export function assertCacheKey(key: string): void {
  if (typeof key !== 'string' || !isCacheKey(key)) {
    throw new CacheError('BAD_KEY', `Cache keys are 64 lowercase hex digits from cacheKey, got '${String(key).slice(0, 80)}'.`);
  }
}
