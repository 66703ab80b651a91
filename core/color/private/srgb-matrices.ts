import type { Matrix3 } from './matrix3.ts';
import type { Xyz } from '../xyz.ts';

// CSS Color 4, "Sample code for color conversions" (lin_sRGB_to_XYZ / XYZ_to_lin_sRGB):
// https://www.w3.org/TR/css-color-4/#color-conversion-code
// Derived from the sRGB primaries and the D65 white at x,y = (0.3127, 0.3290) and written as exact
// fractions, so the forward and inverse matrices agree to double precision. (The 4-digit matrix printed
// in IEC 61966-2-1 is a rounding of the same thing.)

/** Linear sRGB (0–1) → XYZ (D65, Y of white = 1). */
export const LINEAR_SRGB_TO_XYZ: Matrix3 = [
  506752 / 1228815, 87881 / 245763, 12673 / 70218,
  87098 / 409605, 175762 / 245763, 12673 / 175545,
  7918 / 409605, 87881 / 737289, 1001167 / 1053270,
];

/** XYZ (D65) → linear sRGB; the inverse of `LINEAR_SRGB_TO_XYZ`. */
export const XYZ_TO_LINEAR_SRGB: Matrix3 = [
  12831 / 3959, -329 / 214, -1974 / 3959,
  -851781 / 878810, 1648619 / 878810, 36519 / 878810,
  705 / 12673, -2585 / 12673, 705 / 667,
];

const [m00, m01, m02, m10, m11, m12, m20, m21, m22] = LINEAR_SRGB_TO_XYZ;

/**
 * The D65 white Lab is relative to: what the matrix maps RGB (1, 1, 1) to, i.e. its row sums
 * (≈ 0.950456, 1, 1.089058). Taking it from the matrix rather than a separately rounded table
 * (e.g. 0.95047, 1.08883) makes sRGB white land on a = b = 0.
 */
export const D65_WHITE: Readonly<Xyz> = Object.freeze({
  x: m00 + m01 + m02,
  y: m10 + m11 + m12,
  z: m20 + m21 + m22,
});
