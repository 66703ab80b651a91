import { CIE_EPSILON, CIE_KAPPA } from './private/cie-lab-constants.ts';
import { D65_WHITE } from './private/srgb-matrices.ts';
import type { Lab } from './lab.ts';
import type { Xyz } from './xyz.ts';

/** XYZ (D65, Y of white = 1) → CIE 1976 L*a*b* relative to the sRGB D65 white (L 0–100). */
export function xyzToLab(xyz: Xyz): Lab {
  const fx = f(xyz.x / D65_WHITE.x);
  const fy = f(xyz.y / D65_WHITE.y);
  const fz = f(xyz.z / D65_WHITE.z);
  return { L: 116 * fy - 16, a: 500 * (fx - fy), b: 200 * (fy - fz) };
}

// CIE 15:2004 f(t): a cube root, replaced near black by the line that meets it with equal slope.
function f(t: number): number {
  return t > CIE_EPSILON ? Math.cbrt(t) : (CIE_KAPPA * t + 16) / 116;
}
