import { LINEAR_SRGB_TO_LMS, LMS_TO_OKLAB } from './oklab-matrices.ts';

const [m00, m01, m02, m10, m11, m12, m20, m21, m22] = LINEAR_SRGB_TO_LMS;
const [n00, n01, n02, n10, n11, n12, n20, n21, n22] = LMS_TO_OKLAB;

/**
 * Linear sRGB (0–1) → OKLab, written to `out[offset..offset+2]` as L, a, b. The one kernel behind
 * `rgbToOklab` and `rgb8ToOklab`, so the object API and the per-pixel path give identical numbers.
 */
export function linearSrgbToOklabInto(r: number, g: number, b: number, out: Float64Array, offset: number): void {
  // Math.cbrt keeps the sign, so out-of-gamut (negative) LMS stays invertible.
  const l = Math.cbrt(m00 * r + m01 * g + m02 * b);
  const m = Math.cbrt(m10 * r + m11 * g + m12 * b);
  const s = Math.cbrt(m20 * r + m21 * g + m22 * b);
  out[offset] = n00 * l + n01 * m + n02 * s;
  out[offset + 1] = n10 * l + n11 * m + n12 * s;
  out[offset + 2] = n20 * l + n21 * m + n22 * s;
}
