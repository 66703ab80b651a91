import { CIE_EPSILON, CIE_KAPPA } from './private/cie-lab-constants.ts';
import { D65_WHITE } from './private/srgb-matrices.ts';
import type { Lab } from './lab.ts';
import type { Xyz } from './xyz.ts';

/** CIE 1976 L*a*b* (D65, L 0–100) → XYZ (D65, Y of white = 1); the inverse of `xyzToLab`. */
export function labToXyz({ L, a, b }: Lab): Xyz {
  const fy = (L + 16) / 116;
  const fx = fy + a / 500;
  const fz = fy - b / 200;
  // Y is decided on L itself (κε = 8, the L* where the two pieces meet), as in CIE 15 and Lindbloom.
  const yr = L > CIE_KAPPA * CIE_EPSILON ? fy * fy * fy : L / CIE_KAPPA;
  return { x: finv(fx) * D65_WHITE.x, y: yr * D65_WHITE.y, z: finv(fz) * D65_WHITE.z };
}

function finv(f: number): number {
  const cube = f * f * f;
  return cube > CIE_EPSILON ? cube : (116 * f - 16) / CIE_KAPPA;
}
