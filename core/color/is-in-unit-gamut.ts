import type { UnitRgb } from './display-p3-to-srgb.ts';

/**
 * Half an 8-bit step: a channel this far outside 0–1 still rounds to 0 or 255, so the colour is
 * in gamut as far as a `#rrggbb` can tell.
 */
const TOLERANCE = 0.5 / 255;

/** Whether a converted colour (channels 0–1) is inside its space's gamut, within 8-bit rounding. */
export function isInUnitGamut(rgb: UnitRgb): boolean {
  return [rgb.r, rgb.g, rgb.b].every((c) => c >= -TOLERANCE && c <= 1 + TOLERANCE);
}
