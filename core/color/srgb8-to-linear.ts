import { srgbToLinear } from './srgb-to-linear.ts';

/**
 * Linear light (0–1) for each 8-bit sRGB value 0–255: `SRGB8_TO_LINEAR[byte]`. A lookup replaces a
 * `pow` per channel in per-pixel loops. Shared by everyone: treat it as read-only.
 */
export const SRGB8_TO_LINEAR: Float64Array = new Float64Array(256);
for (let byte = 0; byte < 256; byte++) SRGB8_TO_LINEAR[byte] = srgbToLinear(byte / 255);
