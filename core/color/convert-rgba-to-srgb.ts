import { bradfordAdaptation } from './bradford-adaptation.ts';
import { linearToSrgb } from './linear-to-srgb.ts';
import { multiplyMatrix3 } from './private/matrix3.ts';
import { D65_WHITE, XYZ_TO_LINEAR_SRGB } from './private/srgb-matrices.ts';
import type { RgbSpace } from './rgb-space.ts';

/** Steps of the linear → 8-bit sRGB table: fine enough that the steep start of the curve rounds right. */
const ENCODE_STEPS = 65_536;

/**
 * Converts 8-bit RGBA pixels (row-major, 4 bytes each) from `space` into sRGB, in place: decode
 * each channel with its curve, go to XYZ, adapt the white to D65 (Bradford) when it differs,
 * back to linear sRGB, clip to sRGB's gamut (a wider-gamut colour takes the nearest sRGB
 * channels), encode. Alpha is kept. Both curves are tabulated, so a megapixel costs a few ms.
 */
export function convertRgbaToSrgb(data: Uint8Array | Uint8ClampedArray, space: RgbSpace): void {
  const adapt = sameWhite(space.white, D65_WHITE) ? null : bradfordAdaptation(space.white, D65_WHITE);
  const toXyzD65 = adapt ? multiplyMatrix3(adapt, space.toXyz) : space.toXyz;
  const [m0, m1, m2, m3, m4, m5, m6, m7, m8] = multiplyMatrix3(XYZ_TO_LINEAR_SRGB, toXyzD65);
  const decode = space.curves.map((curve) => Float64Array.from({ length: 256 }, (_, v) => curve(v / 255))) as [Float64Array, Float64Array, Float64Array];
  const encode = Uint8Array.from({ length: ENCODE_STEPS + 1 }, (_, i) => Math.round(linearToSrgb(i / ENCODE_STEPS) * 255));
  const [dr, dg, db] = decode;
  const toByte = (linear: number): number => encode[Math.round((linear <= 0 ? 0 : linear >= 1 ? 1 : linear) * ENCODE_STEPS)]!;
  for (let i = 0; i < data.length; i += 4) {
    const r = dr[data[i]!]!;
    const g = dg[data[i + 1]!]!;
    const b = db[data[i + 2]!]!;
    data[i] = toByte(m0 * r + m1 * g + m2 * b);
    data[i + 1] = toByte(m3 * r + m4 * g + m5 * b);
    data[i + 2] = toByte(m6 * r + m7 * g + m8 * b);
  }
}

/** Whites that differ by less than this in x, y or z need no adaptation (rounding in profiles). */
const WHITE_TOLERANCE = 1e-4;

function sameWhite(a: { x: number; y: number; z: number }, b: { x: number; y: number; z: number }): boolean {
  return Math.abs(a.x / a.y - b.x / b.y) < WHITE_TOLERANCE && Math.abs(a.z / a.y - b.z / b.y) < WHITE_TOLERANCE;
}
