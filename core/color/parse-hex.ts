import type { Rgb } from './rgb.ts';

// 3, 4, 6 or 8 hex digits, with or without '#': the CSS hex forms. Alpha (4th / 7th–8th digits) is dropped.
const HEX_PATTERN = /^#?([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

/** Parses '#abc', 'abc', '#abcd', '#aabbcc' or '#aabbccdd' (trimmed, any case) to 0–255 channels, alpha dropped; null if it is none of these. */
export function parseHex(s: string): Rgb | null {
  const digits = HEX_PATTERN.exec(s.trim())?.[1];
  if (digits === undefined) return null;
  if (digits.length <= 4) {
    // Short form: each digit is doubled, so 'a' → 0xaa = 0xa × 17.
    return {
      r: parseInt(digits.charAt(0), 16) * 17,
      g: parseInt(digits.charAt(1), 16) * 17,
      b: parseInt(digits.charAt(2), 16) * 17,
    };
  }
  return {
    r: parseInt(digits.slice(0, 2), 16),
    g: parseInt(digits.slice(2, 4), 16),
    b: parseInt(digits.slice(4, 6), 16),
  };
}
