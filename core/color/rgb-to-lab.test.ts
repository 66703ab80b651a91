import { describe, expect, it } from 'vitest';
import { formatHex } from './format-hex.ts';
import { hexToLab } from './hex-to-lab.ts';
import type { Lab } from './lab.ts';
import { labToRgb } from './lab-to-rgb.ts';
import { labToXyz } from './lab-to-xyz.ts';
import { linearToSrgb } from './linear-to-srgb.ts';
import type { Rgb } from './rgb.ts';
import { rgbToLab } from './rgb-to-lab.ts';
import { srgbToLinear } from './srgb-to-linear.ts';
import type { Xyz } from './xyz.ts';
import { xyzToLab } from './xyz-to-lab.ts';

// Reference pairs computed with colour-science (Python `colour`: sRGB_to_XYZ → XYZ_to_Lab and back,
// CIE 1931 2° D65 white at x,y = (0.3127, 0.3290)), as published by culori:
// https://github.com/Evercoder/culori/blob/main/test/datasets/pycolour-srgb-to-labd65.txt
// https://github.com/Evercoder/culori/blob/main/test/datasets/pycolour-labd65-to-srgb.txt
// sRGB there is 0–1; Rgb here is 0–255.
//
// colour-science's sRGB uses the matrices printed to four decimals in IEC 61966-2-1 (below), where
// this code uses the exact fractions of CSS Color 4. So the Lab formulas are checked tightly by feeding
// them XYZ made with the IEC matrices, and the whole pipeline is checked with a tolerance that covers
// the 4-digit rounding (up to ~0.01 in a*, i.e. ΔE ≪ 1).
const SRGB_TO_LAB_D65: ReadonlyArray<readonly [r: number, g: number, b: number, L: number, a: number, b_: number]> = [
  [0.78117427, 0.40929635, 0.10986069, 54.26884639, 32.96421328, 55.38884741],
  [0.51753806, 0.06565416, 0.89906724, 39.52657141, 76.19710749, -81.02218117],
  [0.57744255, 0.56586905, 0.14602071, 58.41247324, -11.74580181, 53.56163365],
  [0.31348001, 0.23198383, 0.35837762, 28.40308724, 15.97270196, -15.75986016],
  [0.94166737, 0.63163315, 0.62428846, 73.91393256, 29.1211735, 13.02392401],
  [0.0696646, 0.65340943, 0.04673965, 59.57200029, -61.30487038, 58.96290176],
  [0.02810185, 0.17756435, 0.01061226, 15.22422715, -23.10219588, 20.5481337],
  [0.07683078, 0.05005562, 0.34368744, 9.99188998, 29.76184454, -43.1245267],
];

// Lab → sRGB rows that land in gamut, plus one dark out-of-gamut row (L = 4 < 8 exercises the
// linear segment of L*, and a negative blue checks that nothing is clamped).
const LAB_D65_TO_SRGB: ReadonlyArray<readonly [L: number, a: number, b: number, r: number, g: number, b_: number]> = [
  [61, 49, 31, 0.9263363, 0.42020245, 0.37397856],
  [41, -26, 6, 0.17390908, 0.42209017, 0.33775629],
  [78, -2, 19, 0.79658767, 0.75598145, 0.61851072],
  [70, 33, -5, 0.8809333, 0.58387929, 0.71036137],
  [32, 6, -7, 0.3128638, 0.28471841, 0.33835824],
  [25, 1, -11, 0.20108791, 0.23358155, 0.29709705],
  [4, 0, 58, 0.17051446, 0.03547196, -0.49666113],
];

// IEC 61966-2-1:1999, linear sRGB ↔ XYZ as printed (four decimals), the matrices colour-science uses.
const IEC_SRGB_TO_XYZ = [
  [0.4124, 0.3576, 0.1805],
  [0.2126, 0.7152, 0.0722],
  [0.0193, 0.1192, 0.9505],
] as const;
const IEC_XYZ_TO_SRGB = [
  [3.2406, -1.5372, -0.4986],
  [-0.9689, 1.8758, 0.0415],
  [0.0557, -0.204, 1.057],
] as const;

function iecXyz(r: number, g: number, b: number): Xyz {
  const [lr, lg, lb] = [srgbToLinear(r), srgbToLinear(g), srgbToLinear(b)];
  const [x, y, z] = IEC_SRGB_TO_XYZ.map(([m0, m1, m2]) => m0 * lr + m1 * lg + m2 * lb);
  return { x: x!, y: y!, z: z! };
}

function iecSrgb({ x, y, z }: Xyz): readonly number[] {
  return IEC_XYZ_TO_SRGB.map(([m0, m1, m2]) => linearToSrgb(m0 * x + m1 * y + m2 * z));
}

/** The printed data has 8 decimals; same matrices, same formulas should agree to about that. */
const SAME_MATRIX_LAB_TOLERANCE = 1e-6;
const SAME_MATRIX_SRGB_TOLERANCE = 1e-7;
/**
 * Exact vs 4-digit matrices: the largest gaps on this data are 0.011 in a* and 1.2e-4 of the sRGB
 * range (0.03 of a byte). Both bounds are far below a visible difference (ΔE00 ≈ 1).
 */
const PIPELINE_LAB_TOLERANCE = 0.02;
const PIPELINE_SRGB_TOLERANCE = 2.5e-4;

describe('xyzToLab', () => {
  it.each(SRGB_TO_LAB_D65)('sRGB (%f, %f, %f) via IEC XYZ → Lab (%f, %f, %f) as colour-science', (r, g, b, L, a, b_) => {
    const lab = xyzToLab(iecXyz(r, g, b));
    expect(Math.abs(lab.L - L)).toBeLessThan(SAME_MATRIX_LAB_TOLERANCE);
    expect(Math.abs(lab.a - a)).toBeLessThan(SAME_MATRIX_LAB_TOLERANCE);
    expect(Math.abs(lab.b - b_)).toBeLessThan(SAME_MATRIX_LAB_TOLERANCE);
  });
});

describe('labToXyz', () => {
  it.each(LAB_D65_TO_SRGB)('Lab (%f, %f, %f) → XYZ → IEC sRGB (%f, %f, %f) as colour-science', (L, a, b, r, g, b_) => {
    const [sr, sg, sb] = iecSrgb(labToXyz({ L, a, b }));
    expect(Math.abs(sr! - r)).toBeLessThan(SAME_MATRIX_SRGB_TOLERANCE);
    expect(Math.abs(sg! - g)).toBeLessThan(SAME_MATRIX_SRGB_TOLERANCE);
    expect(Math.abs(sb! - b_)).toBeLessThan(SAME_MATRIX_SRGB_TOLERANCE);
  });
});

describe('rgbToLab', () => {
  it.each(SRGB_TO_LAB_D65)('sRGB (%f, %f, %f) → Lab (%f, %f, %f) as colour-science, within the matrix rounding', (r, g, b, L, a, b_) => {
    const lab = rgbToLab({ r: r * 255, g: g * 255, b: b * 255 });
    expect(Math.abs(lab.L - L)).toBeLessThan(PIPELINE_LAB_TOLERANCE);
    expect(Math.abs(lab.a - a)).toBeLessThan(PIPELINE_LAB_TOLERANCE);
    expect(Math.abs(lab.b - b_)).toBeLessThan(PIPELINE_LAB_TOLERANCE);
  });

  it('puts white at L = 100, a = b = 0 and black at 0', () => {
    const white = rgbToLab({ r: 255, g: 255, b: 255 });
    expect(white.L).toBeCloseTo(100, 10);
    expect(white.a).toBeCloseTo(0, 10);
    expect(white.b).toBeCloseTo(0, 10);
    expect(rgbToLab({ r: 0, g: 0, b: 0 })).toEqual({ L: 0, a: 0, b: 0 });
  });

  it('gives greys zero a and b', () => {
    for (let v = 0; v <= 255; v++) {
      const lab = rgbToLab({ r: v, g: v, b: v });
      expect(Math.abs(lab.a)).toBeLessThan(1e-10);
      expect(Math.abs(lab.b)).toBeLessThan(1e-10);
    }
  });
});

describe('labToRgb', () => {
  it.each(LAB_D65_TO_SRGB)('Lab (%f, %f, %f) → sRGB (%f, %f, %f) as colour-science, within the matrix rounding', (L, a, b, r, g, b_) => {
    const rgb = labToRgb({ L, a, b });
    expect(Math.abs(rgb.r / 255 - r)).toBeLessThan(PIPELINE_SRGB_TOLERANCE);
    expect(Math.abs(rgb.g / 255 - g)).toBeLessThan(PIPELINE_SRGB_TOLERANCE);
    expect(Math.abs(rgb.b / 255 - b_)).toBeLessThan(PIPELINE_SRGB_TOLERANCE);
  });
});

describe('xyzToLab / labToXyz', () => {
  it('invert each other on both sides of the ε breakpoint', () => {
    const labs: Lab[] = [
      { L: 0.5, a: 3, b: -2 },
      { L: 7.9, a: -10, b: 10 },
      { L: 8.1, a: 20, b: -30 },
      { L: 50, a: 60, b: 70 },
      { L: 99, a: -1, b: 1 },
    ];
    for (const lab of labs) {
      const back = xyzToLab(labToXyz(lab));
      expect(back.L).toBeCloseTo(lab.L, 10);
      expect(back.a).toBeCloseTo(lab.a, 10);
      expect(back.b).toBeCloseTo(lab.b, 10);
    }
  });
});

describe('hex → Lab → hex', () => {
  it('is exact for every colour on a 5-step grid of each channel', () => {
    let mismatches = 0;
    for (let r = 0; r <= 255; r += 5) {
      for (let g = 0; g <= 255; g += 5) {
        for (let b = 0; b <= 255; b += 5) {
          const hex = formatHex({ r, g, b });
          const lab = hexToLab(hex);
          if (lab === null || formatHex(labToRgb(lab)) !== hex) mismatches++;
        }
      }
    }
    expect(mismatches).toBe(0);
  });

  it('comes back within 1e-6 of a channel before rounding', () => {
    const samples: Rgb[] = [
      { r: 1, g: 2, b: 3 },
      { r: 254, g: 0, b: 128 },
      { r: 17, g: 200, b: 33 },
    ];
    for (const rgb of samples) {
      const back = labToRgb(rgbToLab(rgb));
      expect(Math.abs(back.r - rgb.r)).toBeLessThan(1e-6);
      expect(Math.abs(back.g - rgb.g)).toBeLessThan(1e-6);
      expect(Math.abs(back.b - rgb.b)).toBeLessThan(1e-6);
    }
  });

  it('returns null for a string that is not a hex colour', () => {
    expect(hexToLab('not a colour')).toBeNull();
  });
});
