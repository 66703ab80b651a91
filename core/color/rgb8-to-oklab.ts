import { linearSrgbToOklabInto } from './private/linear-srgb-to-oklab-into.ts';
import { SRGB8_TO_LINEAR } from './srgb8-to-linear.ts';

/**
 * Per-pixel OKLab: 8-bit sRGB channels (integers 0–255, e.g. straight from RGBA bytes) → L (0–1), a, b
 * written to `out[offset]`, `out[offset + 1]`, `out[offset + 2]`. Allocates nothing; same numbers as `rgbToOklab`.
 */
export function rgb8ToOklab(r: number, g: number, b: number, out: Float64Array, offset: number): void {
  // Bytes index a 256-entry table, so these reads are always in range.
  linearSrgbToOklabInto(SRGB8_TO_LINEAR[r]!, SRGB8_TO_LINEAR[g]!, SRGB8_TO_LINEAR[b]!, out, offset);
}
