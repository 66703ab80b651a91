import { keyBlue, keyGreen, keyRed } from './pixel-words.ts';

/**
 * Largest per-channel miss (0–255) tolerated between a colour and the blend that would explain
 * it: 8-bit rounding of a blend is ±0.5 per channel, and a tint is sometimes laid over a surface
 * a step off the background.
 */
const BLEND_TOLERANCE = 1;
/** Blend fractions outside this are the base or the ink itself, not a tint of one on the other. */
const MIN_T = 0.06;
const MAX_T = 0.94;

/**
 * True when colour `c` is ink `ink` laid over `base` at partial opacity (c ≈ base + t·(ink − base)):
 * the tinted badge fills, chart areas and selection washes that alpha leaves on a screen, which
 * no designer picked as a colour of their own. All three are 24-bit keys.
 */
export function isTintOf(c: number, base: number, ink: number): boolean {
  const cr = keyRed(c), cg = keyGreen(c), cb = keyBlue(c);
  const br = keyRed(base), bg = keyGreen(base), bb = keyBlue(base);
  const dr = keyRed(ink) - br, dg = keyGreen(ink) - bg, db = keyBlue(ink) - bb;
  const len2 = dr * dr + dg * dg + db * db;
  if (len2 === 0) return false;
  const t = ((cr - br) * dr + (cg - bg) * dg + (cb - bb) * db) / len2;
  if (t < MIN_T || t > MAX_T) return false;
  return (
    Math.abs(br + t * dr - cr) <= BLEND_TOLERANCE &&
    Math.abs(bg + t * dg - cg) <= BLEND_TOLERANCE &&
    Math.abs(bb + t * db - cb) <= BLEND_TOLERANCE
  );
}
