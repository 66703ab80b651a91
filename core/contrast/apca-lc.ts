import { APCAcontrast, sRGBtoY } from 'apca-w3';
import type { Rgb } from '../color/rgb.ts';

/**
 * APCA Lc (lightness contrast) of `text` drawn on `background`, both sRGB 0–255, from the apca-w3
 * library (APCA 0.0.98G-4g, the W3-compatible constants): about +106 for black on white, −108
 * for white on black; the sign is the polarity, the magnitude what the thresholds compare.
 * Unrounded, as the library's own tests compare it.
 */
export function apcaLc(text: Rgb, background: Rgb): number {
  return APCAcontrast(sRGBtoY([text.r, text.g, text.b]), sRGBtoY([background.r, background.g, background.b]));
}
