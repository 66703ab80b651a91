import { XYZ_TO_LINEAR_SRGB } from './private/srgb-matrices.ts';
import type { LinearRgb } from './linear-rgb.ts';
import type { Xyz } from './xyz.ts';

const [m00, m01, m02, m10, m11, m12, m20, m21, m22] = XYZ_TO_LINEAR_SRGB;

/** XYZ (D65, Y of white = 1) → linear sRGB, 0–1 in gamut and outside it otherwise (not clamped). */
export function xyzToLinearRgb({ x, y, z }: Xyz): LinearRgb {
  return {
    r: m00 * x + m01 * y + m02 * z,
    g: m10 * x + m11 * y + m12 * z,
    b: m20 * x + m21 * y + m22 * z,
  };
}
