import { linearToSrgb } from './linear-to-srgb.ts';
import { applyMatrix3 } from './private/primaries-to-xyz-matrix.ts';
import { LINEAR_P3_TO_LINEAR_SRGB } from './private/display-p3-matrices.ts';
import { srgbToLinear } from './srgb-to-linear.ts';

/** A colour with channels 0–1 (gamma-encoded), in whatever space the function names. */
export interface UnitRgb {
  r: number;
  g: number;
  b: number;
}

/**
 * A Display P3 colour (encoded, 0–1) as sRGB (encoded, 0–1), not clipped: a P3 colour outside
 * sRGB's gamut comes out with a channel below 0 or above 1 (see isInUnitGamut). Both spaces use
 * the sRGB curve; a negative linear value keeps its sign through it (CSS Color 4's extended curve).
 */
export function displayP3ToSrgb(p3: UnitRgb): UnitRgb {
  const [r, g, b] = applyMatrix3(LINEAR_P3_TO_LINEAR_SRGB, signed(srgbToLinear, p3.r), signed(srgbToLinear, p3.g), signed(srgbToLinear, p3.b));
  return { r: signed(linearToSrgb, r), g: signed(linearToSrgb, g), b: signed(linearToSrgb, b) };
}

/** Applies a transfer curve to |c| and gives back the sign, as CSS Color 4 extends it below 0. */
export function signed(curve: (c: number) => number, c: number): number {
  return c < 0 ? -curve(-c) : curve(c);
}
