import { LMS_TO_XYZ, OKLAB_TO_LMS } from './private/oklab-matrices.ts';
import type { Oklab } from './oklab.ts';
import type { Xyz } from './xyz.ts';

const [m00, m01, m02, m10, m11, m12, m20, m21, m22] = OKLAB_TO_LMS;
const [n00, n01, n02, n10, n11, n12, n20, n21, n22] = LMS_TO_XYZ;

/** OKLab (L 0–1) → XYZ (D65, Y of white = 1); the inverse of `xyzToOklab`. */
export function oklabToXyz({ L, a, b }: Oklab): Xyz {
  const l1 = m00 * L + m01 * a + m02 * b;
  const m1 = m10 * L + m11 * a + m12 * b;
  const s1 = m20 * L + m21 * a + m22 * b;
  const l = l1 * l1 * l1;
  const m = m1 * m1 * m1;
  const s = s1 * s1 * s1;
  return {
    x: n00 * l + n01 * m + n02 * s,
    y: n10 * l + n11 * m + n12 * s,
    z: n20 * l + n21 * m + n22 * s,
  };
}
