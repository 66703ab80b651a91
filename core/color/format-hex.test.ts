import { describe, expect, it } from 'vitest';
import { formatHex } from './format-hex.ts';
import { parseHex } from './parse-hex.ts';

describe('formatHex', () => {
  it('writes lower-case #rrggbb with zero padding', () => {
    expect(formatHex({ r: 0, g: 10, b: 255 })).toBe('#000aff');
    expect(formatHex({ r: 0xab, g: 0xcd, b: 0xef })).toBe('#abcdef');
  });

  it('rounds fractional channels to the nearest byte', () => {
    expect(formatHex({ r: 17.49, g: 17.5, b: 254.6 })).toBe('#1112ff');
  });

  it('clamps out-of-gamut channels, and NaN to 0', () => {
    expect(formatHex({ r: -3, g: 300, b: Number.NaN })).toBe('#00ff00');
  });

  it('is the inverse of parseHex for every byte value', () => {
    for (let v = 0; v < 256; v++) {
      const hex = `#${v.toString(16).padStart(2, '0')}${(255 - v).toString(16).padStart(2, '0')}${v.toString(16).padStart(2, '0')}`;
      const rgb = parseHex(hex);
      expect(rgb).not.toBeNull();
      if (rgb !== null) expect(formatHex(rgb)).toBe(hex);
    }
  });
});
