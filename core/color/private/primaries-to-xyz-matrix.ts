import type { Matrix3 } from './matrix3.ts';

/** A chromaticity, CIE 1931 x, y. */
export interface Chromaticity {
  readonly x: number;
  readonly y: number;
}

/**
 * The linear RGB → XYZ matrix of an RGB space from its primaries and white point (Y of white = 1):
 * the primaries' XYZ as columns, each scaled so that R = G = B = 1 lands on the white (SMPTE RP
 * 177-1993 §3.3). Run once at load time.
 */
export function primariesToXyzMatrix(red: Chromaticity, green: Chromaticity, blue: Chromaticity, white: Chromaticity): Matrix3 {
  const column = (c: Chromaticity): [number, number, number] => [c.x / c.y, 1, (1 - c.x - c.y) / c.y];
  const [rx, ry, rz] = column(red);
  const [gx, gy, gz] = column(green);
  const [bx, by, bz] = column(blue);
  const [wx, wy, wz] = column(white);
  const primaries: Matrix3 = [rx, gx, bx, ry, gy, by, rz, gz, bz];
  const [sr, sg, sb] = applyMatrix3(invertMatrix3(primaries), wx, wy, wz);
  return [rx * sr, gx * sg, bx * sb, ry * sr, gy * sg, by * sb, rz * sr, gz * sg, bz * sb];
}

/** `m × (a, b, c)`. */
export function applyMatrix3(m: Matrix3, a: number, b: number, c: number): [number, number, number] {
  return [m[0] * a + m[1] * b + m[2] * c, m[3] * a + m[4] * b + m[5] * c, m[6] * a + m[7] * b + m[8] * c];
}

/** The inverse of `m` (by cofactors); throws for a singular matrix, which no RGB space has. */
export function invertMatrix3(m: Matrix3): Matrix3 {
  const [a, b, c, d, e, f, g, h, i] = m;
  const A = e * i - f * h;
  const B = -(d * i - f * g);
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  if (Math.abs(det) < 1e-12) throw new Error('invertMatrix3: singular matrix');
  return [
    A / det, -(b * i - c * h) / det, (b * f - c * e) / det,
    B / det, (a * i - c * g) / det, -(a * f - c * d) / det,
    C / det, -(a * h - b * g) / det, (a * e - b * d) / det,
  ];
}
