import type { Lab } from './lab.ts';
import { labToXyz } from './lab-to-xyz.ts';
import { linearToSrgb } from './linear-to-srgb.ts';
import type { Rgb } from './rgb.ts';
import { xyzToLinearRgb } from './xyz-to-linear-rgb.ts';

/** CIE L*a*b* (D65, L 0–100) → sRGB channels 0–255, fractional and, out of gamut, beyond 0–255 (`formatHex` clamps). */
export function labToRgb(lab: Lab): Rgb {
  const { r, g, b } = xyzToLinearRgb(labToXyz(lab));
  return { r: 255 * linearToSrgb(r), g: 255 * linearToSrgb(g), b: 255 * linearToSrgb(b) };
}
