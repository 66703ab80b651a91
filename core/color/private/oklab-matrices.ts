import { LINEAR_SRGB_TO_XYZ, XYZ_TO_LINEAR_SRGB } from './srgb-matrices.ts';
import { multiplyMatrix3, type Matrix3 } from './matrix3.ts';

// Björn Ottosson, "A perceptual color space for image processing" (2020, M1 updated 2021-01-25):
// https://bottosson.github.io/posts/oklab/
// Values as CSS Color 4 prints them (XYZ_to_OKLab / OKLab_to_XYZ): M1 recomputed so the D65 white at
// x,y = (0.3127, 0.3290) maps exactly to LMS (1, 1, 1), all four matrices to 64-bit precision
// (w3c/csswg-drafts#6642, color-js/color.js#357).

/** XYZ (D65) → LMS cone-like response: Ottosson's M1. */
export const XYZ_TO_LMS: Matrix3 = [
  0.8190224379967030, 0.3619062600528904, -0.1288737815209879,
  0.0329836539323885, 0.9292868615863434, 0.0361446663506424,
  0.0481771893596242, 0.2642395317527308, 0.6335478284694309,
];

/** LMS → XYZ (D65): the inverse of M1. */
export const LMS_TO_XYZ: Matrix3 = [
  1.2268798758459243, -0.5578149944602171, 0.2813910456659647,
  -0.0405757452148008, 1.1122868032803170, -0.0717110580655164,
  -0.0763729366746601, -0.4214933324022432, 1.5869240198367816,
];

/** Cube-rooted LMS → OKLab: Ottosson's M2. */
export const LMS_TO_OKLAB: Matrix3 = [
  0.2104542683093140, 0.7936177747023054, -0.0040720430116193,
  1.9779985324311684, -2.4285922420485799, 0.4505937096174110,
  0.0259040424655478, 0.7827717124575296, -0.8086757549230774,
];

/** OKLab → cube-rooted LMS: the inverse of M2. */
export const OKLAB_TO_LMS: Matrix3 = [
  1, 0.3963377773761749, 0.2158037573099136,
  1, -0.1055613458156586, -0.0638541728258133,
  1, -0.0894841775298119, -1.2914855480194092,
];

/** Linear sRGB → LMS in one step (M1 × the sRGB matrix), so the per-pixel path does one product, not two. */
export const LINEAR_SRGB_TO_LMS: Matrix3 = multiplyMatrix3(XYZ_TO_LMS, LINEAR_SRGB_TO_XYZ);

/** LMS → linear sRGB in one step: the inverse of `LINEAR_SRGB_TO_LMS`. */
export const LMS_TO_LINEAR_SRGB: Matrix3 = multiplyMatrix3(XYZ_TO_LINEAR_SRGB, LMS_TO_XYZ);
