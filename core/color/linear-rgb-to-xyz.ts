import { LINEAR_SRGB_TO_XYZ } from './private/srgb-matrices.ts';
import type { LinearRgb } from './linear-rgb.ts';
import type { Xyz } from './xyz.ts';

const [m00, m01, m02, m10, m11, m12, m20, m21, m22] = LINEAR_SRGB_TO_XYZ;

/** Linear sRGB (0–1) → XYZ (D65, Y of white = 1), by the CSS Color 4 sRGB matrix. */
export function linearRgbToXyz({ r, g, b }: LinearRgb): Xyz {
  return {
    x: m00 * r + m01 * g + m02 * b,
    y: m10 * r + m11 * g + m12 * b,
    z: m20 * r + m21 * g + m22 * b,
  };
}
