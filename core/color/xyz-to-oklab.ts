import { LMS_TO_OKLAB, XYZ_TO_LMS } from './private/oklab-matrices.ts';
import type { Oklab } from './oklab.ts';
import type { Xyz } from './xyz.ts';

const [m00, m01, m02, m10, m11, m12, m20, m21, m22] = XYZ_TO_LMS;
const [n00, n01, n02, n10, n11, n12, n20, n21, n22] = LMS_TO_OKLAB;

/** XYZ (D65, Y of white = 1) → OKLab (L 0–1), per Ottosson with the 2021 M1 as in CSS Color 4. */
export function xyzToOklab({ x, y, z }: Xyz): Oklab {
  // Math.cbrt keeps the sign, so out-of-gamut (negative) LMS stays invertible.
  const l = Math.cbrt(m00 * x + m01 * y + m02 * z);
  const m = Math.cbrt(m10 * x + m11 * y + m12 * z);
  const s = Math.cbrt(m20 * x + m21 * y + m22 * z);
  return {
    L: n00 * l + n01 * m + n02 * s,
    a: n10 * l + n11 * m + n12 * s,
    b: n20 * l + n21 * m + n22 * s,
  };
}
