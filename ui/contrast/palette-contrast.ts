import { checkContrast, type ContrastCheck } from '../../core/contrast/check-contrast.ts';
import { screenPairs, type ObservedPair } from '../../core/contrast/screen-pairs.ts';
import type { Swatch } from '../backend/tokens-to-palette.ts';

/** The contrast checks of the palette on screen: the pairs the layers showed, else its role pairs. */
export function paletteContrast(swatches: readonly Swatch[], observed: readonly ObservedPair[] = []): ContrastCheck[] {
  const colors = swatches.map((s) => ({ key: s.key, hex: s.color.hex, ...(s.color.role ? { role: s.color.role } : {}) }));
  return screenPairs(colors, observed)
    .map(checkContrast)
    .filter((c): c is ContrastCheck => c !== null);
}
