import type { ColorVote } from '../../core/vote/color-vote.ts';

/**
 * At most this many distinct measured colours make a simple screen: a flat UI (a login form, a
 * settings page) whose regions are large enough to survive a downscale, so a model reads its roles
 * as well from a smaller, cheaper image. Busier screens (charts, dense tables) have more.
 */
export const SIMPLE_SCREEN_MAX_COLORS = 8;
/**
 * ...and those colours must cover at least this share of the image for every extractor that
 * measures shares: a photo or a gradient also yields few flat colours, but they cover little of it.
 */
export const SIMPLE_SCREEN_MIN_COVERAGE = 0.85;

/** True when CV measured something, few distinct colours per extractor, and those colours cover nearly all of the image. */
export function isSimpleScreen(measured: readonly ColorVote[]): boolean {
  if (measured.length === 0) return false;
  const perExtractor = new Map<string, { hexes: Set<string>; share: number; hasShare: boolean }>();
  for (const v of measured) {
    const seen = perExtractor.get(v.extractor) ?? { hexes: new Set<string>(), share: 0, hasShare: false };
    seen.hexes.add(v.hex);
    if (v.share !== undefined) {
      seen.share += v.share;
      seen.hasShare = true;
    }
    perExtractor.set(v.extractor, seen);
  }
  return [...perExtractor.values()].every((e) => e.hexes.size <= SIMPLE_SCREEN_MAX_COLORS && (!e.hasShare || e.share >= SIMPLE_SCREEN_MIN_COVERAGE));
}
