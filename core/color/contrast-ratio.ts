import type { Rgb } from './rgb.ts';
import { relativeLuminance } from './relative-luminance.ts';

// WCAG 2.x "contrast ratio": https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio
// 0.05 stands for viewing flare, so black on white is (1 + 0.05) / (0 + 0.05) = 21.
const FLARE = 0.05;

/**
 * WCAG 2.x contrast ratio of two sRGB colours (channels 0–255), 1–21, the same in either order.
 * Unrounded: WCAG thresholds (4.5, 3, 7) are compared as-is, so #777 on white (4.48) fails 4.5.
 */
export function contrastRatio(rgbA: Rgb, rgbB: Rgb): number {
  const la = relativeLuminance(rgbA);
  const lb = relativeLuminance(rgbB);
  return la > lb ? (la + FLARE) / (lb + FLARE) : (lb + FLARE) / (la + FLARE);
}
