import { linearSrgbToOklabInto } from './private/linear-srgb-to-oklab-into.ts';
import type { Oklab } from './oklab.ts';
import type { Rgb } from './rgb.ts';
import { srgbToLinear } from './srgb-to-linear.ts';

/** sRGB (channels 0–255, fractional allowed) → OKLab (L 0–1). For bytes in a loop, use `rgb8ToOklab`. */
export function rgbToOklab({ r, g, b }: Rgb): Oklab {
  const out = new Float64Array(3);
  linearSrgbToOklabInto(srgbToLinear(r / 255), srgbToLinear(g / 255), srgbToLinear(b / 255), out, 0);
  return { L: out[0]!, a: out[1]!, b: out[2]! };
}
