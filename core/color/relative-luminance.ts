import type { Rgb } from './rgb.ts';
import { srgbToLinear } from './srgb-to-linear.ts';

// WCAG 2.x "relative luminance": https://www.w3.org/TR/WCAG22/#dfn-relative-luminance
// The spec writes the Rec. 709 / sRGB luminance weights rounded to four places; contrast results
// are compared against its thresholds, so the spec's numbers are used, not the exact matrix row.
const RED_WEIGHT = 0.2126;
const GREEN_WEIGHT = 0.7152;
const BLUE_WEIGHT = 0.0722;

/** WCAG 2.x relative luminance of an sRGB colour (channels 0–255): 0 for black, 1 for white. */
export function relativeLuminance({ r, g, b }: Rgb): number {
  return (
    RED_WEIGHT * srgbToLinear(r / 255) + GREEN_WEIGHT * srgbToLinear(g / 255) + BLUE_WEIGHT * srgbToLinear(b / 255)
  );
}
