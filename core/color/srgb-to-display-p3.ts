import { signed, type UnitRgb } from './display-p3-to-srgb.ts';
import { linearToSrgb } from './linear-to-srgb.ts';
import { LINEAR_SRGB_TO_LINEAR_P3 } from './private/display-p3-matrices.ts';
import { applyMatrix3 } from './private/primaries-to-xyz-matrix.ts';
import { srgbToLinear } from './srgb-to-linear.ts';

/**
 * An sRGB colour (encoded, 0–1) as Display P3 (encoded, 0–1). sRGB lies inside P3, so an sRGB
 * colour always lands in 0–1 (up to rounding).
 */
export function srgbToDisplayP3(srgb: UnitRgb): UnitRgb {
  const [r, g, b] = applyMatrix3(LINEAR_SRGB_TO_LINEAR_P3, srgbToLinear(srgb.r), srgbToLinear(srgb.g), srgbToLinear(srgb.b));
  return { r: signed(linearToSrgb, r), g: signed(linearToSrgb, g), b: signed(linearToSrgb, b) };
}
