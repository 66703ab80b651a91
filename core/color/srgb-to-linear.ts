// IEC 61966-2-1 (sRGB): below the breakpoint the curve is a straight line of slope 1/12.92,
// above it a 2.4 power with offset 0.055. (WCAG 2.0 quoted 0.03928 as the breakpoint, from an
// earlier draft; no 8-bit value falls between the two, so results on bytes are identical.)
const ENCODED_BREAKPOINT = 0.04045;

/** sRGB transfer function decoding: gamma-encoded 0–1 → linear light 0–1. */
export function srgbToLinear(c: number): number {
  return c <= ENCODED_BREAKPOINT ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}
