import { describe, expect, it } from 'vitest';
import { chroma } from './chroma.ts';
import { formatHex } from './format-hex.ts';
import { hexToOklab } from './hex-to-oklab.ts';
import { hueDegrees } from './hue-degrees.ts';
import type { Oklab } from './oklab.ts';
import { oklabToRgb } from './oklab-to-rgb.ts';
import { oklabToXyz } from './oklab-to-xyz.ts';
import { rgb8ToOklab } from './rgb8-to-oklab.ts';
import { rgbToOklab } from './rgb-to-oklab.ts';
import type { Xyz } from './xyz.ts';
import { xyzToOklab } from './xyz-to-oklab.ts';

// Björn Ottosson, "A perceptual color space for image processing", table of example XYZ and Oklab
// pairs: https://bottosson.github.io/posts/oklab/#table-of-example-xyz-and-oklab-pairs
// Printed to three decimals (and computed before the 2021 M1 update), so each value is trusted to
// half a unit of the third decimal.
const OTTOSSON_XYZ_TO_OKLAB: ReadonlyArray<readonly [Xyz, Oklab]> = [
  [{ x: 0.95, y: 1, z: 1.089 }, { L: 1, a: 0, b: 0 }],
  [{ x: 1, y: 0, z: 0 }, { L: 0.45, a: 1.236, b: -0.019 }],
  [{ x: 0, y: 1, z: 0 }, { L: 0.922, a: -0.671, b: 0.263 }],
  [{ x: 0, y: 0, z: 1 }, { L: 0.153, a: -1.415, b: -0.449 }],
];
const HALF_UNIT_OF_3RD_DECIMAL = 0.0005;

// color.js "OKLab" conversion tests, "tested against results from published linear sRGB to OKLab
// C++ code (using better matrices, updated 2021-01-25)" — Ottosson's own code, to six decimals:
// https://github.com/color-js/color.js/blob/main/test/conversions.js
const OTTOSSON_SRGB_TO_OKLAB: ReadonlyArray<readonly [name: string, hex: string, oklab: Oklab]> = [
  ['white', '#ffffff', { L: 1, a: 0, b: 0 }],
  ['red', '#ff0000', { L: 0.627955, a: 0.224863, b: 0.125846 }],
  ['lime', '#00ff00', { L: 0.86644, a: -0.233888, b: 0.179498 }],
  ['blue', '#0000ff', { L: 0.452014, a: -0.032457, b: -0.311528 }],
  ['cyan', '#00ffff', { L: 0.905399, a: -0.149444, b: -0.039398 }],
  ['magenta', '#ff00ff', { L: 0.701674, a: 0.274566, b: -0.169156 }],
  ['yellow', '#ffff00', { L: 0.967983, a: -0.071369, b: 0.19857 }],
  ['black', '#000000', { L: 0, a: 0, b: 0 }],
];
/** Printed to six decimals, so trusted to half a unit of the sixth. */
const HALF_UNIT_OF_6TH_DECIMAL = 0.0000005;

function expectOklabNear(actual: Oklab, expected: Oklab, tolerance: number): void {
  expect(Math.abs(actual.L - expected.L)).toBeLessThanOrEqual(tolerance);
  expect(Math.abs(actual.a - expected.a)).toBeLessThanOrEqual(tolerance);
  expect(Math.abs(actual.b - expected.b)).toBeLessThanOrEqual(tolerance);
}

describe('xyzToOklab', () => {
  it.each(OTTOSSON_XYZ_TO_OKLAB)('XYZ %j → OKLab %j (Ottosson’s table)', (xyz, oklab) => {
    expectOklabNear(xyzToOklab(xyz), oklab, HALF_UNIT_OF_3RD_DECIMAL);
  });

  it('is inverted by oklabToXyz', () => {
    for (const [xyz] of OTTOSSON_XYZ_TO_OKLAB) {
      const back = oklabToXyz(xyzToOklab(xyz));
      expect(back.x).toBeCloseTo(xyz.x, 12);
      expect(back.y).toBeCloseTo(xyz.y, 12);
      expect(back.z).toBeCloseTo(xyz.z, 12);
    }
  });
});

describe('rgbToOklab', () => {
  it.each(OTTOSSON_SRGB_TO_OKLAB)('%s %s → OKLab %j (Ottosson’s C++ via color.js)', (_name, hex, oklab) => {
    const actual = hexToOklab(hex);
    expect(actual).not.toBeNull();
    if (actual !== null) expectOklabNear(actual, oklab, HALF_UNIT_OF_6TH_DECIMAL);
  });

  it('gives red the OKLCh chroma and hue color.js publishes', () => {
    // color.js "OKLCh": red → [0.6279553639214311, 0.2576833038053608, 29.23388027962784].
    const red = rgbToOklab({ r: 255, g: 0, b: 0 });
    expect(chroma(red)).toBeCloseTo(0.2576833038053608, 9);
    expect(hueDegrees(red)).toBeCloseTo(29.23388027962784, 6);
  });

  it('gives greys zero a and b', () => {
    for (let v = 0; v <= 255; v++) {
      const lab = rgbToOklab({ r: v, g: v, b: v });
      expect(Math.abs(lab.a)).toBeLessThan(1e-12);
      expect(Math.abs(lab.b)).toBeLessThan(1e-12);
    }
  });
});

describe('rgb8ToOklab', () => {
  it('writes exactly what rgbToOklab returns, at the given offset, for every grid colour', () => {
    const out = new Float64Array(5).fill(-7);
    let mismatches = 0;
    for (let r = 0; r <= 255; r += 15) {
      for (let g = 0; g <= 255; g += 15) {
        for (let b = 0; b <= 255; b += 15) {
          rgb8ToOklab(r, g, b, out, 1);
          const expected = rgbToOklab({ r, g, b });
          if (out[1] !== expected.L || out[2] !== expected.a || out[3] !== expected.b) mismatches++;
        }
      }
    }
    expect(mismatches).toBe(0);
    expect(out[0]).toBe(-7);
    expect(out[4]).toBe(-7);
  });

  it('matches Ottosson’s red', () => {
    const out = new Float64Array(3);
    rgb8ToOklab(255, 0, 0, out, 0);
    expectOklabNear({ L: out[0]!, a: out[1]!, b: out[2]! }, { L: 0.627955, a: 0.224863, b: 0.125846 }, HALF_UNIT_OF_6TH_DECIMAL);
  });
});

describe('hex → OKLab → hex', () => {
  it('is exact for every colour on a 5-step grid of each channel', () => {
    let mismatches = 0;
    for (let r = 0; r <= 255; r += 5) {
      for (let g = 0; g <= 255; g += 5) {
        for (let b = 0; b <= 255; b += 5) {
          const hex = formatHex({ r, g, b });
          const oklab = hexToOklab(hex);
          if (oklab === null || formatHex(oklabToRgb(oklab)) !== hex) mismatches++;
        }
      }
    }
    expect(mismatches).toBe(0);
  });

  it('comes back within 1e-6 of a channel before rounding', () => {
    for (const rgb of [
      { r: 1, g: 2, b: 3 },
      { r: 254, g: 0, b: 128 },
      { r: 17, g: 200, b: 33 },
    ]) {
      const back = oklabToRgb(rgbToOklab(rgb));
      expect(Math.abs(back.r - rgb.r)).toBeLessThan(1e-6);
      expect(Math.abs(back.g - rgb.g)).toBeLessThan(1e-6);
      expect(Math.abs(back.b - rgb.b)).toBeLessThan(1e-6);
    }
  });

  it('returns null for a string that is not a hex colour', () => {
    expect(hexToOklab('#12')).toBeNull();
  });
});
