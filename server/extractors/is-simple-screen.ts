import type { ColorVote } from '../../core/vote/color-vote.ts';

/**
 * At most this many distinct measured colours make a simple screen: a flat UI (a login form, a
 * settings page) whose regions are large enough to survive a downscale, so a model reads its roles
 * as well from a smaller, cheaper image. Busier screens (charts, photos, dense tables) have more.
 */
export const SIMPLE_SCREEN_MAX_COLORS = 8;

/** True when CV measured something, and no more than SIMPLE_SCREEN_MAX_COLORS distinct colours per extractor. */
export function isSimpleScreen(measured: readonly ColorVote[]): boolean {
  if (measured.length === 0) return false;
  const perExtractor = new Map<string, Set<string>>();
  for (const v of measured) {
    const set = perExtractor.get(v.extractor) ?? new Set<string>();
    set.add(v.hex);
    perExtractor.set(v.extractor, set);
  }
  return [...perExtractor.values()].every((hexes) => hexes.size <= SIMPLE_SCREEN_MAX_COLORS);
}
