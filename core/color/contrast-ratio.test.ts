import { describe, expect, it } from 'vitest';
import { contrastRatio } from './contrast-ratio.ts';
import { parseHex } from './parse-hex.ts';
import type { Rgb } from './rgb.ts';
import { relativeLuminance } from './relative-luminance.ts';

function hex(s: string): Rgb {
  const rgb = parseHex(s);
  if (rgb === null) throw new Error(`bad test colour ${s}`);
  return rgb;
}

describe('relativeLuminance', () => {
  it('is 0 for black and 1 for white', () => {
    expect(relativeLuminance(hex('#000'))).toBe(0);
    expect(relativeLuminance(hex('#fff'))).toBeCloseTo(1, 12);
  });

  it('weights the primaries 0.2126 / 0.7152 / 0.0722 (WCAG 2.x definition)', () => {
    expect(relativeLuminance(hex('#f00'))).toBeCloseTo(0.2126, 12);
    expect(relativeLuminance(hex('#0f0'))).toBeCloseTo(0.7152, 12);
    expect(relativeLuminance(hex('#00f'))).toBeCloseTo(0.0722, 12);
  });
});

// Published ratios against white: #777 4.48:1 (WebAIM / axe / WAVE, http://www.davidmacd.com/test/check-color.html),
// #767676 4.54:1 (the lightest grey passing AA), #999 2.85:1 and #595959 7.0:1, as quoted by WebAIM's checker.
const ON_WHITE: ReadonlyArray<readonly [foreground: string, ratio: number]> = [
  ['#777777', 4.48],
  ['#767676', 4.54],
  ['#999999', 2.85],
  ['#595959', 7.0],
];

describe('contrastRatio', () => {
  it('is 21 for black on white and 1 for a colour on itself', () => {
    expect(contrastRatio(hex('#000'), hex('#fff'))).toBeCloseTo(21, 12);
    expect(contrastRatio(hex('#3a7'), hex('#3a7'))).toBe(1);
  });

  it.each(ON_WHITE)('%s on white is %f:1, as published (two decimals)', (foreground, ratio) => {
    expect(contrastRatio(hex(foreground), hex('#fff'))).toBeCloseTo(ratio, 2);
  });

  it('does not round #777 up to a passing 4.5 (WCAG working group, 2016)', () => {
    expect(contrastRatio(hex('#777'), hex('#fff'))).toBeLessThan(4.5);
    expect(contrastRatio(hex('#767676'), hex('#fff'))).toBeGreaterThanOrEqual(4.5);
  });

  it('is the same in either order', () => {
    expect(contrastRatio(hex('#fff'), hex('#777'))).toBe(contrastRatio(hex('#777'), hex('#fff')));
  });
});
