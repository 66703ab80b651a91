import type { Matrix3 } from './private/matrix3.ts';
import { multiplyMatrix3 } from './private/matrix3.ts';
import { applyMatrix3, invertMatrix3 } from './private/primaries-to-xyz-matrix.ts';
import type { Xyz } from './xyz.ts';

// The Bradford cone-response matrix (Lam 1985; as ICC.1:2022 Annex E and CSS Color 4 use it).
const BRADFORD: Matrix3 = [0.8951, 0.2664, -0.1614, -0.7502, 1.7135, 0.0367, 0.0389, -0.0685, 1.0296];
const BRADFORD_INVERSE = invertMatrix3(BRADFORD);

/**
 * The XYZ → XYZ matrix that carries colours seen under white `from` to how they look under white
 * `to` (the Bradford chromatic adaptation): e.g. an ICC profile's D50 connection space to sRGB's D65.
 */
export function bradfordAdaptation(from: Readonly<Xyz>, to: Readonly<Xyz>): Matrix3 {
  const [fr, fg, fb] = applyMatrix3(BRADFORD, from.x, from.y, from.z);
  const [tr, tg, tb] = applyMatrix3(BRADFORD, to.x, to.y, to.z);
  const scale: Matrix3 = [tr / fr, 0, 0, 0, tg / fg, 0, 0, 0, tb / fb];
  return multiplyMatrix3(BRADFORD_INVERSE, multiplyMatrix3(scale, BRADFORD));
}
