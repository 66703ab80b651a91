import type { ExtractRequestInput } from '../../core/protocol/extract-request.ts';
import type { BenchImage } from './bench-image.ts';
import { tagPng } from './tag-png.ts';

/** The two clients measured: the plugin, which ran tier 1 itself and sends its votes, and an API client that sends none. */
export type ClientKind = 'votes' | 'none';

export const CLIENT_KINDS: readonly ClientKind[] = ['votes', 'none'];

export const CLIENT_LABELS: Readonly<Record<ClientKind, string>> = {
  votes: 'sends tier-1 votes (the plugin)',
  none: 'sends no votes (server runs tier 1)',
};

/**
 * The request's spend cap, USD: well above any tier's estimate on the largest fixture, so every
 * paid tier runs against the fakes (the default $0.10 is a designer's setting, not a benchmark's).
 */
const BENCH_MAX_COST_USD = 1;

/**
 * An extract request for `image`, tagged with `tag` so its bytes (and cache key) are new, with
 * `paid: 'always'` so tier 4 runs even when tier 3 left no doubt.
 */
export function benchRequest(image: BenchImage, kind: ClientKind, tag: string): ExtractRequestInput {
  return {
    action: 'extract',
    images: [Buffer.from(tagPng(image.png, tag)).toString('base64')],
    paid: 'always',
    max_cost: BENCH_MAX_COST_USD,
    votes: kind === 'votes' ? [...image.votes] : [],
  };
}
