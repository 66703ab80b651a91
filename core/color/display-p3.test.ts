import { describe, expect, it } from 'vitest';
import { displayP3ToSrgb } from './display-p3-to-srgb.ts';
import { isInUnitGamut } from './is-in-unit-gamut.ts';
import { LINEAR_P3_TO_XYZ } from './private/display-p3-matrices.ts';
import { srgbToDisplayP3 } from './srgb-to-display-p3.ts';

// CSS Color 4, "Sample code for color conversions", lin_P3_to_XYZ, as exact fractions:
// https://www.w3.org/TR/css-color-4/#color-conversion-code
const CSS_LIN_P3_TO_XYZ = [
  608311 / 1250200, 189793 / 714400, 198249 / 1000160,
  35783 / 156275, 247089 / 357200, 198249 / 2500400,
  0, 32229 / 714400, 5220557 / 5000800,
];

describe('Display P3 ↔ sRGB', () => {
  it('derives the P3 matrix CSS Color 4 publishes', () => {
    LINEAR_P3_TO_XYZ.forEach((value, i) => expect(value).toBeCloseTo(CSS_LIN_P3_TO_XYZ[i]!, 9));
  });

  // Reference values: sRGB red, green and blue expressed in Display P3 as CSS Color 4 and
  // WebKit's colour tables give them (color(display-p3 0.9175 0.2003 0.1386) for red, …).
  it.each([
    [{ r: 1, g: 0, b: 0 }, { r: 0.9175, g: 0.2003, b: 0.1386 }],
    [{ r: 0, g: 1, b: 0 }, { r: 0.4584, g: 0.9853, b: 0.2983 }],
    [{ r: 0, g: 0, b: 1 }, { r: 0, g: 0, b: 0.9596 }],
  ])('puts sRGB %o at P3 %o', (srgb, p3) => {
    const got = srgbToDisplayP3(srgb);
    expect(got.r).toBeCloseTo(p3.r, 3);
    expect(got.g).toBeCloseTo(p3.g, 3);
    expect(got.b).toBeCloseTo(p3.b, 3);
  });

  it('keeps white, black and greys where they are (same white, same curve)', () => {
    for (const v of [0, 0.2, 0.5, 1]) {
      const p3 = srgbToDisplayP3({ r: v, g: v, b: v });
      for (const c of [p3.r, p3.g, p3.b]) expect(c).toBeCloseTo(v, 9);
    }
  });

  it('round-trips every sRGB colour through P3', () => {
    for (const [r, g, b] of [[0.2, 0.4, 0.8], [0.898, 0.224, 0.208], [0.01, 0.99, 0.5]] as const) {
      const back = displayP3ToSrgb(srgbToDisplayP3({ r, g, b }));
      expect(back.r).toBeCloseTo(r, 9);
      expect(back.g).toBeCloseTo(g, 9);
      expect(back.b).toBeCloseTo(b, 9);
    }
  });

  it('leaves P3’s own red outside sRGB, unclipped, for the caller to flag', () => {
    // color(display-p3 1 0 0) in sRGB is about (1.093, -0.227, -0.150) (CSS Color 4 gamut-mapping examples).
    const red = displayP3ToSrgb({ r: 1, g: 0, b: 0 });
    expect(red.r).toBeCloseTo(1.093, 2);
    expect(red.g).toBeCloseTo(-0.227, 2);
    expect(red.b).toBeCloseTo(-0.15, 2);
    expect(isInUnitGamut(red)).toBe(false);
    expect(isInUnitGamut(displayP3ToSrgb(srgbToDisplayP3({ r: 1, g: 0, b: 0 })))).toBe(true);
  });
});
