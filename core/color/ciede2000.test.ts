import { describe, expect, it } from 'vitest';
import { ciede2000 } from './ciede2000.ts';
import { deltaEHex } from './delta-e-hex.ts';
import type { Lab } from './lab.ts';

// G. Sharma, W. Wu, E. N. Dalal (2005), Table 1: the 34 published test pairs, as
// L1 a1 b1 L2 a2 b2 ΔE00 (http://www2.ece.rochester.edu/~gsharma/ciede2000/), as carried by culori's
// test/difference.test.js; color.js's test/delta.js has the same rows (bar a typo, 0.00010, in row 14's a2).
// Rows 1–6 probe the sign of ΔH and ΔC, 7–16 the arctan and mean-hue wrap-around, 17–24 large and
// unit differences, 25–34 are the CIE 142-2001 examples.
const SHARMA_TABLE = `
50.0000   2.6772 -79.7751  50.0000   0.0000 -82.7485  2.0425
50.0000   3.1571 -77.2803  50.0000   0.0000 -82.7485  2.8615
50.0000   2.8361 -74.0200  50.0000   0.0000 -82.7485  3.4412
50.0000  -1.3802 -84.2814  50.0000   0.0000 -82.7485  1.0000
50.0000  -1.1848 -84.8006  50.0000   0.0000 -82.7485  1.0000
50.0000  -0.9009 -85.5211  50.0000   0.0000 -82.7485  1.0000
50.0000   0.0000   0.0000  50.0000  -1.0000   2.0000  2.3669
50.0000  -1.0000   2.0000  50.0000   0.0000   0.0000  2.3669
50.0000   2.4900  -0.0010  50.0000  -2.4900   0.0009  7.1792
50.0000   2.4900  -0.0010  50.0000  -2.4900   0.0010  7.1792
50.0000   2.4900  -0.0010  50.0000  -2.4900   0.0011  7.2195
50.0000   2.4900  -0.0010  50.0000  -2.4900   0.0012  7.2195
50.0000  -0.0010   2.4900  50.0000   0.0009  -2.4900  4.8045
50.0000  -0.0010   2.4900  50.0000   0.0010  -2.4900  4.8045
50.0000  -0.0010   2.4900  50.0000   0.0011  -2.4900  4.7461
50.0000   2.5000   0.0000  50.0000   0.0000  -2.5000  4.3065
50.0000   2.5000   0.0000  73.0000  25.0000 -18.0000 27.1492
50.0000   2.5000   0.0000  61.0000  -5.0000  29.0000 22.8977
50.0000   2.5000   0.0000  56.0000 -27.0000  -3.0000 31.9030
50.0000   2.5000   0.0000  58.0000  24.0000  15.0000 19.4535
50.0000   2.5000   0.0000  50.0000   3.1736   0.5854  1.0000
50.0000   2.5000   0.0000  50.0000   3.2972   0.0000  1.0000
50.0000   2.5000   0.0000  50.0000   1.8634   0.5757  1.0000
50.0000   2.5000   0.0000  50.0000   3.2592   0.3350  1.0000
60.2574 -34.0099  36.2677  60.4626 -34.1751  39.4387  1.2644
63.0109 -31.0961  -5.8663  62.8187 -29.7946  -4.0864  1.2630
61.2901   3.7196  -5.3901  61.4292   2.2480  -4.9620  1.8731
35.0831 -44.1164   3.7933  35.0232 -40.0716   1.5901  1.8645
22.7233  20.0904 -46.6940  23.0331  14.9730 -42.5619  2.0373
36.4612  47.8580  18.3852  36.2715  50.5065  21.2231  1.4146
90.8027  -2.0831   1.4410  91.1528  -1.6435   0.0447  1.4441
90.9257  -0.5406  -0.9208  88.6381  -0.8985  -0.7239  1.5381
 6.7747  -0.2908  -2.4247   5.8714  -0.0985  -2.2286  0.6377
 2.0776   0.0795  -1.1350   0.9033  -0.0636  -0.5514  0.9082
`;

interface SharmaPair {
  readonly row: number;
  readonly lab1: Lab;
  readonly lab2: Lab;
  readonly deltaE: number;
}

const SHARMA_PAIRS: readonly SharmaPair[] = SHARMA_TABLE.trim()
  .split('\n')
  .map((line, index) => {
    const v = line.trim().split(/\s+/).map(Number);
    if (v.length !== 7 || v.some(Number.isNaN)) throw new Error(`Sharma row ${index + 1} is malformed: ${line}`);
    const [L1, a1, b1, L2, a2, b2, deltaE] = v as [number, number, number, number, number, number, number];
    return { row: index + 1, lab1: { L: L1, a: a1, b: b1 }, lab2: { L: L2, a: a2, b: b2 }, deltaE };
  });

/** The table prints ΔE00 to four decimals. */
const HALF_UNIT_OF_4TH_DECIMAL = 0.00005;

describe('ciede2000', () => {
  it('has all 34 of Sharma’s pairs to test against', () => {
    expect(SHARMA_PAIRS).toHaveLength(34);
  });

  it.each(SHARMA_PAIRS)('Sharma row $row: ΔE00 = $deltaE', ({ lab1, lab2, deltaE }) => {
    expect(Math.abs(ciede2000(lab1, lab2) - deltaE)).toBeLessThanOrEqual(HALF_UNIT_OF_4TH_DECIMAL);
  });

  it.each(SHARMA_PAIRS)('Sharma row $row: the same with the colours swapped', ({ lab1, lab2, deltaE }) => {
    expect(Math.abs(ciede2000(lab2, lab1) - deltaE)).toBeLessThanOrEqual(HALF_UNIT_OF_4TH_DECIMAL);
  });

  it('is 0 for identical colours, neutral or not', () => {
    expect(ciede2000({ L: 50, a: 0, b: 0 }, { L: 50, a: 0, b: 0 })).toBe(0);
    expect(ciede2000({ L: 30, a: -20, b: 45 }, { L: 30, a: -20, b: 45 })).toBe(0);
  });

  it('is the lightness difference alone for two neutrals at L = 50, where S_L = 1', () => {
    expect(ciede2000({ L: 50, a: 0, b: 0 }, { L: 53, a: 0, b: 0 })).toBeCloseTo(3 / (1 + (0.015 * 1.5 ** 2) / Math.sqrt(20 + 1.5 ** 2)), 12);
  });
});

describe('deltaEHex', () => {
  it('is 0 for the same colour written two ways', () => {
    expect(deltaEHex('#abc', 'AABBCC')).toBe(0);
  });

  it('is 100 between black and white (color.js "DeltaE 2000": white vs black)', () => {
    // https://github.com/color-js/color.js/blob/main/test/delta.js
    expect(deltaEHex('#000000', '#ffffff')).toBeCloseTo(100, 4);
  });

  it('returns null when either side is not a hex colour', () => {
    expect(deltaEHex('#fff', 'white')).toBeNull();
    expect(deltaEHex('', '#000')).toBeNull();
  });
});
