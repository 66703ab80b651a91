import { describe, expect, it } from 'vitest';
import { linearRgbToXyz } from './linear-rgb-to-xyz.ts';
import { srgbToLinear } from './srgb-to-linear.ts';
import type { LinearRgb } from './linear-rgb.ts';
import type { Xyz } from './xyz.ts';
import { xyzToLinearRgb } from './xyz-to-linear-rgb.ts';

// IEC 61966-2-1:1999 prints the linear sRGB → XYZ matrix to four decimals (as quoted in
// https://en.wikipedia.org/wiki/SRGB#From_sRGB_to_CIE_XYZ). Each primary at full intensity gives one
// column, so the exact-fraction CSS Color 4 matrix must agree with it to half a unit of the 4th decimal.
const IEC_PRIMARIES: ReadonlyArray<readonly [name: string, rgb: LinearRgb, xyz: Xyz]> = [
  ['red', { r: 1, g: 0, b: 0 }, { x: 0.4124, y: 0.2126, z: 0.0193 }],
  ['green', { r: 0, g: 1, b: 0 }, { x: 0.3576, y: 0.7152, z: 0.1192 }],
  ['blue', { r: 0, g: 0, b: 1 }, { x: 0.1805, y: 0.0722, z: 0.9505 }],
];
const HALF_UNIT_OF_4TH_DECIMAL = 0.00005;

describe('linearRgbToXyz', () => {
  it.each(IEC_PRIMARIES)('maps the %s primary to the IEC 61966-2-1 column', (_name, rgb, expected) => {
    const xyz = linearRgbToXyz(rgb);
    expect(Math.abs(xyz.x - expected.x)).toBeLessThanOrEqual(HALF_UNIT_OF_4TH_DECIMAL);
    expect(Math.abs(xyz.y - expected.y)).toBeLessThanOrEqual(HALF_UNIT_OF_4TH_DECIMAL);
    expect(Math.abs(xyz.z - expected.z)).toBeLessThanOrEqual(HALF_UNIT_OF_4TH_DECIMAL);
  });

  it('puts the primaries and white at the chromaticities that define sRGB (IEC 61966-2-1 / BT.709)', () => {
    // x = X / (X + Y + Z), y = Y / (X + Y + Z); primaries and white as tabled in the standard.
    const chromaticity = ({ x, y, z }: Xyz): readonly [number, number] => [x / (x + y + z), y / (x + y + z)];
    const cases: ReadonlyArray<readonly [LinearRgb, number, number]> = [
      [{ r: 1, g: 0, b: 0 }, 0.64, 0.33],
      [{ r: 0, g: 1, b: 0 }, 0.3, 0.6],
      [{ r: 0, g: 0, b: 1 }, 0.15, 0.06],
      [{ r: 1, g: 1, b: 1 }, 0.3127, 0.329],
    ];
    for (const [rgb, x, y] of cases) {
      const [cx, cy] = chromaticity(linearRgbToXyz(rgb));
      expect(cx).toBeCloseTo(x, 12);
      expect(cy).toBeCloseTo(y, 12);
    }
  });

  it('decodes and converts mid grey as the color.js tests do', () => {
    // color.js: rgb(50% 50% 50%) is 0.21404114 linear; grey has XYZ = that × the white.
    const grey = linearRgbToXyz({ r: srgbToLinear(0.5), g: srgbToLinear(0.5), b: srgbToLinear(0.5) });
    expect(grey.y).toBeCloseTo(0.21404114, 8);
    expect(grey.x).toBeCloseTo(0.21404114 * 0.9504559270516717, 8);
  });

  it('maps white to D65 at x,y = (0.3127, 0.3290) (color.js "sRGB to (D65) XYZ")', () => {
    // https://github.com/color-js/color.js/blob/main/test/conversions.js
    const white = linearRgbToXyz({ r: 1, g: 1, b: 1 });
    expect(white.x).toBeCloseTo(0.9504559270516717, 14);
    expect(white.y).toBeCloseTo(1, 14);
    expect(white.z).toBeCloseTo(1.0890577507598784, 14);
  });
});

describe('xyzToLinearRgb', () => {
  it('inverts linearRgbToXyz over a sweep', () => {
    for (let r = 0; r <= 1; r += 0.125) {
      for (let g = 0; g <= 1; g += 0.125) {
        for (let b = 0; b <= 1; b += 0.125) {
          const back = xyzToLinearRgb(linearRgbToXyz({ r, g, b }));
          expect(back.r).toBeCloseTo(r, 12);
          expect(back.g).toBeCloseTo(g, 12);
          expect(back.b).toBeCloseTo(b, 12);
        }
      }
    }
  });
});
