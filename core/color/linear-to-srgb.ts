// IEC 61966-2-1: the linear-light breakpoint, 0.04045 / 12.92, where the line meets the power curve.
const LINEAR_BREAKPOINT = 0.0031308;

/** sRGB transfer function encoding: linear light 0–1 → gamma-encoded 0–1 (inverse of `srgbToLinear`). */
export function linearToSrgb(c: number): number {
  return c <= LINEAR_BREAKPOINT ? c * 12.92 : 1.055 * c ** (1 / 2.4) - 0.055;
}
