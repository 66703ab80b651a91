import { describe, expect, it } from 'vitest';
import { linearToSrgb } from './linear-to-srgb.ts';
import { srgbToLinear } from './srgb-to-linear.ts';
import { SRGB8_TO_LINEAR } from './srgb8-to-linear.ts';

describe('srgbToLinear / linearToSrgb', () => {
  it('fixes black and white', () => {
    expect(srgbToLinear(0)).toBe(0);
    expect(srgbToLinear(1)).toBeCloseTo(1, 15);
    expect(linearToSrgb(0)).toBe(0);
    expect(linearToSrgb(1)).toBeCloseTo(1, 15);
  });

  it('decodes mid grey to 0.21404114 (color.js "Linear-light sRGB" test)', () => {
    // https://github.com/color-js/color.js/blob/main/test/conversions.js: rgb(50% 50% 50%) → srgb-linear.
    expect(srgbToLinear(0.5)).toBeCloseTo(0.21404114, 8);
  });

  it('uses the 1/12.92 line below the 0.04045 breakpoint (IEC 61966-2-1)', () => {
    expect(srgbToLinear(0.04)).toBeCloseTo(0.04 / 12.92, 15);
    expect(linearToSrgb(0.003)).toBeCloseTo(0.003 * 12.92, 15);
  });

  it('meets itself at the breakpoint: the two pieces are continuous', () => {
    const below = 0.04045 / 12.92;
    const above = ((0.04045 + 0.055) / 1.055) ** 2.4;
    expect(Math.abs(above - below)).toBeLessThan(1e-7);
  });

  it('round-trips over a sweep of 0–1', () => {
    for (let i = 0; i <= 1000; i++) {
      const c = i / 1000;
      expect(linearToSrgb(srgbToLinear(c))).toBeCloseTo(c, 12);
      expect(srgbToLinear(linearToSrgb(c))).toBeCloseTo(c, 12);
    }
  });
});

describe('SRGB8_TO_LINEAR', () => {
  it('holds srgbToLinear(byte / 255) for all 256 bytes', () => {
    expect(SRGB8_TO_LINEAR).toHaveLength(256);
    for (let byte = 0; byte < 256; byte++) expect(SRGB8_TO_LINEAR[byte]).toBe(srgbToLinear(byte / 255));
  });

  it('is strictly increasing, so distinct bytes stay distinct', () => {
    for (let byte = 1; byte < 256; byte++) expect(SRGB8_TO_LINEAR[byte]!).toBeGreaterThan(SRGB8_TO_LINEAR[byte - 1]!);
  });
});
